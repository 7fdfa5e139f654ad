package org.specrage.methods.common;

/**
 * Timing and events of one training stage: sends {@link TrainingListener} its stage, step and
 * epoch events and builds the {@link EpochStats} and {@link StageSummary}. Samples per second
 * count the training steps only (from the epoch start to the end of its last step), not validation.
 */
public final class StageReporter {
    private final String stage;
    private final int maxEpochs;
    private final TrainingListener listener;
    private final long stageStart = System.nanoTime();
    private long epochStart;
    private long lastStepEnd;
    private long epochSamples;
    private double lossSum;
    private int lossCount;
    private int epochs;
    private long totalSamples;
    private long totalTrainNanos;
    private double lastLoss = Double.NaN;

    public StageReporter(String stage, int maxEpochs, long samplesPerEpoch, TrainingListener listener) {
        this.stage = stage;
        this.maxEpochs = maxEpochs;
        this.listener = listener;
        listener.stageStarted(stage, maxEpochs, samplesPerEpoch);
    }

    public String stage() {
        return stage;
    }

    public TrainingListener listener() {
        return listener;
    }

    public void startEpoch() {
        epochStart = System.nanoTime();
        lastStepEnd = epochStart;
        epochSamples = 0;
        lossSum = 0;
        lossCount = 0;
    }

    /** A finished step over {@code samples} rows with the given loss (NaN for a failed step, not averaged). */
    public void step(long samples, double loss) {
        lastStepEnd = System.nanoTime();
        epochSamples += samples;
        if (Double.isFinite(loss)) {
            lossSum += loss;
            lossCount++;
        }
        listener.samplesDone(stage, epochs, epochSamples);
    }

    /** Mean loss of the current epoch's successful steps (NaN if none). */
    public double epochLoss() {
        return lossCount == 0 ? Double.NaN : lossSum / lossCount;
    }

    /** Ends the epoch, reports it and returns its statistics. */
    public EpochStats endEpoch(double validationLoss, double learningRate) {
        long trainNanos = lastStepEnd - epochStart;
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        double rate = trainNanos > 0 ? epochSamples / (trainNanos / 1e9) : Double.NaN;
        EpochStats stats = new EpochStats(stage, epochs, maxEpochs, epochLoss(), validationLoss, learningRate, epochSamples, seconds, rate);
        epochs++;
        totalSamples += epochSamples;
        totalTrainNanos += trainNanos;
        lastLoss = stats.loss();
        listener.epochDone(stats);
        return stats;
    }

    public void message(String text) {
        listener.message(stage, text);
    }

    /** Ends the stage and reports its summary. */
    public StageSummary finish(double bestLoss, int recoveries, String stopReason) {
        double seconds = (System.nanoTime() - stageStart) / 1e9;
        double rate = totalTrainNanos > 0 ? totalSamples / (totalTrainNanos / 1e9) : Double.NaN;
        StageSummary summary = new StageSummary(stage, epochs, totalSamples, seconds, rate, lastLoss, bestLoss, recoveries, stopReason);
        listener.stageDone(summary);
        return summary;
    }

    /** Runs an untrained stage (graph, k-means, ...) between start and done events and returns its summary. */
    public static StageSummary untrained(String stage, TrainingListener listener, Runnable body) {
        long start = System.nanoTime();
        listener.stageStarted(stage, 0, 0);
        body.run();
        StageSummary summary = StageSummary.untrained(stage, (System.nanoTime() - start) / 1e9);
        listener.stageDone(summary);
        return summary;
    }
}
