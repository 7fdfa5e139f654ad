package org.specrage.methods.ssl;

import org.specrage.tensor.MatrixOps;
import org.specrage.tensor.RowOps;
import org.specrage.tensor.Softmax;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * SimCLR / InfoNCE over a relation: G^(Z)_ij = softmax over j != i of cos(z_i, z_j)/tau, and
 * loss = -(1/A) sum_i sum_j (G_ij / d_i) log G^(Z)_ij, where d_i = sum_j G_ij and A is the number
 * of rows with d_i > 0. Rows of G are normalised to sum to one (the target distribution of each
 * anchor), so with one positive per row (two views) this is exactly NT-Xent. Needs the m x m
 * similarities of the batch (a batch quantity, never N x N of the data set).
 */
public record InfoNceLoss(double temperature) implements SslLoss {
    /** Rows with a smaller norm are divided by this instead (torch.nn.functional.normalize). */
    static final float NORM_EPS = 1e-8f;
    /** Stands in for -infinity on the diagonal of the logits (its weight in the loss is zero). */
    private static final float MASKED_LOGIT = -1e9f;

    public InfoNceLoss {
        LossTerms.requirePositive("temperature", temperature);
    }

    @Override
    public Tensor loss(Tape tape, Tensor z, RelationBatch g) {
        g.checkRows(z);
        int m = z.rows;
        Tensor zn = RowOps.rowNormalize(z, NORM_EPS);
        float invTau = (float) (1 / temperature);
        // sum_ij t_ij s_ij over the related pairs, t_ij = G_ij / d_i
        Tensor cosines = RowOps.gatherRows(zn, g.sources()).mul(RowOps.gatherRows(zn, g.targets())).rowSum();
        Tensor attraction = cosines.mul(g.rowNormalizedWeightColumn(tape)).sum().mul(invTau);
        // sum over anchors of log sum_{j != i} exp(s_ij)
        Tensor logits = MatrixOps.matmul(zn, false, zn, true).mul(invTau);
        Tensor masked = RowOps.maskedFill(logits, LossTerms.offDiagonalMask(tape, m), MASKED_LOGIT);
        Tensor repulsion = Softmax.rowLogSumExp(masked).mul(g.anchorColumn(tape)).sum();
        return repulsion.sub(attraction).mul(1f / g.anchorCount());
    }

    @Override
    public String name() {
        return "simclr";
    }
}
