package org.specrage.methods.common;

import java.util.List;
import org.specrage.nn.ParameterSnapshot;
import org.specrage.optim.EarlyStopping;
import org.specrage.optim.Optimizer;
import org.specrage.optim.ReduceLrOnPlateau;
import org.specrage.tensor.Tensor;

/**
 * The per-epoch decisions of a training stage from one monitored value (lower is better): lower the
 * learning rate on plateaus, stop early or once the learning rate is below its minimum, and keep
 * a copy of the best parameters seen.
 */
public final class EpochControl {
    public static final String MAX_EPOCHS = "max epochs";
    public static final String EARLY_STOPPING = "early stopping";
    public static final String MIN_LEARNING_RATE = "min learning rate";
    private final Optimizer optimizer;
    private final ReduceLrOnPlateau plateau;
    private final EarlyStopping early;
    private final double minLearningRate;
    private final ParameterSnapshot best;
    private double bestValue = Double.POSITIVE_INFINITY;

    public EpochControl(Optimizer optimizer, List<Tensor> parameters, TrainingOptions options) {
        this.optimizer = optimizer;
        this.plateau = new ReduceLrOnPlateau(optimizer, options.lrFactor(), options.lrPatience(), 1e-4, 0, 0);
        this.early = options.earlyStoppingPatience() > 0 ? new EarlyStopping(options.earlyStoppingPatience(), 0) : null;
        this.minLearningRate = options.minLearningRate();
        this.best = new ParameterSnapshot(parameters);
    }

    /** Records an epoch's monitored value; returns why training should stop, or null to go on. */
    public String afterEpoch(double monitored) {
        if (!Double.isFinite(monitored)) return null;
        if (monitored < bestValue) {
            bestValue = monitored;
            best.capture();
        }
        plateau.step(monitored);
        if (early != null) {
            early.observe(monitored);
            if (early.shouldStop()) return EARLY_STOPPING;
        }
        if (optimizer.learningRate() < minLearningRate) return MIN_LEARNING_RATE;
        return null;
    }

    /** Puts the best parameters seen back (no-op if no epoch was finite). */
    public void restoreBest() {
        if (Double.isFinite(bestValue)) best.restore();
    }

    public double bestValue() {
        return bestValue;
    }
}
