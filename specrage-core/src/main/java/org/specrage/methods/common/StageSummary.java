package org.specrage.methods.common;

/**
 * The outcome of one stage of a fit.
 *
 * @param epochs           epochs run (0 for stages that are not trained)
 * @param samples          samples processed over all epochs (0 for stages that are not trained)
 * @param seconds          wall time of the stage
 * @param samplesPerSecond samples / seconds of the training steps, NaN for stages that are not trained
 * @param finalLoss        last epoch's training loss (NaN when not trained)
 * @param bestLoss         the monitored loss of the kept parameters (NaN when not trained)
 * @param recoveries       failed steps recovered from (rank-deficient batch, non-finite loss)
 * @param stopReason       why training stopped: "max epochs", "early stopping", "min learning rate", or "" when not trained
 */
public record StageSummary(String stage, int epochs, long samples, double seconds, double samplesPerSecond,
                           double finalLoss, double bestLoss, int recoveries, String stopReason) {

    /** A stage that is not trained (graph building, k-means, ...). */
    public static StageSummary untrained(String stage, double seconds) {
        return new StageSummary(stage, 0, 0, seconds, Double.NaN, Double.NaN, Double.NaN, 0, "");
    }

    /** JSON-ready form (non-finite numbers are written as null). */
    public java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("stage", stage);
        m.put("epochs", epochs);
        m.put("samples", samples);
        m.put("seconds", seconds);
        m.put("samples_per_second", samplesPerSecond);
        m.put("final_loss", finalLoss);
        m.put("best_loss", bestLoss);
        m.put("recoveries", recoveries);
        m.put("stop_reason", stopReason);
        return m;
    }

    /** Reads {@link #toJson()}. */
    public static StageSummary fromJson(org.specrage.model.Manifest m) throws org.specrage.model.ModelFormatException {
        return new StageSummary(m.string("stage"), m.smallInt("epochs"), m.integer("samples"), m.numberOrNaN("seconds"),
                m.numberOrNaN("samples_per_second"), m.numberOrNaN("final_loss"), m.numberOrNaN("best_loss"),
                m.smallInt("recoveries"), m.string("stop_reason"));
    }
}
