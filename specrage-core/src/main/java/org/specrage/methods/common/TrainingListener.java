package org.specrage.methods.common;

/**
 * Receives the progress of a fit, stage by stage ("autoencoder", "siamese", "kNN graph",
 * "spectralnet", "k-means", ...). Training stages report every epoch; the CLI turns the events into
 * a progress bar and a JSON-lines metrics log. Callbacks run on the training thread: keep them cheap.
 */
public interface TrainingListener {
    /** A stage begins; maxEpochs is 0 for stages that are not trained, samplesPerEpoch 0 when unknown. */
    default void stageStarted(String stage, int maxEpochs, long samplesPerEpoch) {
    }

    /** Some more samples of the current epoch are done (called at most once per training step). */
    default void samplesDone(String stage, int epoch, long samplesSoFarInEpoch) {
    }

    /** An epoch of a training stage ended. */
    default void epochDone(EpochStats stats) {
    }

    /** Something the user should know: a recovery from a failed step, early stopping, a warning. */
    default void message(String stage, String text) {
    }

    /** A stage ended. */
    default void stageDone(StageSummary summary) {
    }

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };
}
