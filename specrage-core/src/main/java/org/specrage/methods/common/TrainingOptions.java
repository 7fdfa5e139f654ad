package org.specrage.methods.common;

/**
 * How one network is trained: Adam with a learning rate lowered on plateaus, optional early
 * stopping, and a validation share of the training rows for stages that monitor one.
 *
 * @param epochs                 epoch limit (at least 1)
 * @param batchSize              rows (or pairs) per step
 * @param learningRate           Adam's initial learning rate
 * @param lrFactor               factor applied to the learning rate on a plateau, in (0, 1)
 * @param lrPatience             epochs without improvement before the learning rate is lowered
 * @param minLearningRate        training stops once the learning rate falls below this (0: never)
 * @param earlyStoppingPatience  epochs without improvement before stopping (0: no early stopping)
 * @param validationFraction     share of rows held out to monitor (0: monitor the training loss)
 * @param maxConsecutiveFailures failed steps in a row tolerated before training stops (see {@link Recovery})
 */
public record TrainingOptions(int epochs, int batchSize, double learningRate, double lrFactor, int lrPatience,
                              double minLearningRate, int earlyStoppingPatience, double validationFraction,
                              int maxConsecutiveFailures) implements JsonWritable {
    public TrainingOptions {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        if (!(learningRate > 0 && Double.isFinite(learningRate))) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        if (!(lrFactor > 0 && lrFactor < 1)) throw new IllegalArgumentException("learning-rate factor must be in (0, 1), got " + lrFactor);
        if (lrPatience < 0) throw new IllegalArgumentException("learning-rate patience must be >= 0, got " + lrPatience);
        if (!(minLearningRate >= 0 && minLearningRate < learningRate)) {
            throw new IllegalArgumentException("min learning rate must be in [0, learning rate), got " + minLearningRate);
        }
        if (earlyStoppingPatience < 0) throw new IllegalArgumentException("early-stopping patience must be >= 0, got " + earlyStoppingPatience);
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        if (maxConsecutiveFailures < 1) throw new IllegalArgumentException("max consecutive failures must be at least 1, got " + maxConsecutiveFailures);
    }

    /** Defaults of the reference SpectralNet: batch 1024, lr 1e-3, plateau factor 0.1 after 10 epochs, min lr 1e-8. */
    public static TrainingOptions of(int epochs) {
        return new TrainingOptions(epochs, 1024, 1e-3, 0.1, 10, 1e-8, 0, 0.0, 5);
    }

    /** JSON-ready form with snake_case keys. */
    public java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("epochs", epochs);
        m.put("batch_size", batchSize);
        m.put("learning_rate", learningRate);
        m.put("lr_factor", lrFactor);
        m.put("lr_patience", lrPatience);
        m.put("min_learning_rate", minLearningRate);
        m.put("early_stopping_patience", earlyStoppingPatience);
        m.put("validation_fraction", validationFraction);
        m.put("max_consecutive_failures", maxConsecutiveFailures);
        return m;
    }

    /** Reads {@link #toJson()}'s keys; absent keys keep the defaults' values. */
    public static TrainingOptions fromJson(JsonOptions json, TrainingOptions d) {
        if (json == null) return d;
        json.requireKnown(java.util.Set.of("epochs", "batch_size", "learning_rate", "lr_factor", "lr_patience", "min_learning_rate",
                "early_stopping_patience", "validation_fraction", "max_consecutive_failures"));
        double lr = json.number("learning_rate", d.learningRate);
        return new TrainingOptions(json.integer("epochs", d.epochs), json.integer("batch_size", d.batchSize), lr,
                json.number("lr_factor", d.lrFactor), json.integer("lr_patience", d.lrPatience),
                json.number("min_learning_rate", Math.min(d.minLearningRate, lr / 2)),
                json.integer("early_stopping_patience", d.earlyStoppingPatience),
                json.number("validation_fraction", d.validationFraction),
                json.integer("max_consecutive_failures", d.maxConsecutiveFailures));
    }

    public TrainingOptions withEpochs(int value) {
        return new TrainingOptions(value, batchSize, learningRate, lrFactor, lrPatience, minLearningRate, earlyStoppingPatience, validationFraction, maxConsecutiveFailures);
    }

    public TrainingOptions withBatchSize(int value) {
        return new TrainingOptions(epochs, value, learningRate, lrFactor, lrPatience, minLearningRate, earlyStoppingPatience, validationFraction, maxConsecutiveFailures);
    }

    /** Another initial learning rate; the minimum learning rate is lowered to at most half of it if needed. */
    public TrainingOptions withLearningRate(double value) {
        return new TrainingOptions(epochs, batchSize, value, lrFactor, lrPatience, Math.min(minLearningRate, value / 2), earlyStoppingPatience, validationFraction, maxConsecutiveFailures);
    }

    public TrainingOptions withSchedule(double factor, int patience, double minLr) {
        return new TrainingOptions(epochs, batchSize, learningRate, factor, patience, minLr, earlyStoppingPatience, validationFraction, maxConsecutiveFailures);
    }

    public TrainingOptions withEarlyStopping(int patience) {
        return new TrainingOptions(epochs, batchSize, learningRate, lrFactor, lrPatience, minLearningRate, patience, validationFraction, maxConsecutiveFailures);
    }

    public TrainingOptions withValidationFraction(double value) {
        return new TrainingOptions(epochs, batchSize, learningRate, lrFactor, lrPatience, minLearningRate, earlyStoppingPatience, value, maxConsecutiveFailures);
    }

    public TrainingOptions withMaxConsecutiveFailures(int value) {
        return new TrainingOptions(epochs, batchSize, learningRate, lrFactor, lrPatience, minLearningRate, earlyStoppingPatience, validationFraction, value);
    }
}
