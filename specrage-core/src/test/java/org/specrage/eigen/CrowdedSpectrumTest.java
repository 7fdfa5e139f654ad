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
        return topThenSpread(K, 1e-9);
    }

    /** A diagonal operator: the top `top` entries 1 - spacing * i, the rest spread over [-1, 0.9]. */
    private static SymmetricOperator topThenSpread(int top, double spacing) {
        double[] diagonal = new double[N];
        for (int i = 0; i < N; i++) diagonal[i] = i < top ? 1 - spacing * i : 0.9 - 1.9 * (i - top) / (N - top - 1.0);
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
        SymmetricOperator op = topThenSpread(K, 0);
        EigenResult plain = Lanczos.largest(op, K, LanczosOptions.of(0));
        assertTrue(plain.values()[0] < 0.95, "plain Lanczos missed a copy (the test's premise): " + plain.values()[0]);

        EigenResult r = Eigensolvers.top(op, K, LanczosOptions.of(0));
        assertEquals(LanczosOptions.DEFAULT_TOLERANCE, r.tolerance());
        for (double v : r.values()) assertEquals(1.0, v, 1e-10);
        assertSpansTheTop(r, K, 1e-10);
        assertOrthonormal(r);
    }

    private static void assertOrthonormal(EigenResult r) {
        int n = r.vectors().rows;
        for (int a = 0; a < r.count(); a++) {
            for (int b = 0; b <= a; b++) {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += r.vectors().get(i, a) * r.vectors().get(i, b);
                assertEquals(a == b ? 1 : 0, dot, 1e-8, "columns " + a + ", " + b);
            }
        }
    }

    @Test
    void manyCopiesTakeAsManySearchesAsTheyNeed() {
        // 30 copies of the top value: each projected run recovers only a few of them
        int copies = 30;
        SymmetricOperator op = topThenSpread(copies, 0);
        EigenResult r = Eigensolvers.top(op, copies, LanczosOptions.of(0), true);
        for (double v : r.values()) assertEquals(1.0, v, 1e-10);
        assertSpansTheTop(r, copies, 1e-10);
    }

    @Test
    void aRepeatedEigenvalueBelowZeroIsFoundWhole() {
        // the same spectrum moved down by 2: the deflated directions must not be sent to 0, which would outrank -1
        SymmetricOperator shifted = shifted(topThenSpread(K, 0), -2);
        EigenResult r = Eigensolvers.top(shifted, K, LanczosOptions.of(0));
        for (double v : r.values()) assertEquals(-1.0, v, 1e-10);
        assertSpansTheTop(r, K, 1e-10);
    }

    @Test
    void theBottomOfALaplacianWithManyComponentsIsFoundWhole() {
        // 24 components: the eigenvalue 0 is repeated 24 times, at the wanted end; deflated directions
        // sent to 0 would mix with the null vectors missed and come back as non-eigenvectors
        int components = 24, n = 3000, k = components + 2;
        SymmetricOperator op = SymmetricOperator.of(EigenTestData.randomComponentsLaplacian(n, components, 5));
        EigenResult r = Eigensolvers.bottom(op, k, LanczosOptions.of(0));
        for (int j = 0; j < components; j++) assertEquals(0, r.values()[j], 1e-9, "value " + j);
        assertTrue(r.values()[components] > 1e-6, "the first non-zero value " + r.values()[components]);
        double[] y = new double[n];
        for (int j = 0; j < k; j++) {
            double[] x = r.vector(j);
            op.apply(x, y);
            double residual = 0;
            for (int i = 0; i < n; i++) residual = Math.max(residual, Math.abs(y[i] - r.values()[j] * x[i]));
            assertTrue(residual < 1e-8, "pair " + j + " residual " + residual);
        }
        assertOrthonormal(r);
    }

    private static SymmetricOperator shifted(SymmetricOperator op, double shift) {
        return new SymmetricOperator() {
            @Override
            public int size() {
                return op.size();
            }

            @Override
            public void apply(double[] x, double[] y) {
                op.apply(x, y);
                for (int i = 0; i < x.length; i++) y[i] += shift * x[i];
            }
        };
    }

    /** Every column keeps its mass in the first `top` coordinates (the top eigenspace), however it splits it. */
    private static void assertSpansTheTop(EigenResult r, int top, double slack) {
        for (int j = 0; j < r.count(); j++) {
            double inside = 0;
            for (int i = 0; i < top; i++) inside += r.vectors().get(i, j) * r.vectors().get(i, j);
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
        assertSpansTheTop(r, K, 1e-6);
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
