package org.specrage.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

class MatrixOpsTest {
    @Test
    void matmulWithEveryTransposeCombination() {
        int m = 4, k = 3, n = 5;
        for (int mask = 0; mask < 4; mask++) {
            boolean ta = (mask & 1) != 0, tb = (mask & 2) != 0;
            FMatrix a = ta ? GradientCheck.random(k, m, -1, 1, 40 + mask) : GradientCheck.random(m, k, -1, 1, 40 + mask);
            FMatrix b = tb ? GradientCheck.random(n, k, -1, 1, 50 + mask) : GradientCheck.random(k, n, -1, 1, 50 + mask);
            GradientCheck.of(a, b).graph(t -> MatrixOps.matmul(t[0], ta, t[1], tb))
                    .reference(d -> Ref.matmul(ta ? Ref.transpose(d[0]) : d[0], tb ? Ref.transpose(d[1]) : d[1])).run();
        }
    }

    @Test
    void gramMatrixOfOneTensor() {
        FMatrix y = GradientCheck.random(6, 3, -1, 1, 41);
        GradientCheck.of(y).graph(t -> MatrixOps.matmul(t[0], true, t[0], false))
                .reference(d -> Ref.matmul(Ref.transpose(d[0]), d[0])).run();
    }

    @Test
    void linearWithAndWithoutBias() {
        FMatrix x = GradientCheck.random(5, 4, -1, 1, 42);
        FMatrix w = GradientCheck.random(4, 3, -1, 1, 43);
        FMatrix b = GradientCheck.random(1, 3, -1, 1, 44);
        GradientCheck.of(x, w, b).graph(t -> MatrixOps.linear(t[0], t[1], t[2]))
                .reference(d -> Ref.zip(Ref.matmul(d[0], d[1]), d[2], Double::sum)).run();
        GradientCheck.of(x, w).graph(t -> MatrixOps.linear(t[0], t[1], null))
                .reference(d -> Ref.matmul(d[0], d[1])).run();
        // input without gradient: the dX product is skipped
        GradientCheck.of(x, w, b).requiresGrad(false, true, true).graph(t -> MatrixOps.linear(t[0], t[1], t[2]))
                .reference(d -> Ref.zip(Ref.matmul(d[0], d[1]), d[2], Double::sum)).run();
    }

    /** A 6 x 7 input with about half its entries zero, for the sparse layer. */
    static FMatrix halfZero(long seed) {
        FMatrix x = GradientCheck.random(6, 7, -1, 1, seed);
        for (int i = 0; i < x.data.length; i++) if (i % 3 != 0 && x.data[i] > -0.2) x.data[i] = 0;
        return x;
    }

    static SparseRows sparse(FMatrix x) {
        SparseRows rows = new SparseRows(x.cols);
        for (int r = 0; r < x.rows; r++) rows.addDenseRow(x.data, r * x.cols);
        return rows;
    }

    @Test
    void sparseLinearMatchesTheDenseLayer() {
        FMatrix x = halfZero(48);
        FMatrix w = GradientCheck.random(7, 5, -1, 1, 49);
        FMatrix b = GradientCheck.random(1, 5, -1, 1, 50);
        GradientCheck.of(x, w, b).requiresGrad(false, true, true).graph(t -> MatrixOps.sparseLinear(t[1].tape, sparse(t[0].value()), t[1], t[2]))
                .reference(d -> Ref.zip(Ref.matmul(d[0], d[1]), d[2], Double::sum)).run();
        GradientCheck.of(x, w).requiresGrad(false, true).graph(t -> MatrixOps.sparseLinear(t[1].tape, sparse(t[0].value()), t[1], null))
                .reference(d -> Ref.matmul(d[0], d[1])).run();
        SparseRows rows = sparse(x);
        assertTrue(rows.nonZeros() < x.data.length / 2 + 8, "the test input is sparse: " + rows.nonZeros() + " of " + x.data.length);
        rows.clear();
        assertEquals(0, rows.rows());
        assertThrows(IllegalArgumentException.class, () -> MatrixOps.sparseLinear(new Tape(), sparse(x), Tensor.parameter(6, 5), null));
    }

