package org.specrage.methods.specrage;

import org.specrage.linalg.FMatrix;
import org.specrage.tensor.MatrixOps;
import org.specrage.tensor.Reductions;
import org.specrage.tensor.RowOps;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * SpecRaGE's loss on one batch: with per-view affinities W^(v) (m x m, symmetric, constants),
 * fusion weights alpha (m x V) and the orthonormalised output Y (m x k),
 * <pre>
 *   L = 1 / (m^2 V) sum_v sum_ij W^(v)_ij alpha_iv alpha_jv ||y_i - y_j||^2 / 2
 *     = 1 / (m^2 V) sum_v tr(Y^T L~_v Y),   L~_v the Laplacian of W~_v = diag(alpha_v) W^(v) diag(alpha_v).
 * </pre>
 * Built from tape ops as tr(Y^T L~ Y) = sum_i d~_i |y_i|^2 - sum_ij W~_ij y_i.y_j with
 * d~ = alpha_v * (W alpha_v), so each view costs two m x m products with a vector or with Y
 * and no m x m tensor is made. Gradients flow into Y and alpha (either may be a constant).
 */
public final class JointDiagonalizationLoss {
    private static final float EPS = (float) AffinityNormalization.Laplacian.EPS;

    private JointDiagonalizationLoss() {
    }

    /** The loss as a 1 x 1 tensor on the tape that y or alpha is on; affinities[v] is m x m and must be symmetric. */
    public static Tensor of(Tape tape, Tensor y, Tensor alpha, FMatrix[] affinities) {
        return of(tape, y, alpha, affinities, AffinityNormalization.Laplacian.UNNORMALIZED);
    }

    /**
     * As {@link #of(Tape, Tensor, Tensor, FMatrix[])} with the Laplacian form the normalisation asks for:
     * <ul>
     *   <li>NONE, ROW: the unnormalised Laplacian of W~ = A W A (A = diag(alpha_v)), as above;</li>
     *   <li>SYMMETRIC: the normalised Laplacian of W~, tr(Y^T (I - D~^-1/2 W~ D~^-1/2) Y)
     *       = sum_i |y_i|^2 - sum_ij W_ij g_i g_j y_i.y_j with g_i = sqrt(a_i / s_i), s = W a
     *       (d~_i = a_i s_i). Scaling one view's weights for every sample changes nothing, so the
     *       weights cannot pull the embedding onto one view;</li>
     *   <li>SYMMETRIC_FIXED_DEGREES: affinities already normalised, N = D^-1/2 W D^-1/2, weighted on
     *       both sides: tr(Y^T A (I - N) A Y) = sum_i a_i^2 |y_i|^2 - sum_ij a_i a_j N_ij y_i.y_j.
     *       A sample's weight in a view falls when its neighbours there disagree with it, and a view
     *       with a rougher graph loses weight as a whole.</li>
     * </ul>
     * Both normalised forms equal the mean of the views' L_sym (over V^2) for uniform weights.
     */
    public static Tensor of(Tape tape, Tensor y, Tensor alpha, FMatrix[] affinities, AffinityNormalization form) {
        return of(tape, y, alpha, affinities, form.laplacian());
    }

    private static Tensor of(Tape tape, Tensor y, Tensor alpha, FMatrix[] affinities, AffinityNormalization.Laplacian form) {
        int m = y.rows;
        int views = affinities.length;
        if (views == 0) throw new IllegalArgumentException("need at least one view affinity");
        if (alpha.rows != m || alpha.cols != views) {
            throw new IllegalArgumentException("fusion weights are " + alpha.shape() + " but the batch has " + m + " rows and " + views + " views");
        }
        Tensor squaredNorms = Reductions.rowSum(y.square()); // m x 1
        Tensor total = null;
        for (int v = 0; v < views; v++) {
            FMatrix w = affinities[v];
            if (w.rows != m || w.cols != m) throw new IllegalArgumentException("affinity of view " + v + " is " + w.rows + " x " + w.cols + ", expected " + m + " x " + m);
            Tensor wt = tape.input(w);
            Tensor a = views == 1 ? alpha : RowOps.sliceCols(alpha, v, v + 1);
            Tensor term;
            switch (form) {
                case WEIGHTED_NORMALIZED -> {
                    Tensor g = a.add(EPS).div(MatrixOps.matmul(wt, a).add(EPS)).sqrt();
                    Tensor weighted = y.mul(g);
                    term = Reductions.sum(squaredNorms).sub(Reductions.sum(weighted.mul(MatrixOps.matmul(wt, weighted))));
                }
                case NORMALIZED_WEIGHTED -> {
                    Tensor weighted = y.mul(a);                                 // rows a_i y_i
                    term = Reductions.sum(a.square().mul(squaredNorms)).sub(Reductions.sum(weighted.mul(MatrixOps.matmul(wt, weighted))));
                }
                default -> {
                    Tensor degrees = a.mul(MatrixOps.matmul(wt, a));          // d~_i = a_i sum_j W_ij a_j
                    Tensor weighted = y.mul(a);                                 // rows a_i y_i
                    Tensor cross = Reductions.sum(weighted.mul(MatrixOps.matmul(wt, weighted)));
                    term = Reductions.sum(degrees.mul(squaredNorms)).sub(cross);
                }
            }
            total = total == null ? term : total.add(term);
        }
        return total.mul((float) (1.0 / ((double) m * m * views)));
    }
}
