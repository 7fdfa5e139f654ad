package org.specrage.methods.ssl;

import org.specrage.tensor.MatrixOps;
import org.specrage.tensor.RowOps;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * BarlowTwins: {@code sum_k (C_kk - 1)^2 + lambda sum_{k != l} C_kl^2} on a normalised
 * cross-correlation C.
 *
 * <p>Two views (a batch from {@link RelationBatch#views}{@code (B, 2)}): as Zbontar et al., each
 * view's columns are standardised over its B rows (biased variance plus eps, as BatchNorm without
 * affine) and C = Za^T Zb / B.
 *
 * <p>Any other relation (more views, kNN, labels, edges): the relation form. Columns are
 * standardised with degree weights d_i = sum_j G_ij (sum_i d_i z_ik = 0, sum_i d_i z_ik^2 = sum G),
 * and C = Z^T G Z / sum G. Then C_kk <= 1 with equality exactly when column k is constant on every
 * connected component of G, so the loss is zero only for columns in the top eigenspace of the
 * normalised relation; for two views it is the symmetrised cross-correlation of the pooled views.
 */
public record BarlowTwinsLoss(double lambda, double eps) implements SslLoss {
    /** The redundancy weight of the BarlowTwins paper. */
    public static final double DEFAULT_LAMBDA = 5e-3;
    public static final double DEFAULT_EPS = 1e-5;

    public BarlowTwinsLoss {
        LossTerms.requireNonNegative("lambda (redundancy weight)", lambda);
        LossTerms.requirePositive("eps", eps);
    }

    public BarlowTwinsLoss(double lambda) {
        this(lambda, DEFAULT_EPS);
    }

    @Override
    public Tensor loss(Tape tape, Tensor z, RelationBatch g) {
        g.checkRows(z);
        Tensor c = g.viewsPerSample() == 2 ? twoViewCorrelation(z, g.samples()) : relationCorrelation(tape, z, g);
        return LossTerms.diagonalFromOne(tape, c).add(LossTerms.offDiagonalSquares(tape, c).mul((float) lambda));
    }

    private Tensor twoViewCorrelation(Tensor z, int samples) {
        Tensor a = standardize(RowOps.sliceRows(z, 0, samples));
        Tensor b = standardize(RowOps.sliceRows(z, samples, 2 * samples));
        return MatrixOps.matmul(a, true, b, false).mul(1f / samples);
    }

    private Tensor standardize(Tensor x) {
        Tensor xc = x.sub(x.colMean());
        return xc.div(xc.square().colMean().add((float) eps).sqrt());
    }

    private Tensor relationCorrelation(Tape tape, Tensor z, RelationBatch g) {
        float invTotal = (float) (1 / g.totalWeight());
        Tensor d = g.degreeColumn(tape);
        Tensor zc = z.sub(z.mul(d).colSum().mul(invTotal));
        Tensor zs = zc.div(zc.square().mul(d).colSum().mul(invTotal).add((float) eps).sqrt());
        Tensor from = RowOps.gatherRows(zs, g.sources()).mul(g.weightColumn(tape));
        Tensor to = RowOps.gatherRows(zs, g.targets());
        return MatrixOps.matmul(from, true, to, false).mul(invTotal);
    }

    @Override
    public String name() {
        return "barlow";
    }
}
