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
    private JointDiagonalizationLoss() {
    }

    /** The loss as a 1 x 1 tensor on the tape that y or alpha is on; affinities[v] is m x m and must be symmetric. */
    public static Tensor of(Tape tape, Tensor y, Tensor alpha, FMatrix[] affinities) {
        return of(tape, y, alpha, affinities, false);
    }

    /**
     * As {@link #of(Tape, Tensor, Tensor, FMatrix[])}; with {@code normalized} the affinities are
     * normalised adjacencies N = D^-1/2 W D^-1/2 and each view's term is the normalised Laplacian
     * weighted on both sides, tr(Y^T A (I - N) A Y) = sum_i a_i^2 |y_i|^2 - sum_ij a_i a_j N_ij y_i.y_j
     * with A = diag(alpha_v): positive semi-definite, the mean of the views' L_sym for uniform
     * weights, and of degree 2 in the weights like the unnormalised form (so they mix, not collapse).
     */
    public static Tensor of(Tape tape, Tensor y, Tensor alpha, FMatrix[] affinities, boolean normalized) {
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
            if (normalized) {
                Tensor weighted = y.mul(a);                                 // rows a_i y_i
                term = Reductions.sum(a.square().mul(squaredNorms)).sub(Reductions.sum(weighted.mul(MatrixOps.matmul(wt, weighted))));
            } else {
                Tensor degrees = a.mul(MatrixOps.matmul(wt, a));          // d~_i = a_i sum_j W_ij a_j
                Tensor weighted = y.mul(a);                                 // rows a_i y_i
                Tensor cross = Reductions.sum(weighted.mul(MatrixOps.matmul(wt, weighted)));
                term = Reductions.sum(degrees.mul(squaredNorms)).sub(cross);
            }
            total = total == null ? term : total.add(term);
        }
        return total.mul((float) (1.0 / ((double) m * m * views)));
    }
}
