package org.specrage.tensor;

import java.util.ArrayList;
import org.specrage.linalg.FMatrix;

/**
 * Records ops in the order they run and replays their backward steps in reverse.
 *
 * <p>Typical step: {@code tape.reset(); Tensor x = tape.input(batch); Tensor loss = ...;
 * tape.backward(loss); optimizer.step(); optimizer.zeroGrad();}. The tape owns a pool of
 * arrays for op results and their gradients; {@link #reset()} recycles them, so steps with the
 * same shapes allocate no new arrays. Tensors made before a reset must not be used after it.
 * A tape is used by one thread at a time.
 */
public final class Tape {
    final Arena arena = new Arena();
    private final ArrayList<Tensor> recorded = new ArrayList<>();
    private int generation = 1;
    private boolean backwardDone;

    int generation() {
        return generation;
    }

    /** Forgets all recorded ops and recycles their arrays; previous tape tensors become invalid. */
    public void reset() {
        recorded.clear();
        arena.reset();
        generation++;
        backwardDone = false;
    }

    /** Number of ops recorded for the backward pass since the last reset. */
    public int recordedOps() {
        return recorded.size();
    }

    /** Bytes of arrays held in this tape's pool. */
    public long pooledBytes() {
        return arena.bytes();
    }

    /** A constant input wrapping the matrix's array (no copy): do not change it before backward. */
    public Tensor input(FMatrix values) {
        return new Tensor(values.rows, values.cols, values.data, this, false);
    }

    /** A constant input holding copies of {@code source}'s rows {@code indices[from..to)}, in that order. */
    public Tensor inputRows(FMatrix source, int[] indices, int from, int to) {
        if (from < 0 || to > indices.length || from > to) {
            throw new IllegalArgumentException("row range [" + from + ", " + to + ") outside 0.." + indices.length);
        }
        Tensor out = constant(to - from, source.cols);
        int c = source.cols;
        for (int i = from; i < to; i++) {
            int r = indices[i];
            if (r < 0 || r >= source.rows) throw new IllegalArgumentException("row index " + r + " outside 0.." + source.rows);
            System.arraycopy(source.data, r * c, out.data, (i - from) * c, c);
        }
        return out;
    }

    /** A constant of the given shape from the tape's pool, for the caller to fill completely before use (its contents are undefined). */
    public Tensor blank(int rows, int cols) {
        return constant(rows, cols);
    }

    /** A constant filled with one value. */
    public Tensor full(int rows, int cols, float value) {
        Tensor out = constant(rows, cols);
        java.util.Arrays.fill(out.data, value);
        return out;
    }

    /**
     * Brings a leaf (e.g. a parameter) onto this tape as an op result sharing its values, so that
     * ops on leaves alone (a weight penalty, say) can be recorded. Gradients flow back to the leaf.
     */
    public Tensor watch(Tensor leaf) {
        if (leaf.tape != null) throw new IllegalArgumentException("watch() takes a leaf; this tensor is already on a tape");
        Tensor out = new Tensor(leaf.rows, leaf.cols, leaf.data, this, leaf.requiresGrad);
        if (out.requiresGrad) {
            record(out, () -> Kernels.addInto(leaf.gradForAccumulate(), out.grad, leaf.size()));
        }
        return out;
    }

    /**
     * Back-propagates from a 1 x 1 loss: its gradient is seeded with 1, and every tensor that
     * requires a gradient and contributed to the loss receives d(loss)/d(tensor). Leaf gradients
     * accumulate; call once per reset.
     */
    public void backward(Tensor loss) {
        if (loss.size() != 1) throw new IllegalArgumentException("backward(loss) needs a 1 x 1 loss, got " + loss.shape());
        backward(loss, ONE);
    }

    private static final float[] ONE = {1f};

    /**
     * Back-propagates a given output gradient (a vector-Jacobian product): {@code seed} has the
     * output's shape and is copied.
     */
    public void backward(Tensor output, float[] seed) {
        if (output.tape != this) throw new IllegalArgumentException("tensor is not on this tape");
        output.checkLive();
        if (seed.length != output.size()) {
            throw new IllegalArgumentException("seed length " + seed.length + " != output size " + output.size());
        }
        if (!output.requiresGrad) throw new IllegalArgumentException("output does not depend on anything that requires a gradient");
        if (backwardDone) throw new IllegalStateException("backward already ran on this tape; reset() before the next step");
        backwardDone = true;
        float[] g = output.gradForAccumulate();
        System.arraycopy(seed, 0, g, 0, seed.length);
        for (int i = recorded.size() - 1; i >= 0; i--) {
            Tensor t = recorded.get(i);
            if (t.gradLive) t.backward.run();
        }
    }

    // ---- for the ops ----

    /** A result tensor whose array is stale: the op must write every entry. */
    Tensor result(int rows, int cols, boolean requiresGrad) {
        return new Tensor(rows, cols, arena.floats(Tensor.checkedSize(rows, cols)), this, requiresGrad);
    }

    private Tensor constant(int rows, int cols) {
        return result(rows, cols, false);
    }

    /** Registers the backward step of {@code out} (only called when out requires a gradient). */
    void record(Tensor out, Runnable backward) {
        if (backwardDone) throw new IllegalStateException("backward already ran on this tape; reset() before recording new ops");
        out.backward = backward;
        recorded.add(out);
    }

    float[] scratch(int length) {
        return arena.floats(length);
    }

    double[] scratchDouble(int length) {
        return arena.doubles(length);
    }

    /** The tape shared by the inputs of an op (checks they are live and agree). */
    static Tape of(Tensor a) {
        if (a.tape == null) throw noTape();
        a.checkLive();
        return a.tape;
    }

    static Tape of(Tensor a, Tensor b) {
        Tape t = a.tape != null ? a.tape : b.tape;
        if (t == null) throw noTape();
        if (b.tape != null && b.tape != t) throw new IllegalArgumentException("inputs are on different tapes");
        a.checkLive();
        b.checkLive();
        return t;
    }

    static Tape of(Tensor... inputs) {
        Tape t = null;
        for (Tensor x : inputs) {
            if (x.tape == null) continue;
            if (t != null && x.tape != t) throw new IllegalArgumentException("inputs are on different tapes");
            t = x.tape;
        }
        if (t == null) throw noTape();
        for (Tensor x : inputs) x.checkLive();
        return t;
    }

    private static IllegalArgumentException noTape() {
        return new IllegalArgumentException("none of the op's inputs is on a tape: bring leaves in with tape.input(...) or tape.watch(...)");
    }
}
