package org.specrage.graph;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.util.Progress;

class AffinityAndLaplacianTest {

    private static KnnGraph graph(FMatrix x, int k) {
        return KnnSearch.exact(x, k, Metric.EUCLIDEAN, Progress.NONE);
    }

    @Test
    void gaussianWeightsFollowTheFormulaAndAreSymmetric() {
        FMatrix x = KnnSearchTest.randomPoints(60, 3, 4);
        KnnGraph g = graph(x, 6);
        double sigma = Affinity.globalScale(g, 3);
        CsrMatrix w = Affinity.build(g, AffinityKind.GAUSSIAN, ScaleMode.GLOBAL_MEDIAN, 3);
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 60; j++) {
                assertEquals(w.get(i, j), w.get(j, i), 0.0);
                boolean ij = contains(g, i, j), ji = contains(g, j, i);
                double kernel = Math.exp(-Math.pow(KnnSearchTest.euclid(x, i, j), 2) / (sigma * sigma));
                double expected = ((ij ? 1 : 0) + (ji ? 1 : 0)) * 0.5 * kernel;
                assertEquals(expected, w.get(i, j), 1e-12);
            }
        }
        double[] third = g.distancesToNeighbor(2);
        java.util.Arrays.sort(third);
        assertEquals((third[29] + third[30]) / 2, sigma, 0.0);
    }

    @Test
    void localScaleUsesSigmaIJ() {
        FMatrix x = KnnSearchTest.randomPoints(30, 2, 5);
        KnnGraph g = graph(x, 4);
        CsrMatrix w = Affinity.build(g, AffinityKind.GAUSSIAN, ScaleMode.LOCAL, 2);
        int i = 0, j = g.neighbor(0, 0);
        double si = g.distance(i, 1), sj = g.distance(j, 1);
        double kernel = Math.exp(-Math.pow(g.distance(i, 0), 2) / (si * sj));
        double expected = (contains(g, j, i) ? 1.0 : 0.5) * kernel;
        assertEquals(expected, w.get(i, j), 1e-12);
    }

    @Test
    void laplaciansAnnihilateTheirNullVectors() {
        FMatrix x = KnnSearchTest.randomPoints(80, 4, 6);
        CsrMatrix w = Affinity.build(graph(x, 8), AffinityKind.GAUSSIAN, ScaleMode.LOCAL, 4);
        double[] ones = new double[80];
        java.util.Arrays.fill(ones, 1);
        double[] out = new double[80];
        Laplacian.unnormalized(w).multiply(ones, out);
        for (double v : out) assertEquals(0, v, 1e-12);
        double[] d = Laplacian.degrees(w);
        double[] sqrtD = new double[80];
        for (int i = 0; i < 80; i++) sqrtD[i] = Math.sqrt(d[i]);
        Laplacian.symmetricNormalized(w).multiply(sqrtD, out);
        for (double v : out) assertEquals(0, v, 1e-12);
        Laplacian.randomWalk(w).multiply(ones, out);
        for (double v : out) assertEquals(0, v, 1e-12);
        // N = I - L_sym entry-wise
        CsrMatrix n = Laplacian.normalizedAdjacency(w);
        CsrMatrix l = Laplacian.symmetricNormalized(w);
        for (int i = 0; i < 80; i += 7) {
            for (int j = 0; j < 80; j += 3) assertEquals((i == j ? 1 : 0) - l.get(i, j), n.get(i, j), 1e-12);
        }
    }

    @Test
    void componentsOfTwoFarApartClusters() {
        FMatrix x = new FMatrix(20, 1);
        for (int i = 0; i < 20; i++) x.data[i] = i < 12 ? i : 1000 + i;
        CsrMatrix w = Affinity.build(graph(x, 3), AffinityKind.CONNECTIVITY, ScaleMode.GLOBAL_MEDIAN, 1);
        ConnectedComponents c = ConnectedComponents.of(w);
        assertEquals(2, c.count());
        assertEquals(12, c.largestSize());
        assertEquals(c.componentOf()[0], c.componentOf()[11]);
        assertNotEquals(c.componentOf()[0], c.componentOf()[12]);
    }

    @Test
    void rejectsBadScaleK() {
        KnnGraph g = graph(KnnSearchTest.randomPoints(20, 2, 7), 4);
        assertThrows(IllegalArgumentException.class, () -> Affinity.build(g, AffinityKind.GAUSSIAN, ScaleMode.LOCAL, 5));
        assertThrows(IllegalArgumentException.class, () -> Affinity.build(g, AffinityKind.COSINE, ScaleMode.LOCAL, 1));
    }

    private static boolean contains(KnnGraph g, int i, int j) {
        for (int t = 0; t < g.k(); t++) if (g.neighbor(i, t) == j) return true;
        return false;
    }
}
