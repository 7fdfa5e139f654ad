package org.specrage.methods.specrage;

import java.util.List;

/**
 * What happened during a fit: seconds per stage, training throughput, the loss per epoch,
 * failed (skipped) steps and why training stopped.
 */
public record TrainingReport(double preprocessSeconds, double trainSeconds, double trainSamplesPerSecond,
                             double kmeansSeconds, List<Double> epochLosses, int failedSteps, String stopReason) {
    public TrainingReport {
        epochLosses = List.copyOf(epochLosses);
    }

    public double totalSeconds() {
        return preprocessSeconds + trainSeconds + kmeansSeconds;
    }
}
