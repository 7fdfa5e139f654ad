package org.specrage.methods.ssl;

import org.specrage.tensor.MatrixOps;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * VICReg in relation form (Balestriero and LeCun):
 * {@code alpha sum_k max(0, 1 - sqrt(Cov_kk + eps)) + beta sum_{k != l} Cov_kl^2 + (gamma/N) sum_ij G_ij ||z_i - z_j||^2},
 * with Cov = (1/N) Z^T H Z (biased, over the N batch rows pooled across views). The last term is
 * (2 gamma/N) tr(Z^T L_G Z); with Cov pinned to I the optimum is Laplacian eigenmaps of G under
 * Z^T H Z = N I ({@link ClosedForms#laplacianEigenmaps}). The terms are sums, not means over
 * dimensions as in the VICReg paper, so pick weights accordingly.
 */
public record VicRegLoss(double alpha, double beta, double gamma, double eps) implements SslLoss {
    public static final double DEFAULT_EPS = 1e-4;

    public VicRegLoss {
        LossTerms.requireNonNegative("alpha (variance weight)", alpha);
        LossTerms.requireNonNegative("beta (covariance weight)", beta);
        LossTerms.requireNonNegative("gamma (invariance weight)", gamma);
        LossTerms.requirePositive("eps", eps);
    }

    public VicRegLoss(double alpha, double beta, double gamma) {
        this(alpha, beta, gamma, DEFAULT_EPS);
    }

    @Override
    public Tensor loss(Tape tape, Tensor z, RelationBatch g) {
        g.checkRows(z);
        int n = z.rows;
        Tensor zc = z.sub(z.colMean());
        Tensor variance = zc.square().colMean();
        Tensor hinge = variance.add((float) eps).sqrt().neg().add(1f).relu().sum();
        Tensor cov = MatrixOps.matmul(zc, true, zc, false).mul(1f / n);
        Tensor decorrelation = LossTerms.offDiagonalSquares(tape, cov);
        Tensor invariance = LossTerms.pairSquaredDistances(tape, z, g);
        return hinge.mul((float) alpha).add(decorrelation.mul((float) beta)).add(invariance.mul((float) (gamma / n)));
    }

    @Override
    public String name() {
        return "vicreg";
    }
}
