package org.specrage.eigen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.DMatrix;

class DenseSymmetricEigenTest {
    private static DMatrix dense(CsrMatrix a) {
        return Eigensolvers.toDense(SymmetricOperator.of(a));
    }

    @Test
    void pathLaplacianMatchesClosedForm() {
        int n = 60;
        EigenResult all = DenseSymmetricEigen.decompose(dense(EigenTestData.pathLaplacian(n)));
        assertEquals(n, all.count());
        for (int j = 0; j < n; j++) {
            assertEquals(EigenTestData.pathEigenvalue(n, j), all.values()[j], 1e-12, "eigenvalue " + j);
            // eigenvalues are simple: after the sign convention the vectors must agree directly
            DMatrix expected = new DMatrix(n, 1, EigenTestData.pathEigenvector(n, j));
            SignConvention.apply(expected);
            assertArrayEquals(expected.data, all.vector(j), 1e-10, "eigenvector " + j);
        }
    }

    @Test
    void smallestAndLargestAreSlicesOfTheFullDecomposition() {
        DMatrix a = dense(EigenTestData.randomSymmetric(80, 0.1, 3));
        EigenResult all = DenseSymmetricEigen.decompose(a);
        EigenResult low = DenseSymmetricEigen.smallest(a, 5);
        EigenResult high = DenseSymmetricEigen.largest(a, 4);
        for (int j = 0; j < 5; j++) {
            assertEquals(all.values()[j], low.values()[j], 1e-12);
            assertArrayEquals(all.vector(j), low.vector(j), 1e-10);
        }
        for (int j = 0; j < 4; j++) {
            assertEquals(all.values()[76 + j], high.values()[j], 1e-12);
            assertArrayEquals(all.vector(76 + j), high.vector(j), 1e-10);
        }
        for (int j = 1; j < all.count(); j++) assertTrue(all.values()[j - 1] <= all.values()[j]);
    }

    @Test
    void signConventionMakesLargestEntryPositive() {
        DMatrix a = dense(EigenTestData.randomSymmetric(40, 0.2, 8));
        EigenResult all = DenseSymmetricEigen.decompose(a);
        for (int j = 0; j < all.count(); j++) {
            double[] v = all.vector(j);
            int arg = 0;
            for (int i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[arg])) arg = i;
            assertTrue(v[arg] > 0, "column " + j);
        }
    }

    @Test
    void signConventionBreaksExactTiesByTheFirstEntry() {
        DMatrix v = new DMatrix(3, 2, new double[] {-0.5, 0.5, 0.5, -0.5, 0.1, 0.2});
        SignConvention.apply(v);
        assertArrayEquals(new double[] {0.5, 0.5, -0.5, -0.5, -0.1, 0.2}, v.data);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> DenseSymmetricEigen.decompose(new DMatrix(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> DenseSymmetricEigen.smallest(new DMatrix(3, 3), 4));
        DMatrix nan = new DMatrix(2, 2);
        nan.set(0, 1, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> DenseSymmetricEigen.decompose(nan));
    }
}
