package org.specrage.optim;

import java.util.List;
import org.specrage.tensor.Tensor;

/** Gradient clipping, applied between backward and the optimiser step. */
public final class GradientClipping {
    private GradientClipping() {
    }

    /**
     * Scales all gradients together so that their joint Euclidean norm is at most maxNorm
     * (as torch.nn.utils.clip_grad_norm_). Returns the norm before clipping.
     */
    public static double clipByGlobalNorm(List<Tensor> parameters, double maxNorm) {
        if (!(maxNorm > 0)) throw new IllegalArgumentException("max norm must be positive, got " + maxNorm);
        double sumSquares = 0;
        for (Tensor p : parameters) {
            for (float g : p.grad()) sumSquares += (double) g * g;
        }
        double norm = Math.sqrt(sumSquares);
        if (norm > maxNorm) {
            float factor = (float) (maxNorm / (norm + 1e-6));
            for (Tensor p : parameters) {
                float[] g = p.grad();
                for (int i = 0; i < g.length; i++) g[i] *= factor;
            }
        }
        return norm;
    }

    /** Clamps every gradient entry to [-limit, limit]. */
    public static void clipByValue(List<Tensor> parameters, double limit) {
        if (!(limit > 0)) throw new IllegalArgumentException("clip limit must be positive, got " + limit);
        float l = (float) limit;
        for (Tensor p : parameters) {
            float[] g = p.grad();
            for (int i = 0; i < g.length; i++) g[i] = Math.max(-l, Math.min(l, g[i]));
        }
    }
}
