package org.specrage.optim;

import java.util.ArrayList;
import java.util.List;
import org.specrage.tensor.Tensor;

/**
 * Adam (Kingma and Ba) with bias correction, as torch.optim.Adam: weight decay is added to the
 * gradient (L2), or with {@code decoupled} applied to the weights directly (AdamW). The whole
 * update is one fused loop per parameter array.
 */
public final class Adam implements Optimizer {
    private final List<Tensor> parameters;
    private final List<float[]> firstMoments = new ArrayList<>();
    private final List<float[]> secondMoments = new ArrayList<>();
    private double learningRate;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;
    private long steps;

    /** Adam with betas (0.9, 0.999), eps 1e-8 and no weight decay. */
    public Adam(List<Tensor> parameters, double learningRate) {
        this(parameters, learningRate, 0.9, 0.999, 1e-8, 0, false);
    }

    public Adam(List<Tensor> parameters, double learningRate, double beta1, double beta2, double eps,
                double weightDecay, boolean decoupled) {
        Loops.checkParameters(parameters);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + ", " + beta2);
        if (!(eps > 0)) throw new IllegalArgumentException("eps must be positive, got " + eps);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        this.parameters = List.copyOf(parameters);
        for (Tensor p : this.parameters) {
            firstMoments.add(new float[p.size()]);
            secondMoments.add(new float[p.size()]);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    @Override
    public void step() {
        steps++;
        double correction1 = 1 - Math.pow(beta1, steps);
        double correction2 = 1 - Math.pow(beta2, steps);
        float stepSize = (float) (learningRate / correction1);
        float invSqrtCorrection2 = (float) (1 / Math.sqrt(correction2));
        float b1 = (float) beta1, b2 = (float) beta2, c1 = (float) (1 - beta1), c2 = (float) (1 - beta2);
        float e = (float) eps;
        float l2 = decoupled ? 0f : (float) weightDecay;
        float shrink = decoupled ? (float) (1 - learningRate * weightDecay) : 1f;
        for (int k = 0; k < parameters.size(); k++) {
            Tensor p = parameters.get(k);
            float[] w = p.data(), g = p.grad(), m = firstMoments.get(k), v = secondMoments.get(k);
            Loops.forRange(w.length, (from, to) -> {
                for (int i = from; i < to; i++) {
                    float gi = g[i] + l2 * w[i];
                    float mi = b1 * m[i] + c1 * gi;
                    float vi = b2 * v[i] + c2 * gi * gi;
                    m[i] = mi;
                    v[i] = vi;
                    w[i] = shrink * w[i] - stepSize * mi / ((float) Math.sqrt(vi) * invSqrtCorrection2 + e);
                }
            });
        }
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

    public long steps() {
        return steps;
    }
}
