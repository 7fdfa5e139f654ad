package org.specrage.methods.ssl;

import org.specrage.tensor.RowOps;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/** Building blocks shared by the losses, as compositions of tape ops. */
final class LossTerms {
    private LossTerms() {
    }

    /** sum_ij G_ij ||z_i - z_j||^2 over the batch's ordered pairs (= 2 tr(Z^T L_G Z)). */
    static Tensor pairSquaredDistances(Tape tape, Tensor z, RelationBatch g) {
        Tensor diff = RowOps.gatherRows(z, g.sources()).sub(RowOps.gatherRows(z, g.targets()));
        return diff.square().rowSum().mul(g.weightColumn(tape)).sum();
    }

    /** k x k constant: 1 off the diagonal, 0 on it. */
    static Tensor offDiagonalMask(Tape tape, int k) {
        Tensor m = tape.full(k, k, 1f);
        float[] d = m.data();
        for (int i = 0; i < k; i++) d[i * k + i] = 0f;
        return m;
    }

    /** k x k constant identity. */
    static Tensor identity(Tape tape, int k) {
        Tensor m = tape.full(k, k, 0f);
        float[] d = m.data();
        for (int i = 0; i < k; i++) d[i * k + i] = 1f;
        return m;
    }

    /** sum_{k != l} c_kl^2. */
    static Tensor offDiagonalSquares(Tape tape, Tensor c) {
        return RowOps.maskedFill(c, offDiagonalMask(tape, c.rows), 0f).square().sum();
    }

    /** sum_k (c_kk - 1)^2. */
    static Tensor diagonalFromOne(Tape tape, Tensor c) {
        Tensor eye = identity(tape, c.rows);
        return RowOps.maskedFill(c, eye, 0f).sub(eye).square().sum();
    }

    static void requirePositive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
    }

    static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + v);
    }
}
