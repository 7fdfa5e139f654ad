package org.specrage.methods.common;

import java.util.List;
import org.specrage.nn.BatchSampler;
import org.specrage.optim.Adam;
import org.specrage.tensor.Tensor;

/**
 * The epoch loop of a mini-batch training stage: Adam over the parameters, one step per batch of a
 * shuffled sampler, failed steps handed to {@link Recovery}, each epoch reported and its monitored
 * value given to {@link EpochControl} (plateau schedule, early stopping, minimum learning rate).
 * The last parameters are kept, not the best epoch's, unless the body {@link Body#keepsBest() keeps the best}.
 */
public final class MiniBatchLoop {
    private MiniBatchLoop() {
    }

    /** What one method does in the loop. */
    public interface Body {
        /**
         * One step on the rows order[from..from + batch): leaves the gradient in the parameters and
         * returns the loss; the loop then updates them. A failed step throws before any update.
         */
        double step(int[] order, int from) throws StepFailure;

        /** Called as an epoch starts, before the batches are shuffled (e.g. to redraw samples). */
        default void epochStarted(int epoch) {
        }

        /** The value the schedule monitors after an epoch's steps (default: their mean loss). */
        default double monitored(StageReporter reporter) {
            return reporter.epochLoss();
        }

        /** Called once the epoch is reported (for messages about it). */
        default void epochReported(int epoch, StageReporter reporter) {
        }

        /** Whether {@link #monitored} is a held-out loss, reported as the epoch's validation loss. */
        default boolean monitorsValidation() {
            return false;
        }

        /**
         * Whether the stage ends with the best epoch's parameters (lowest monitored value) rather
         * than the last; such stages also take a failure checkpoint after every epoch.
         */
        default boolean keepsBest() {
            return false;
        }
    }

    /** Runs the stage for at most options.epochs() epochs over the sampler's batches of batch rows. */
    public static StageSummary run(String stage, List<Tensor> parameters, TrainingOptions options, BatchSampler batches, int batch,
                                   TrainingListener listener, Body body) {
        Adam adam = new Adam(parameters, options.learningRate());
        EpochControl control = new EpochControl(adam, parameters, options);
        Recovery recovery = new Recovery(stage, parameters, adam, options.maxConsecutiveFailures(), listener);
        StageReporter reporter = new StageReporter(stage, options.epochs(), (long) batches.batches() * batch, listener);
        String stop = EpochControl.MAX_EPOCHS;
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            reporter.startEpoch();
            body.epochStarted(epoch);
            batches.shuffle();
            for (int b = 0; b < batches.batches(); b++) {
                double loss = Double.NaN;
                try {
                    loss = body.step(batches.order(), batches.batchStart(b));
                    adam.step();
                    adam.zeroGrad();
                    recovery.succeeded();
                } catch (StepFailure failure) {
                    recovery.failed(failure);
                }
                reporter.step(batch, loss);
            }
            double monitored = body.monitored(reporter);
            reporter.endEpoch(body.monitorsValidation() ? monitored : Double.NaN, adam.learningRate());
            body.epochReported(epoch, reporter);
            if (body.keepsBest()) recovery.checkpoint();
            String why = control.afterEpoch(monitored);
            if (why != null) {
                stop = why;
                break;
            }
        }
        if (body.keepsBest()) control.restoreBest();
        return reporter.finish(control.bestValue(), recovery.failures(), stop);
    }
}
