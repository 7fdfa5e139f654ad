package org.specrage.optim;

import java.util.ArrayList;
import java.util.List;
import org.specrage.tensor.Tensor;

/**
 * Stochastic gradient descent with optional momentum and L2 weight decay, as torch.optim.SGD
 * (no dampening): g += decay * w; buf = momentum * buf + g; w -= lr * buf.
 */
public final class Sgd implements Optimizer {
    private final List<Tensor> parameters;
    private final List<float[]> velocities = new ArrayList<>();
    private double learningRate;
    private final double momentum;
    private final double weightDecay;
    private boolean started;

    public Sgd(List<Tensor> parameters, double learningRate) {
        this(parameters, learningRate, 0, 0);
    }

    public Sgd(List<Tensor> parameters, double learningRate, double momentum, double weightDecay) {
        Loops.checkParameters(parameters);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        this.parameters = List.copyOf(parameters);
        for (Tensor p : this.parameters) velocities.add(momentum > 0 ? new float[p.size()] : null);
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step() {
        float lr = (float) learningRate, mu = (float) momentum, decay = (float) weightDecay;
        // torch starts the momentum buffer at the first gradient, not at zero
        float keep = started ? mu : 0f;
        for (int k = 0; k < parameters.size(); k++) {
            Tensor p = parameters.get(k);
            float[] w = p.data(), g = p.grad(), buf = velocities.get(k);
            if (buf == null) {
                Loops.forRange(w.length, (from, to) -> {
                    for (int i = from; i < to; i++) w[i] -= lr * (g[i] + decay * w[i]);
                });
            } else {
                Loops.forRange(w.length, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        float b = keep * buf[i] + g[i] + decay * w[i];
                        buf[i] = b;
                        w[i] -= lr * b;
                    }
                });
            }
        }
        started = true;
    }

    @Override
    public List<Tensor> parameters() {
        return parameters;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        this.learningRate = learningRate;
    }
}
