package org.specrage.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;

class CholeskyTest {

    @Test
    void factorReproducesMatrixAndIsLowerWithPositiveDiagonal() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int k = 1; k <= 8; k++) {
            DMatrix a = GradCheck.spd(k, rnd);
            DMatrix l = Cholesky.forward(a);
            for (int i = 0; i < k; i++) {
                assertTrue(l.get(i, i) > 0);
                for (int j = i + 1; j < k; j++) assertEquals(0.0, l.get(i, j));
            }
            DMatrix llt = Dense.multiply(l, false, l, true);
            assertTrue(GradCheck.maxAbsDiff(llt, a) <= 1e-13 * GradCheck.maxAbs(a), "k=" + k);
        }
    }

    @Test
    void knownSmallFactor() {
        // [[4, 2], [2, 5]] = [[2, 0], [1, 2]] [[2, 1], [0, 2]]
        DMatrix l = Cholesky.forward(new DMatrix(2, 2, new double[]{4, 2, 2, 5}));
        assertEquals(new DMatrix(2, 2, new double[]{2, 0, 1, 2}), l);
    }

    @Test
    void readsTheSymmetricPart() {
        DMatrix sym = new DMatrix(2, 2, new double[]{4, 2, 2, 5});
        DMatrix skewed = new DMatrix(2, 2, new double[]{4, 3, 1, 5});
        assertEquals(Cholesky.forward(sym), Cholesky.forward(skewed));
    }

    @Test
    void indefiniteInputReportsPivot() {
        // pivot 1 = -2 - 2^2 / 4 = -3
        DMatrix a = new DMatrix(3, 3, new double[]{4, 2, 0, 2, -2, 0, 0, 0, 1});
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.forward(a));
        assertEquals(1, e.pivotIndex());
        assertEquals(-3.0, e.pivotValue(), 1e-15);
        assertTrue(e.getMessage().contains("pivot 1"), e.getMessage());
    }

    @Test
    void nearlyRankDeficientGramMatrixIsRejectedWithRelativePivot() {
        // columns (1, 0) and (1, 1e-7): sin^2 of their angle ~ 1e-14
        DMatrix y = new DMatrix(2, 2, new double[]{1, 1, 0, 1e-7});
        DMatrix gram = Dense.multiply(y, true, y, false);
        Cholesky.forward(gram); // strictly positive, accepted by default
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.forward(gram, 1e-12));
        assertEquals(1, e.pivotIndex());
        assertEquals(gram.get(1, 1) - 1.0, e.pivotValue()); // L_10 = 1 exactly, so the pivot is A_11 - 1
        assertEquals(1e-14, e.pivotValue(), 1e-16);
    }

    @Test
    void nonFiniteInputIsRejected() {
        DMatrix a = new DMatrix(2, 2, new double[]{1, 0, 0, Double.NaN});
        assertThrows(IllegalArgumentException.class, () -> Cholesky.forward(a));
        assertThrows(IllegalArgumentException.class, () -> Cholesky.forward(new DMatrix(2, 3)));
    }

    @Test
    void jitterIsZeroForPositiveDefiniteInput() {
        DMatrix a = GradCheck.spd(5, new SplittableRandom(2));
        Cholesky.Jittered j = Cholesky.forwardWithJitter(a, 5);
        assertEquals(0.0, j.jitter());
        assertEquals(1, j.attempts());
        assertEquals(Cholesky.forward(a), j.l());
    }

    @Test
    void jitterRescuesRankDeficientInput() {
        SplittableRandom rnd = new SplittableRandom(3);
        int k = 6;
        DMatrix m = GradCheck.gaussian(k, k - 2, rnd);
        DMatrix a = Dense.multiply(m, false, m, true); // PSD of rank k - 2
        a.data[k * k - 1] -= 1e-9;                      // make it clearly indefinite
        assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.forward(a));
        Cholesky.Jittered j = Cholesky.forwardWithJitter(a, 12, 1e-12);
        double traceOverK = 0;
        for (int i = 0; i < k; i++) traceOverK += a.get(i, i) / k;
        assertTrue(j.attempts() >= 2);
        assertEquals(1e-12 * traceOverK * Math.pow(10, j.attempts() - 2), j.jitter(), 1e-9 * j.jitter());
        DMatrix shifted = a.copy();
        for (int i = 0; i < k; i++) shifted.data[i * k + i] += j.jitter();
        DMatrix llt = Dense.multiply(j.l(), false, j.l(), true);
        assertTrue(GradCheck.maxAbsDiff(llt, shifted) <= 1e-13 * GradCheck.maxAbs(a));
        // one attempt fewer must have failed
        double smaller = j.jitter() / 10;
        DMatrix lessShifted = a.copy();
        for (int i = 0; i < k; i++) lessShifted.data[i * k + i] += smaller;
        if (j.attempts() > 2) assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.forward(lessShifted));
    }

    @Test
    void jitterGivesUpAfterMaxTries() {
        DMatrix minusIdentity = GradCheck.identity(3);
        GradCheck.scale(minusIdentity, -1);
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class,
                () -> Cholesky.forwardWithJitter(minusIdentity, 4));
        assertEquals(0, e.pivotIndex());
        assertTrue(e.getMessage().contains("4 attempts"), e.getMessage());
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        for (int k = 3; k <= 6; k++) {
            SplittableRandom rnd = new SplittableRandom(10 + k);
            DMatrix a = GradCheck.spd(k, rnd);
            DMatrix g = GradCheck.gaussian(k, k, rnd);
            DMatrix dA = Cholesky.backward(Cholesky.forward(a), g);
            assertTrue(GradCheck.maxAbsDiff(dA, Dense.transpose(dA)) == 0.0, "gradient is symmetric");
            GradCheck.check(x -> GradCheck.inner(g, Cholesky.forward(x[0])), new DMatrix[]{a}, new DMatrix[]{dA}, k, 5);
        }
    }

    @Test
    void nullUpstreamGradientIsZero() {
        assertEquals(new DMatrix(3, 3), Cholesky.backward(Cholesky.forward(GradCheck.identity(3)), null));
    }
}
