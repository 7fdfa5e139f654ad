package org.specrage.methods.common;

import java.util.List;
import org.specrage.nn.ParameterSnapshot;
import org.specrage.optim.Optimizer;
import org.specrage.tensor.Tensor;

/**
 * Failure handling of a training loop. A step that fails ({@link StepFailure}: rank-deficient batch
 * output, non-finite loss or gradient) is skipped before the optimiser changes anything. The first
 * failure in a row just moves on to a fresh batch; each further one rolls the parameters back to
 * the last checkpoint and halves the learning rate. More than {@code maxConsecutiveFailures} in a
 * row, or more than {@code 10 * maxConsecutiveFailures} in all, stop training with a
 * {@link TrainingFailedException} that says what went wrong. A failed step never reaches the
 * optimiser, so its moment estimates stay finite; they are kept across a roll-back.
 */
public final class Recovery {
    /** Good steps between automatic checkpoints. */
    public static final int CHECKPOINT_EVERY = 50;
    private final String stage;
    private final Optimizer optimizer;
    private final ParameterSnapshot checkpoint;
    private final int maxConsecutiveFailures;
    private final TrainingListener listener;
    private int consecutive;
    private int total;
    private int goodSinceCheckpoint;

    public Recovery(String stage, List<Tensor> parameters, Optimizer optimizer, int maxConsecutiveFailures, TrainingListener listener) {
        if (maxConsecutiveFailures < 1) throw new IllegalArgumentException("max consecutive failures must be at least 1, got " + maxConsecutiveFailures);
        this.stage = stage;
        this.optimizer = optimizer;
        this.checkpoint = new ParameterSnapshot(parameters);
        this.maxConsecutiveFailures = maxConsecutiveFailures;
        this.listener = listener;
    }

    /** Records a successful step; takes a checkpoint every {@link #CHECKPOINT_EVERY} good steps. */
    public void succeeded() {
        consecutive = 0;
        if (++goodSinceCheckpoint >= CHECKPOINT_EVERY) checkpoint();
    }

    /** Takes a checkpoint of the current parameters now. */
    public void checkpoint() {
        checkpoint.capture();
        goodSinceCheckpoint = 0;
    }

    /** Handles a failed step; throws {@link TrainingFailedException} when the failures persist. */
    public void failed(StepFailure failure) {
        consecutive++;
        total++;
        optimizer.zeroGrad();
        if (consecutive > maxConsecutiveFailures || total > 10 * maxConsecutiveFailures) {
            String what = consecutive > maxConsecutiveFailures ? consecutive + " failed steps in a row" : total + " failed steps";
            throw new TrainingFailedException(stage + ": training stopped after " + what + "; the last one: "
                    + failure.getMessage() + ". Try a lower learning rate, a larger batch size, fewer clusters (k), or fewer extra_dimensions (data with few distinct rows).");
        }
        if (consecutive == 1) {
            listener.message(stage, "step failed (" + failure.getMessage() + "); retrying with a fresh batch");
            return;
        }
        checkpoint.restore();
        goodSinceCheckpoint = 0;
        double lr = optimizer.learningRate() / 2;
        optimizer.setLearningRate(lr);
        listener.message(stage, "step failed again (" + failure.getMessage() + "); rolled back to the last good parameters, learning rate halved to " + lr);
    }

    /** Failed steps so far. */
    public int failures() {
        return total;
    }

    private static final int EXPONENT_BITS = 0x7f800000;

    /** Throws a {@link StepFailure} unless every gradient entry of the parameters is finite. */
    public static void requireFiniteGradients(List<Tensor> parameters) throws StepFailure {
        // a float is NaN or infinite exactly when its exponent bits are all ones; an int max over the
        // exponents vectorises, where a floating-point sum runs one add latency per element
        int largestExponent = 0;
        for (Tensor p : parameters) {
            float[] g = p.grad();
            for (float v : g) largestExponent = Math.max(largestExponent, Float.floatToRawIntBits(v) & EXPONENT_BITS);
        }
        if (largestExponent == EXPONENT_BITS) throw new StepFailure("the gradient is not finite");
    }

    /** Throws a {@link StepFailure} unless the loss is finite. */
    public static void requireFiniteLoss(double loss) throws StepFailure {
        if (!Double.isFinite(loss)) throw new StepFailure("the loss is " + loss);
    }
}
