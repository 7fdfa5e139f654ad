package org.specrage.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;

class SubspacesTest {
    /** A random orthogonal n x n matrix (Gram-Schmidt of a Gaussian matrix). */
    private static DMatrix randomRotation(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DMatrix g = new DMatrix(n, n);
        for (int i = 0; i < g.data.length; i++) g.data[i] = random.nextDouble() * 2 - 1;
        return Subspaces.orthonormalBasis(g, "g");
    }

    private static DMatrix multiply(DMatrix a, DMatrix b) {
        DMatrix c = new DMatrix(a.rows, b.cols);
        for (int i = 0; i < a.rows; i++) {
            for (int p = 0; p < a.cols; p++) {
                for (int j = 0; j < b.cols; j++) c.data[i * b.cols + j] += a.get(i, p) * b.get(p, j);
            }
        }
        return c;
    }

    @Test
    void closedFormAnglesInRotatedCoordinates() {
        // span(a) = span(e1, e2); span(b) = span(cos t1 e1 + sin t1 e3, cos t2 e2 + sin t2 e4): angles t1, t2
        int n = 7;
        double t1 = 0.3, t2 = 1.1;
        DMatrix a = new DMatrix(n, 2);
        a.set(0, 0, 2.0);              // scaled and mixed columns: only the span matters
        a.set(1, 1, 1.0);
        a.set(0, 1, 0.5);
        DMatrix b = new DMatrix(n, 2);
        b.set(0, 0, Math.cos(t1));
        b.set(2, 0, Math.sin(t1));
        b.set(1, 1, Math.cos(t2));
        b.set(3, 1, Math.sin(t2));
        DMatrix rotation = randomRotation(n, 3);
        DMatrix ra = multiply(rotation, a), rb = multiply(rotation, b);
        assertArrayEquals(new double[] {Math.sin(t1), Math.sin(t2)}, Subspaces.angleSines(ra, rb), 1e-12);
        assertEquals(Math.sin(t2), Subspaces.largestAngleSine(ra, rb), 1e-12);
    }

    @Test
    void tinyAnglesKeepTheirRelativePrecision() {
        // sqrt(1 - cos^2) would lose everything below 1e-8; the residual form does not
        double t = 1e-10;
        DMatrix a = new DMatrix(3, 1, new double[] {1, 0, 0});
        DMatrix b = new DMatrix(3, 1, new double[] {Math.cos(t), Math.sin(t), 0});
        assertEquals(Math.sin(t), Subspaces.largestAngleSine(a, b), 1e-6 * t);
    }

    @Test
    void subspaceOfALargerSpaceHasZeroAnglesAndOrthogonalHasOne() {
        DMatrix a = new DMatrix(4, 1, new double[] {1, 1, 0, 0});
        DMatrix b = new DMatrix(4, 2, new double[] {1, 0, 0, 1, 0, 0, 0, 0});
        assertEquals(0.0, Subspaces.largestAngleSine(a, b), 1e-15);
        DMatrix c = new DMatrix(4, 1, new double[] {0, 0, 1, 0});
        assertEquals(1.0, Subspaces.largestAngleSine(c, b), 1e-15);
    }

    @Test
    void rejectsBadShapesAndRankDeficiency() {
        DMatrix a = new DMatrix(4, 2, new double[] {1, 2, 1, 2, 1, 2, 1, 2});
        DMatrix b = new DMatrix(4, 2, new double[] {1, 0, 0, 1, 0, 0, 0, 0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Subspaces.largestAngleSine(a, b));
        assertEquals(true, e.getMessage().contains("full column rank"));
        assertThrows(IllegalArgumentException.class, () -> Subspaces.largestAngleSine(b, new DMatrix(3, 2)));
        assertThrows(IllegalArgumentException.class, () -> Subspaces.largestAngleSine(b, new DMatrix(4, 1, new double[] {1, 0, 0, 0})));
    }
}
