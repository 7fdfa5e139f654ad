package org.specrage.methods.ssl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a training run did.
 *
 * @param loss            loss name and weights
 * @param epochLosses     mean loss of each completed (or interrupted) epoch
 * @param steps           optimiser steps taken
 * @param samplesSeen     training samples processed (each in two views)
 * @param seconds         wall time of the training loop
 * @param augmentSeconds  part of it spent making the views
 * @param stoppedByTimeLimit true when the time limit ended training before the last epoch
 */
public record SslTrainingHistory(String loss, double[] epochLosses, long steps, long samplesSeen, double seconds,
                                 double augmentSeconds, boolean stoppedByTimeLimit) {
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", loss);
        m.put("epoch_losses", epochLosses.clone());
        m.put("steps", steps);
        m.put("samples_seen", samplesSeen);
        m.put("seconds", seconds);
        m.put("augment_seconds", augmentSeconds);
        m.put("stopped_by_time_limit", stoppedByTimeLimit);
        return m;
    }
}
