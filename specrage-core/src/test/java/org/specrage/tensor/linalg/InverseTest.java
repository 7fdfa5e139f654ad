package org.specrage.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;

class InverseTest {

    /** Gaussian plus k I: non-symmetric and well conditioned. */
    private static DMatrix wellConditioned(int k, SplittableRandom rnd) {
        DMatrix a = GradCheck.gaussian(k, k, rnd);
        for (int i = 0; i < k; i++) a.data[i * k + i] += k;
        return a;
    }

    @Test
    void inverseTimesAIsIdentityOnBothSides() {
        SplittableRandom rnd = new SplittableRandom(61);
        for (int k = 1; k <= 10; k++) {
            DMatrix a = wellConditioned(k, rnd);
            DMatrix x = Inverse.forward(a);
            assertTrue(GradCheck.maxAbsDiff(Dense.multiply(x, a), GradCheck.identity(k)) <= 1e-13, "k=" + k);
            assertTrue(GradCheck.maxAbsDiff(Dense.multiply(a, x), GradCheck.identity(k)) <= 1e-13, "k=" + k);
        }
    }

    @Test
    void knownTwoByTwoInverse() {
        // [[1, 2], [3, 4]]^-1 = [[-2, 1], [1.5, -0.5]]
        DMatrix x = Inverse.forward(new DMatrix(2, 2, new double[]{1, 2, 3, 4}));
        double[] expected = {-2, 1, 1.5, -0.5};
        for (int i = 0; i < 4; i++) assertEquals(expected[i], x.data[i], 1e-15);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        for (int k = 3; k <= 6; k++) {
            SplittableRandom rnd = new SplittableRandom(70 + k);
            DMatrix a = wellConditioned(k, rnd);
            DMatrix g = GradCheck.gaussian(k, k, rnd);
            DMatrix dA = Inverse.backward(Inverse.forward(a), g);
            GradCheck.check(x -> GradCheck.inner(g, Inverse.forward(x[0])), new DMatrix[]{a}, new DMatrix[]{dA}, k, 5);
        }
    }

    @Test
    void exactlySingularInputIsRejected() {
        DMatrix a = new DMatrix(3, 3, new double[]{1, 2, 3, 2, 4, 6, 0, 1, 1});
        SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> Inverse.forward(a));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
        assertThrows(SingularMatrixException.class, () -> Inverse.forward(new DMatrix(2, 2)));
    }

    @Test
    void singularToWorkingPrecisionIsRejected() {
        // [[1, 1], [1, 1 + ulp]]: invertible in exact arithmetic, condition number ~ 4 / ulp(1) ~ 2e16
        DMatrix a = new DMatrix(2, 2, new double[]{1, 1, 1, Math.nextUp(1.0)});
        SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> Inverse.forward(a));
        assertTrue(e.getMessage().contains("working precision"), e.getMessage());
    }

    @Test
    void nonSquareIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Inverse.forward(new DMatrix(2, 3)));
    }
}
