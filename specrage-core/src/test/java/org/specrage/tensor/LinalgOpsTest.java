package org.specrage.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.linalg.Cholesky;
import org.specrage.tensor.linalg.GeneralizedSymmetricEigen;
import org.specrage.tensor.linalg.Inverse;
import org.specrage.tensor.linalg.NotPositiveDefiniteException;
import org.specrage.tensor.linalg.QR;
import org.specrage.tensor.linalg.SymmetricEigen;
import org.specrage.tensor.linalg.TriangularSolve;
import org.specrage.tensor.linalg.TriangularSolve.Side;

/**
 * The float32 tape wrappers against central differences of the double-precision forward functions
 * (whose own correctness is tested in the linalg package).
 */
class LinalgOpsTest {
    /** A well-conditioned symmetric positive definite k x k matrix (X^T X / m + I), in float32. */
    static FMatrix spd(int k, long seed) {
        FMatrix x = GradientCheck.random(2 * k, k, -1, 1, seed);
        FMatrix a = new FMatrix(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double s = i == j ? 1 : 0;
                for (int r = 0; r < x.rows; r++) s += x.get(r, i) * x.get(r, j) / x.rows;
                a.set(i, j, (float) s);
            }
        }
        return a;
    }

    @Test
    void cholesky() {
        GradientCheck.of(spd(4, 1)).graph(t -> LinalgOps.cholesky(t[0])).reference(d -> Cholesky.forward(d[0])).run();
    }

    @Test
    void triangularSolveAllForms() {
        FMatrix l = GradientCheck.random(3, 3, -1, 1, 2);
        for (int i = 0; i < 3; i++) l.set(i, i, 1.5f + i * 0.25f);
        for (Side side : Side.values()) {
            for (boolean transpose : new boolean[] {false, true}) {
                FMatrix b = side == Side.LEFT ? GradientCheck.random(3, 5, -1, 1, 3) : GradientCheck.random(5, 3, -1, 1, 3);
                GradientCheck.of(l, b).graph(t -> LinalgOps.triangularSolve(t[0], t[1], side, transpose))
                        .reference(d -> TriangularSolve.forward(d[0], d[1], side, transpose)).run();
            }
        }
    }

    @Test
    void inverse() {
        FMatrix a = GradientCheck.random(4, 4, -1, 1, 4);
        for (int i = 0; i < 4; i++) a.set(i, i, a.get(i, i) + 3f);
        GradientCheck.of(a).graph(t -> LinalgOps.inverse(t[0])).reference(d -> Inverse.forward(d[0])).run();
    }

    @Test
    void qrThroughBothFactors() {
        FMatrix a = GradientCheck.random(7, 3, -1, 1, 5);
        GradientCheck.of(a).graph(t -> {
            LinalgOps.QrResult f = LinalgOps.qr(t[0]);
            return RowOps.vconcat(f.q(), f.r());
        }).reference(d -> stack(QR.forward(d[0]).q(), QR.forward(d[0]).r())).run();
        // only one factor used: the other's gradient counts as zero
        GradientCheck.of(a).graph(t -> LinalgOps.qr(t[0]).r()).reference(d -> QR.forward(d[0]).r()).run();
        GradientCheck.of(a).graph(t -> LinalgOps.qr(t[0]).q()).reference(d -> QR.forward(d[0]).q()).run();
    }

    @Test
    void symmetricEigenWithDistinctEigenvalues() {
        FMatrix a = spd(4, 6);
        GradientCheck.of(a).graph(t -> {
            LinalgOps.EigenResult e = LinalgOps.symmetricEigen(t[0]);
            return RowOps.vconcat(e.values(), e.vectors());
        }).reference(d -> {
            SymmetricEigen.Result e = SymmetricEigen.forward(d[0]);
            return stack(new DMatrix(1, 4, e.values()), e.vectors());
        }).run();
    }

    @Test
    void symmetricEigenWithARepeatedEigenvalue() {
        // A = V diag(1, 2, 2, 4) V^T: the projector onto the eigenvalue-2 space and the eigenvalue sum are
        // smooth functions there, and their gradients must come out right despite the zero gap.
        FMatrix q = orthogonal(4, 7);
        double[] w = {1, 2, 2, 4};
        FMatrix a = new FMatrix(4, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int p = 0; p < 4; p++) s += q.get(i, p) * w[p] * q.get(j, p);
                a.set(i, j, (float) s);
            }
        }
        GradientCheck.of(a).graph(t -> {
            LinalgOps.EigenResult e = LinalgOps.symmetricEigen(t[0], 1e-6);
            Tensor block = RowOps.sliceCols(e.vectors(), 1, 3);
            Tensor projector = MatrixOps.matmul(block, false, block, true);
            return RowOps.vconcat(projector, e.values().sum().mul(ones(t[0], 1, 4)));
        }).reference(d -> {
            SymmetricEigen.Result e = SymmetricEigen.forward(d[0]);
            DMatrix p = new DMatrix(5, 4);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    p.set(i, j, e.vectors().get(i, 1) * e.vectors().get(j, 1) + e.vectors().get(i, 2) * e.vectors().get(j, 2));
                }
            }
            double sum = 0;
            for (double v : e.values()) sum += v;
            for (int j = 0; j < 4; j++) p.set(4, j, sum);
            return p;
        }).run();
    }

    @Test
    void generalizedSymmetricEigen() {
        FMatrix a = GradientCheck.random(3, 3, -1, 1, 8);
        FMatrix b = spd(3, 9);
        GradientCheck.of(a, b).graph(t -> {
            LinalgOps.EigenResult e = LinalgOps.generalizedSymmetricEigen(t[0], t[1]);
            return RowOps.vconcat(e.values(), e.vectors());
        }).reference(d -> {
            GeneralizedSymmetricEigen.Result e = GeneralizedSymmetricEigen.forward(d[0], d[1]);
            return stack(new DMatrix(1, 3, e.values()), e.vectors());
        }).run();
    }

    @Test
    void spectralNetOrthonormalisationThroughTheTape() {
        // Y = sqrt(m) Y~ L^-T with L = chol(Y~^T Y~): the composed graph against the composed double forward.
        FMatrix y = GradientCheck.random(9, 3, -1, 1, 10);
        GradientCheck.of(y).graph(t -> {
            Tensor l = LinalgOps.cholesky(MatrixOps.matmul(t[0], true, t[0], false));
            return LinalgOps.triangularSolve(l, t[0], Side.RIGHT, true).mul((float) Math.sqrt(9));
        }).reference(d -> {
            DMatrix gram = Ref.matmul(Ref.transpose(d[0]), d[0]);
            DMatrix x = TriangularSolve.forward(Cholesky.forward(gram), d[0], Side.RIGHT, true);
            for (int i = 0; i < x.data.length; i++) x.data[i] *= 3;
            return x;
        }).run();
    }

    @Test
    void notPositiveDefiniteIsReported() {
        Tape tape = new Tape();
        Tensor a = tape.input(new FMatrix(2, 2, new float[] {1, 2, 2, 1}));
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class, () -> LinalgOps.cholesky(a));
        assertEquals(1, e.pivotIndex());
    }

    private static Tensor ones(Tensor onTape, int rows, int cols) {
        return onTape.tape.full(rows, cols, 1f);
    }

    private static DMatrix stack(DMatrix top, DMatrix bottom) {
        DMatrix out = new DMatrix(top.rows + bottom.rows, top.cols);
        System.arraycopy(top.data, 0, out.data, 0, top.data.length);
        System.arraycopy(bottom.data, 0, out.data, top.data.length, bottom.data.length);
        return out;
    }

    /** An orthogonal matrix from Gram-Schmidt on random columns. */
    private static FMatrix orthogonal(int k, long seed) {
        DMatrix q = GradientCheck.random(k, k, -1, 1, seed).toDouble();
        for (int j = 0; j < k; j++) {
            for (int p = 0; p < j; p++) {
                double dot = 0;
                for (int i = 0; i < k; i++) dot += q.get(i, j) * q.get(i, p);
                for (int i = 0; i < k; i++) q.set(i, j, q.get(i, j) - dot * q.get(i, p));
            }
            double norm = 0;
            for (int i = 0; i < k; i++) norm += q.get(i, j) * q.get(i, j);
            for (int i = 0; i < k; i++) q.set(i, j, q.get(i, j) / Math.sqrt(norm));
        }
        return q.toFloat();
    }
}
