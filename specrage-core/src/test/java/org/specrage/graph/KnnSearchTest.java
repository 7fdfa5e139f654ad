package org.specrage.graph;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.FMatrix;
import org.specrage.util.Progress;

class KnnSearchTest {

    static FMatrix randomPoints(int n, int d, long seed) {
        Random rnd = new Random(seed);
        FMatrix x = new FMatrix(n, d);
        for (int i = 0; i < x.data.length; i++) x.data[i] = (float) rnd.nextGaussian();
        return x;
    }

    /** Brute force in double: the k nearest other points by (distance, index). */
    static int[] bruteForce(FMatrix x, int k, Metric metric) {
        int n = x.rows;
        int[] out = new int[n * k];
        for (int i = 0; i < n; i++) {
            Integer[] order = new Integer[n - 1];
            double[] dist = new double[n];
            for (int j = 0, t = 0; j < n; j++) {
                dist[j] = metric == Metric.COSINE ? cosine(x, i, j) : euclid(x, i, j);
                if (j != i) order[t++] = j;
            }
            Arrays.sort(order, (a, b) -> dist[a] != dist[b] ? Double.compare(dist[a], dist[b]) : Integer.compare(a, b));
            for (int j = 0; j < k; j++) out[i * k + j] = order[j];
        }
        return out;
    }

    static double euclid(FMatrix x, int a, int b) {
        double s = 0;
        for (int c = 0; c < x.cols; c++) {
            double d = (double) x.get(a, c) - x.get(b, c);
            s += d * d;
        }
        return Math.sqrt(s);
    }

    static double cosine(FMatrix x, int a, int b) {
        double ab = 0, aa = 0, bb = 0;
        for (int c = 0; c < x.cols; c++) {
            ab += (double) x.get(a, c) * x.get(b, c);
            aa += (double) x.get(a, c) * x.get(a, c);
            bb += (double) x.get(b, c) * x.get(b, c);
        }
        return 1 - ab / Math.sqrt(aa * bb);
    }

    @Test
    void matchesBruteForceAcrossBlockSizes() {
        FMatrix x = randomPoints(157, 9, 1);
        int[] expected = bruteForce(x, 7, Metric.EUCLIDEAN);
        for (int block : new int[] {1, 16, 50, 157, 2048}) {
            KnnGraph g = KnnSearch.exact(x, 7, Metric.EUCLIDEAN, block, Progress.NONE);
            assertArrayEquals(expected, g.indices(), "block " + block);
            for (int i = 0; i < x.rows; i++) {
                for (int j = 0; j < 7; j++) assertEquals(euclid(x, i, g.neighbor(i, j)), g.distance(i, j), 1e-9);
            }
        }
    }

    @Test
    void cosineMatchesBruteForce() {
        FMatrix x = randomPoints(120, 6, 2);
        int[] expected = bruteForce(x, 5, Metric.COSINE);
        KnnGraph g = KnnSearch.exact(x, 5, Metric.COSINE, 32, Progress.NONE);
        assertArrayEquals(expected, g.indices());
        for (int i = 0; i < x.rows; i++) assertEquals(cosine(x, i, g.neighbor(i, 0)), g.distance(i, 0), 1e-6);
    }

    @Test
    void tiesBrokenByLowerIndexWhateverTheBlocking() {
        // points on a 1-D integer grid: many equal distances
        FMatrix x = new FMatrix(40, 1);
        for (int i = 0; i < 40; i++) x.data[i] = i % 10;
        int[] expected = bruteForce(x, 6, Metric.EUCLIDEAN);
        for (int block : new int[] {3, 7, 40}) {
            assertArrayEquals(expected, KnnSearch.exact(x, 6, Metric.EUCLIDEAN, block, Progress.NONE).indices());
        }
    }

    @Test
    void rejectsTooManyNeighbours() {
        FMatrix x = randomPoints(5, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KnnSearch.exact(x, 5, Metric.EUCLIDEAN, Progress.NONE));
        assertTrue(e.getMessage().contains("smaller than the number of points"));
    }
}
