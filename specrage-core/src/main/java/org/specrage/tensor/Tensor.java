package org.specrage.tensor;

import java.util.Arrays;
import org.specrage.linalg.FMatrix;

/**
 * A float32 matrix (row-major, {@code rows x cols}; vectors are 1 x n) that can take part in
 * reverse-mode differentiation.
 *
 * <p>Two kinds exist. <b>Leaves</b> (parameters, fixed inputs) are made by the static factories,
 * own their arrays and live as long as you keep them; a leaf's gradient accumulates across
 * {@link Tape#backward} calls until {@link #zeroGrad()}. <b>Tape tensors</b> are the results of ops
 * (and {@link Tape#input}); their arrays come from the tape's pool and are valid only until the
 * tape's next {@link Tape#reset()} — reading them afterwards throws.
 *
 * <p>The methods below (add, matmul, relu, sum, ...) are shorthands for the static ops in
 * {@link Arithmetic}, {@link Activations}, {@link Reductions}, {@link MatrixOps} and {@link RowOps}.
 * An op needs at least one of its inputs on a tape; bring a bare leaf in with {@link Tape#watch}.
 */
public final class Tensor {
    public final int rows;
    public final int cols;
    final float[] data;
    final Tape tape;
    final int generation;
    final boolean requiresGrad;
    /** Gradient array; for tape tensors it comes from the pool and holds garbage while {@link #gradLive} is false. */
    float[] grad;
    /** True once {@link #grad} holds a valid (possibly partial) gradient. */
    boolean gradLive;
    /** Propagates this tensor's gradient to its inputs; null for leaves and constants. */
    Runnable backward;

    Tensor(int rows, int cols, float[] data, Tape tape, boolean requiresGrad) {
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("data length " + data.length + " != " + rows + " x " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.tape = tape;
        this.generation = tape == null ? 0 : tape.generation();
        this.requiresGrad = requiresGrad;
    }

    /** A trainable leaf with the given initial values (copied) and a gradient. */
    public static Tensor parameter(FMatrix initial) {
        return new Tensor(initial.rows, initial.cols, initial.data.clone(), null, true);
    }

    /** A trainable leaf of zeros. */
    public static Tensor parameter(int rows, int cols) {
        return new Tensor(rows, cols, new float[checkedSize(rows, cols)], null, true);
    }

    /** A leaf wrapping the given values without copying; gradients are collected only if requested. */
    public static Tensor leaf(FMatrix values, boolean requiresGrad) {
        return new Tensor(values.rows, values.cols, values.data, null, requiresGrad);
    }

    static int checkedSize(int rows, int cols) {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative shape " + rows + " x " + cols);
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("tensor too large: " + rows + " x " + cols);
        return (int) size;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    public boolean isLeaf() {
        return tape == null;
    }

    public int size() {
        return data.length;
    }

    /** The values (not a copy; writes to a parameter's array change the parameter). */
    public float[] data() {
        checkLive();
        return data;
    }

    /** The values as a matrix sharing this tensor's array. */
    public FMatrix value() {
        checkLive();
        return new FMatrix(rows, cols, data);
    }

    /** The single value of a 1 x 1 tensor. */
    public float item() {
        checkLive();
        if (data.length != 1) throw new IllegalArgumentException("item() needs a 1 x 1 tensor, this is " + shape());
        return data[0];
    }

    public float get(int r, int c) {
        checkLive();
        return data[r * cols + c];
    }

    /**
     * The gradient (not a copy), zeros if nothing has flowed into it since the last reset or
     * {@link #zeroGrad()}. Throws if this tensor does not require a gradient.
     */
    public float[] grad() {
        checkLive();
        if (!requiresGrad) throw new IllegalStateException("tensor " + shape() + " does not require a gradient");
        return gradForAccumulate();
    }

    /** Marks the gradient as zero without touching the array (the next write overwrites it). */
    public void zeroGrad() {
        gradLive = false;
    }

    public String shape() {
        return rows + " x " + cols;
    }

    @Override
    public String toString() {
        return "Tensor[" + shape() + (requiresGrad ? ", grad" : "") + (tape == null ? ", leaf" : "") + "]";
    }

    // ---- internals used by the ops ----

    void checkLive() {
        if (tape != null && generation != tape.generation()) {
            throw new IllegalStateException("tensor " + shape() + " belongs to an earlier step: its tape was reset and its buffer reused");
        }
    }

    private float[] gradArray() {
        if (grad == null) grad = tape == null ? new float[data.length] : tape.arena.floats(data.length);
        return grad;
    }

    /** The gradient array ready for {@code +=}: cleared on first use. */
    float[] gradForAccumulate() {
        float[] g = gradArray();
        if (!gradLive) {
            Arrays.fill(g, 0f);
            gradLive = true;
        }
        return g;
    }

    /**
     * The gradient array for a BLAS call that adds {@code beta * C}: returns the beta to use
     * (0 when nothing has been accumulated yet, so the array need not be cleared first).
     */
    float gemmBeta() {
        gradArray();
        float beta = gradLive ? 1f : 0f;
        gradLive = true;
        return beta;
    }

    /** The gradient array, assuming {@link #gemmBeta()} or {@link #gradForAccumulate()} was called. */
    float[] gradArrayLive() {
        return grad;
    }

    // ---- fluent shorthands ----

    public Tensor add(Tensor other) { return Arithmetic.add(this, other); }
    public Tensor sub(Tensor other) { return Arithmetic.sub(this, other); }
    public Tensor mul(Tensor other) { return Arithmetic.mul(this, other); }
    public Tensor div(Tensor other) { return Arithmetic.div(this, other); }
    public Tensor add(float c) { return Arithmetic.addScalar(this, c); }
    public Tensor mul(float c) { return Arithmetic.scale(this, c); }
    public Tensor neg() { return Arithmetic.scale(this, -1f); }

    public Tensor matmul(Tensor other) { return MatrixOps.matmul(this, other); }
    public Tensor transpose() { return MatrixOps.transpose(this); }

    public Tensor relu() { return Activations.relu(this); }
    public Tensor leakyRelu(float slope) { return Activations.leakyRelu(this, slope); }
    public Tensor tanh() { return Activations.tanh(this); }
    public Tensor sigmoid() { return Activations.sigmoid(this); }
    public Tensor softplus() { return Activations.softplus(this); }
    public Tensor exp() { return Activations.exp(this); }
    public Tensor log() { return Activations.log(this); }
    public Tensor sqrt() { return Activations.sqrt(this); }
    public Tensor square() { return Activations.square(this); }

    public Tensor sum() { return Reductions.sum(this); }
    public Tensor mean() { return Reductions.mean(this); }
    public Tensor rowSum() { return Reductions.rowSum(this); }
    public Tensor colSum() { return Reductions.colSum(this); }
    public Tensor rowMean() { return Reductions.rowMean(this); }
    public Tensor colMean() { return Reductions.colMean(this); }
}
