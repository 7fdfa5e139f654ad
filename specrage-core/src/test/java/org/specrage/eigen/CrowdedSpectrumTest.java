package org.specrage.eigen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Lanczos on crowded spectra: repeated eigenvalues (every copy found) and stalls (retried). */
class CrowdedSpectrumTest {
    private static final int N = 3000;
    private static final int K = 10;

    /** Diagonal operator: the top K eigenvalues 1e-9 apart (crowded), then a gap of 0.1, the rest spread over [-1, 0.9]. */
    private static SymmetricOperator crowdedTop() {
        return topThenSpread(1e-9);
    }

    /** The top K diagonal entries 1 - spacing * i, the rest spread over [-1, 0.9]. */
    private static SymmetricOperator topThenSpread(double spacing) {
        double[] diagonal = new double[N];
        for (int i = 0; i < N; i++) diagonal[i] = i < K ? 1 - spacing * i : 0.9 - 1.9 * (i - K) / (N - K - 1.0);
        return new SymmetricOperator() {
            @Override
            public int size() {
                return N;
            }

            @Override
            public void apply(double[] x, double[] y) {
                for (int i = 0; i < N; i++) y[i] = diagonal[i] * x[i];
            }
        };
    }

    @Test
    void everyCopyOfARepeatedEigenvalueIsFound() {
        // an eigenvalue repeated K times, as a graph with K components has: one Krylov space finds only some copies
        SymmetricOperator op = topThenSpread(0);
        EigenResult plain = Lanczos.largest(op, K, LanczosOptions.of(0));
        assertTrue(plain.values()[0] < 0.95, "plain Lanczos missed a copy (the test's premise): " + plain.values()[0]);

        EigenResult r = Eigensolvers.top(op, K, LanczosOptions.of(0));
        assertEquals(LanczosOptions.DEFAULT_TOLERANCE, r.tolerance());
        for (double v : r.values()) assertEquals(1.0, v, 1e-10);
        assertSpansTheTop(r, 1e-10);
        for (int a = 0; a < K; a++) {
            for (int b = 0; b <= a; b++) {
                double dot = 0;
                for (int i = 0; i < N; i++) dot += r.vectors().get(i, a) * r.vectors().get(i, b);
                assertEquals(a == b ? 1 : 0, dot, 1e-8, "columns " + a + ", " + b);
            }
        }
    }

    /** Every column keeps its mass in the first K coordinates (the top eigenspace), however it splits it. */
    private static void assertSpansTheTop(EigenResult r, double slack) {
        for (int j = 0; j < K; j++) {
            double inside = 0;
            for (int i = 0; i < K; i++) inside += r.vectors().get(i, j) * r.vectors().get(i, j);
            assertTrue(inside > 1 - slack, "column " + j + " keeps " + inside + " of its mass in the top eigenspace");
        }
    }

    @Test
    void aStallIsRetriedAndTheRetrysToleranceIsReported() {
        LanczosOptions options = LanczosOptions.of(3).withMaxIterations(30);
        SymmetricOperator op = crowdedTop();
        // the first attempt alone stalls: 1e-10 residuals cannot tell values 1e-9 apart in 30 restarts
        EigenSolverException stall = assertThrows(EigenSolverException.class, () -> Lanczos.largest(op, K, options));
        assertEquals(1, stall.info());

        EigenResult r = Eigensolvers.top(op, K, options);
        assertEquals(Eigensolvers.RETRY_TOLERANCE, r.tolerance());
        for (double v : r.values()) assertEquals(1.0, v, 1e-6);
        assertSpansTheTop(r, 1e-6);
    }

    @Test
    void aConvergedFirstAttemptKeepsItsTolerance() {
        EigenResult r = Eigensolvers.top(SymmetricOperator.of(EigenTestData.randomSymmetric(1500, 0.005, 1)), 4, LanczosOptions.of(0));
        assertEquals(LanczosOptions.DEFAULT_TOLERANCE, r.tolerance());
    }

    @Test
    void aStallThatPersistsNamesBothAttempts() {
        EigenSolverException e = assertThrows(EigenSolverException.class,
                () -> Eigensolvers.top(crowdedTop(), K, LanczosOptions.of(3).withMaxIterations(1)));
        assertEquals(1, e.info());
        assertTrue(e.getMessage().contains("again with basis 42 and tolerance 1.0E-6"), e.getMessage());
    }
}
