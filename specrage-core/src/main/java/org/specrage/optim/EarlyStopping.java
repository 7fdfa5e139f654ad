package org.specrage.optim;

/**
 * Stops training when a monitored value (lower is better) has not improved by more than
 * {@code minDelta} for {@code patience} consecutive epochs.
 */
public final class EarlyStopping {
    private final int patience;
    private final double minDelta;
    private double best = Double.POSITIVE_INFINITY;
    private int bestEpoch = -1;
    private int epoch = -1;
    private int badEpochs;

    public EarlyStopping(int patience, double minDelta) {
        if (patience < 1) throw new IllegalArgumentException("patience must be at least 1, got " + patience);
        if (!(minDelta >= 0)) throw new IllegalArgumentException("minDelta must be >= 0, got " + minDelta);
        this.patience = patience;
        this.minDelta = minDelta;
    }

    /** Records one epoch's value; returns true if it is a new best (a moment to snapshot the model). */
    public boolean observe(double value) {
        epoch++;
        if (value < best - minDelta) {
            best = value;
            bestEpoch = epoch;
            badEpochs = 0;
            return true;
        }
        badEpochs++;
        return false;
    }

    /** True once patience epochs in a row brought no improvement. */
    public boolean shouldStop() {
        return badEpochs >= patience;
    }

    public double best() {
        return best;
    }

    /** Zero-based index of the best epoch observed, -1 before any. */
    public int bestEpoch() {
        return bestEpoch;
    }
}