    @Test
    void largeSparseLinearIsTheSameOnOneAndTwoThreadsAndAgreesWithTheDenseLayer() {
        FMatrix x = GradientCheck.random(300, 500, -1, 1, 51);
        for (int i = 0; i < x.data.length; i++) if (Math.abs(x.data[i]) > 0.05) x.data[i] = 0; // about 5% non-zero
        FMatrix w = GradientCheck.random(500, 128, -1, 1, 52);
        FMatrix b = GradientCheck.random(1, 128, -1, 1, 53);
        float[] seed = GradientCheck.random(300, 128, -1, 1, 54).data;
        org.specrage.util.Parallel.setThreads(2);
        try {
            float[][] two = sparseLayer(x, w, b, seed);
            org.specrage.util.Parallel.setThreads(1);
            float[][] one = sparseLayer(x, w, b, seed);
            for (int i = 0; i < 3; i++) org.junit.jupiter.api.Assertions.assertArrayEquals(one[i], two[i]);
            Tape tape = new Tape();
            Tensor wd = Tensor.leaf(w, true), bd = Tensor.leaf(b, true);
            Tensor dense = MatrixOps.linear(tape.input(x), wd, bd);
            tape.backward(dense, seed);
            org.junit.jupiter.api.Assertions.assertArrayEquals(dense.data(), one[0], 1e-5f);
            org.junit.jupiter.api.Assertions.assertArrayEquals(wd.grad(), one[1], 1e-4f);
            org.junit.jupiter.api.Assertions.assertArrayEquals(bd.grad(), one[2], 1e-4f);
        } finally {
            org.specrage.util.Parallel.setThreads(Runtime.getRuntime().availableProcessors());
        }
    }

    /** Output, weight gradient and bias gradient of the sparse layer for the given output gradient. */
    private static float[][] sparseLayer(FMatrix x, FMatrix w, FMatrix b, float[] seed) {
        Tape tape = new Tape();
        Tensor wt = Tensor.leaf(w, true), bt = Tensor.leaf(b, true);
        Tensor out = MatrixOps.sparseLinear(tape, sparse(x), wt, bt);
        tape.backward(out, seed);
        return new float[][] {out.data().clone(), wt.grad().clone(), bt.grad().clone()};
    }

    @Test
    void linearRejectsBadShapes() {
        Tape tape = new Tape();
        Tensor x = tape.input(new FMatrix(2, 3));
        Tensor w = Tensor.parameter(4, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatrixOps.linear(x, w, null));
        assertEquals("linear: input has 3 columns but the weight is 4 x 5", e.getMessage());
    }

    @Test
    void transpose() {
        FMatrix a = GradientCheck.random(3, 5, -1, 1, 45);
        GradientCheck.of(a).graph(t -> MatrixOps.transpose(t[0])).reference(d -> Ref.transpose(d[0])).run();
    }

    @Test
    void pairwiseSquaredDistances() {
        FMatrix a = GradientCheck.random(4, 3, -1, 1, 46);
        FMatrix b = GradientCheck.random(5, 3, -1, 1, 47);
        GradientCheck.of(a, b).graph(t -> MatrixOps.pairwiseSquaredDistances(t[0], t[1]))
                .reference(d -> distances(d[0], d[1])).run();
    }

    @Test
    void pairwiseSquaredDistancesWithinOneSet() {
        // The diagonal is exactly 0 (clamped), with zero gradient, as for |a_i - a_i|^2.
        FMatrix a = GradientCheck.random(5, 3, -1, 1, 48);
        GradientCheck.of(a).graph(t -> MatrixOps.pairwiseSquaredDistances(t[0], t[0]))
                .reference(d -> distances(d[0], d[0])).run();
    }

    private static DMatrix distances(DMatrix a, DMatrix b) {
        DMatrix out = new DMatrix(a.rows, b.rows);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < b.rows; j++) {
                double s = 0;
                for (int c = 0; c < a.cols; c++) s += (a.get(i, c) - b.get(j, c)) * (a.get(i, c) - b.get(j, c));
                out.set(i, j, s);
            }
        }
        return out;
    }
}
