package org.specrage.optim;

/**
 * Lowers the learning rate when a monitored value (lower is better, e.g. validation loss) has
 * not improved for {@code patience} epochs, as torch's ReduceLROnPlateau in "min" mode with a
 * relative threshold: an improvement means value < best * (1 - threshold).
 */
public final class ReduceLrOnPlateau {
    private final Optimizer optimizer;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final int cooldown;
    private final double minLearningRate;
    private double best = Double.POSITIVE_INFINITY;
    private int badEpochs;
    private int cooldownLeft;

    /** Defaults as torch: factor 0.1, patience 10, threshold 1e-4, no cooldown, min lr 0. */
    public ReduceLrOnPlateau(Optimizer optimizer) {
        this(optimizer, 0.1, 10, 1e-4, 0, 0);
    }

    public ReduceLrOnPlateau(Optimizer optimizer, double factor, int patience, double threshold, int cooldown, double minLearningRate) {
        if (!(factor > 0 && factor < 1)) throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
        if (patience < 0 || cooldown < 0) throw new IllegalArgumentException("patience and cooldown must be >= 0");
        if (!(threshold >= 0)) throw new IllegalArgumentException("threshold must be >= 0, got " + threshold);
        this.optimizer = optimizer;
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.cooldown = cooldown;
        this.minLearningRate = minLearningRate;
    }

    /** Records one epoch's value; returns true if the learning rate was lowered. */
    public boolean step(double value) {
        if (value < best * (1 - threshold)) {
            best = value;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badEpochs = 0;
        }
        if (badEpochs > patience) {
            double old = optimizer.learningRate();
            double lowered = Math.max(old * factor, minLearningRate);
            badEpochs = 0;
            cooldownLeft = cooldown;
            if (lowered < old) {
                optimizer.setLearningRate(lowered);
                return true;
            }
        }
        return false;
    }

    public double best() {
        return best;
    }
}
