package org.specrage.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;
import org.specrage.tensor.linalg.TriangularSolve.Side;

class TriangularSolveTest {

    /** Lower-triangular with diagonal in [1, 2], strict lower Gaussian / 2; garbage in the upper triangle. */
    static DMatrix lowerWithGarbageAbove(int k, SplittableRandom rnd) {
        DMatrix l = GradCheck.gaussian(k, k, rnd);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) l.data[i * k + j] *= 0.5;
            l.data[i * k + i] = 1 + rnd.nextDouble();
        }
        return l;
    }

    private static DMatrix op(DMatrix l, boolean transpose) {
        DMatrix lower = Dense.lower(l);
        return transpose ? Dense.transpose(lower) : lower;
    }

    @Test
    void solvesAllFourVariantsAndIgnoresUpperTriangle() {
        SplittableRandom rnd = new SplittableRandom(21);
        int k = 5, n = 7;
        DMatrix l = lowerWithGarbageAbove(k, rnd);
        for (Side side : Side.values()) {
            for (boolean t : new boolean[]{false, true}) {
                DMatrix b = side == Side.LEFT ? GradCheck.gaussian(k, n, rnd) : GradCheck.gaussian(n, k, rnd);
                DMatrix x = TriangularSolve.forward(l, b, side, t);
                DMatrix back = side == Side.LEFT ? Dense.multiply(op(l, t), x) : Dense.multiply(x, op(l, t));
                assertTrue(GradCheck.maxAbsDiff(back, b) <= 1e-13, side + " transpose=" + t);
                assertEquals(x, TriangularSolve.forward(Dense.lower(l), b, side, t), "upper triangle is ignored");
            }
        }
    }

    @Test
    void knownTwoByTwoSolution() {
        DMatrix l = new DMatrix(2, 2, new double[]{2, 0, 1, 4});
        // L x = (2, 9) -> x = (1, 2);  L^T x = (4, 8) -> x = (1, 2)
        assertEquals(new DMatrix(2, 1, new double[]{1, 2}),
                TriangularSolve.forward(l, new DMatrix(2, 1, new double[]{2, 9}), Side.LEFT, false));
        assertEquals(new DMatrix(2, 1, new double[]{1, 2}),
                TriangularSolve.forward(l, new DMatrix(2, 1, new double[]{4, 8}), Side.LEFT, true));
    }

    @Test
    void gradientsForLAndBMatchFiniteDifferences() {
        long seed = 30;
        for (int k = 3; k <= 6; k++) {
            for (Side side : Side.values()) {
                for (boolean t : new boolean[]{false, true}) {
                    SplittableRandom rnd = new SplittableRandom(seed++);
                    int n = 2 + k;
                    DMatrix l = lowerWithGarbageAbove(k, rnd);
                    DMatrix b = side == Side.LEFT ? GradCheck.gaussian(k, n, rnd) : GradCheck.gaussian(n, k, rnd);
                    DMatrix x = TriangularSolve.forward(l, b, side, t);
                    DMatrix g = GradCheck.gaussian(x.rows, x.cols, rnd);
                    TriangularSolve.Gradients grads = TriangularSolve.backward(l, x, g, side, t);
                    for (int i = 0; i < k; i++) {
                        for (int j = i + 1; j < k; j++) assertEquals(0.0, grads.dL().get(i, j));
                    }
                    GradCheck.check(in -> GradCheck.inner(g, TriangularSolve.forward(in[0], in[1], side, t)),
                            new DMatrix[]{l, b}, new DMatrix[]{grads.dL(), grads.dB()}, seed, 4);
                }
            }
        }
    }

    @Test
    void zeroDiagonalIsSingular() {
        DMatrix l = new DMatrix(2, 2, new double[]{1, 0, 3, 0});
        SingularMatrixException e = assertThrows(SingularMatrixException.class,
                () -> TriangularSolve.forward(l, new DMatrix(2, 1), Side.LEFT, false));
        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
    }

    @Test
    void shapeMismatchIsRejected() {
        DMatrix l = GradCheck.identity(3);
        assertThrows(IllegalArgumentException.class, () -> TriangularSolve.forward(l, new DMatrix(2, 3), Side.LEFT, false));
        assertThrows(IllegalArgumentException.class, () -> TriangularSolve.forward(l, new DMatrix(3, 2), Side.RIGHT, false));
    }
}
