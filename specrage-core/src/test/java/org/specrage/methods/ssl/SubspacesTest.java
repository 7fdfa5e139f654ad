package org.specrage.methods.ssl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;

class SubspacesTest {
    @Test
    void principalAnglesOfRotatedPlanes() {
        // span(e1, e2) against span(cos a e1 + sin a e3, cos b e2 + sin b e4) in R^4: angles a and b
        double a = 0.3, b = 0.05;
        DMatrix p = new DMatrix(4, 2, new double[] {1, 0, 0, 1, 0, 0, 0, 0});
        DMatrix q = new DMatrix(4, 2, new double[] {Math.cos(a), 0, 0, Math.cos(b), Math.sin(a), 0, 0, Math.sin(b)});
        assertArrayEquals(new double[] {Math.sin(a), Math.sin(b)}, Subspaces.principalSines(p, q), 1e-12);
    }

    @Test
    void containmentInALargerSubspace() {
        DMatrix line = Subspaces.orthonormalBasis(new DMatrix(3, 1, new double[] {1, 1, 0}));
        DMatrix plane = new DMatrix(3, 2, new double[] {1, 0, 0, 1, 0, 0});
        assertEquals(0, Subspaces.largestSine(line, plane), 1e-15);
        DMatrix tilted = Subspaces.orthonormalBasis(new DMatrix(3, 1, new double[] {1, 0, 1}));
        assertEquals(Math.sqrt(0.5), Subspaces.largestSine(tilted, plane), 1e-12);
    }

    @Test
    void leftSingularBasisIgnoresColumnScalingAndMixing() {
        // Z = U S V^T with known U columns (orthonormal) spans span(U)
        DMatrix u = new DMatrix(4, 2, new double[] {0.5, 0.5, 0.5, -0.5, 0.5, 0.5, 0.5, -0.5});
        DMatrix mix = new DMatrix(2, 3, new double[] {3, 1, 0.5, 0, 0.01, 2});
        DMatrix z = Subspaces.multiply(u, mix);
        assertEquals(0, Subspaces.largestSine(Subspaces.leftSingularBasis(z, 2), u), 1e-10);
        double[] s = Subspaces.singularValues(z);
        assertEquals(3, s.length);
        assertEquals(0, s[2], 1e-7);
        assertEquals(2, Subspaces.numericalRank(s, 1e-6));
    }

    @Test
    void centeringRemovesColumnMeans() {
        DMatrix z = Subspaces.centered(new DMatrix(3, 2, new double[] {1, 5, 2, 5, 6, 8}));
        assertArrayEquals(new double[] {-2, -1, -1, -1, 3, 2}, z.data, 1e-12);
    }
}
