package org.specrage.eigen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.DMatrix;

class LanczosTest {
    private static final LanczosOptions OPTIONS = LanczosOptions.of(17);

    /** max_j ||A v_j - lambda_j v_j||. */
    private static double maxResidual(SymmetricOperator op, EigenResult r) {
        double worst = 0;
        double[] av = new double[op.size()];
        for (int j = 0; j < r.count(); j++) {
            double[] v = r.vector(j);
            op.apply(v, av);
            double s = 0;
            for (int i = 0; i < v.length; i++) s += Math.pow(av[i] - r.values()[j] * v[i], 2);
            worst = Math.max(worst, Math.sqrt(s));
        }
        return worst;
    }

    private static void assertMatchesDense(EigenResult lanczos, EigenResult dense) {
        assertEquals(dense.count(), lanczos.count());
        for (int j = 0; j < dense.count(); j++) {
            assertEquals(dense.values()[j], lanczos.values()[j], 1e-9, "eigenvalue " + j);
            assertArrayEquals(dense.vector(j), lanczos.vector(j), 1e-6, "eigenvector " + j);
        }
    }

    @Test
    void randomSparseMatrixAgreesWithDense() {
        for (long seed = 1; seed <= 2; seed++) {
            CsrMatrix a = EigenTestData.randomSymmetric(400, 0.02, seed);
            SymmetricOperator op = SymmetricOperator.of(a);
            DMatrix dense = Eigensolvers.toDense(op);
            EigenResult top = Lanczos.largest(op, 6, OPTIONS);
            EigenResult bottom = Lanczos.smallest(op, 6, OPTIONS);
            assertMatchesDense(top, DenseSymmetricEigen.largest(dense, 6));
            assertMatchesDense(bottom, DenseSymmetricEigen.smallest(dense, 6));
            assertTrue(maxResidual(op, top) < 1e-8, "residual " + maxResidual(op, top));
            assertTrue(maxResidual(op, bottom) < 1e-8, "residual " + maxResidual(op, bottom));
        }
    }

    @Test
    void pathLaplacianMatchesClosedForm() {
        int n = 300, k = 4;
        SymmetricOperator op = SymmetricOperator.of(EigenTestData.pathLaplacian(n));
        LanczosOptions options = OPTIONS.withNcv(40);
        EigenResult bottom = Lanczos.smallest(op, k, options);
        EigenResult top = Lanczos.largest(op, k, options);
        for (int j = 0; j < k; j++) {
            assertEquals(EigenTestData.pathEigenvalue(n, j), bottom.values()[j], 1e-10, "bottom " + j);
            assertEquals(EigenTestData.pathEigenvalue(n, n - k + j), top.values()[j], 1e-10, "top " + j);
            DMatrix expected = new DMatrix(n, 1, EigenTestData.pathEigenvector(n, j));
            SignConvention.apply(expected);
            assertArrayEquals(expected.data, bottom.vector(j), 1e-6, "bottom vector " + j);
        }
        assertTrue(maxResidual(op, bottom) < 1e-8);
        assertTrue(maxResidual(op, top) < 1e-8);
    }

    @Test
    void sameSeedGivesIdenticalResults() {
        SymmetricOperator op = SymmetricOperator.of(EigenTestData.randomSymmetric(300, 0.03, 4));
        EigenResult a = Lanczos.largest(op, 3, OPTIONS);
        EigenResult b = Lanczos.largest(op, 3, OPTIONS);
        assertArrayEquals(a.values(), b.values());
        assertArrayEquals(a.vectors().data, b.vectors().data);
    }

    @Test
    void nonConvergenceRaisesADedicatedException() {
        SymmetricOperator op = SymmetricOperator.of(EigenTestData.pathLaplacian(500));
        EigenSolverException e = assertThrows(EigenSolverException.class,
                () -> Lanczos.smallest(op, 5, OPTIONS.withMaxIterations(1).withNcv(11)));
        assertEquals(1, e.info());
        assertTrue(e.getMessage().contains("maximum number of iterations"), e.getMessage());
    }

    @Test
    void eigensolversPickDenseForSmallProblemsWithTheSameAnswer() {
        SymmetricOperator small = SymmetricOperator.of(EigenTestData.randomSymmetric(200, 0.05, 9));
        assertTrue(Eigensolvers.useDense(small, 3, OPTIONS));
        assertMatchesDense(Lanczos.smallest(small, 3, OPTIONS), Eigensolvers.bottom(small, 3, OPTIONS));
        assertMatchesDense(Lanczos.largest(small, 3, OPTIONS), Eigensolvers.top(small, 3, OPTIONS));
        SymmetricOperator large = SymmetricOperator.of(EigenTestData.pathLaplacian(Eigensolvers.DENSE_MAX_SIZE + 1));
        assertTrue(!Eigensolvers.useDense(large, 3, OPTIONS));
        EigenResult top = Eigensolvers.top(large, 2, OPTIONS);
        assertEquals(EigenTestData.pathEigenvalue(large.size(), large.size() - 1), top.values()[1], 1e-10);
    }

    @Test
    void rejectsBadInput() {
        SymmetricOperator op = SymmetricOperator.of(EigenTestData.pathLaplacian(10));
        assertThrows(IllegalArgumentException.class, () -> Lanczos.largest(op, 10, OPTIONS));
        assertThrows(IllegalArgumentException.class, () -> Lanczos.largest(op, 0, OPTIONS));
        assertThrows(IllegalArgumentException.class, () -> SymmetricOperator.of(new DMatrix(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> LanczosOptions.of(0).withTolerance(0));
    }
}
