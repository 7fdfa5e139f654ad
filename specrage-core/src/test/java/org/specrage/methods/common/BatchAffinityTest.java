package org.specrage.methods.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.graph.Affinity;
import org.specrage.graph.AffinityKind;
import org.specrage.graph.KnnSearch;
import org.specrage.graph.Metric;
import org.specrage.graph.ScaleMode;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.SparseRows;
import org.specrage.util.Parallel;
import org.specrage.util.Progress;

class BatchAffinityTest {
    private static FMatrix randomPoints(int m, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FMatrix x = new FMatrix(m, d);
        for (int i = 0; i < x.data.length; i++) x.data[i] = (float) (r.nextDouble() * 4 - 2);
        return x;
    }

    /** Brute force in double: kNN by sorting, sigma from the scale_k-th distance, symmetrised. */
    private static double[] bruteForce(FMatrix x, int k, int sk, BatchScale scale, double fixed) {
        int m = x.rows;
        k = Math.min(k, m - 1);
        sk = Math.min(sk, k);
        Integer[][] nbr = new Integer[m][];
        double[][] dist = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int c = 0; c < x.cols; c++) s += Math.pow(x.get(i, c) - x.get(j, c), 2);
                dist[i][j] = Math.sqrt(s);
            }
            final int row = i;
            Integer[] others = new Integer[m - 1];
            for (int j = 0, t = 0; j < m; j++) if (j != i) others[t++] = j;
            Arrays.sort(others, Comparator.comparingDouble((Integer j) -> dist[row][j]).thenComparingInt(j -> j));
            nbr[i] = Arrays.copyOf(others, k);
        }
        double[] sigma = new double[m];
        for (int i = 0; i < m; i++) sigma[i] = dist[i][nbr[i][sk - 1]];
        double[] sorted = sigma.clone();
        Arrays.sort(sorted);
        double median = m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
        double[] w = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j : nbr[i]) {
                double d2 = dist[i][j] * dist[i][j];
                double v = switch (scale) {
                    case LOCAL -> Math.exp(-d2 / (sigma[i] * sigma[j]));
                    case BATCH_MEDIAN -> Math.exp(-d2 / (median * median));
                    case FIXED -> Math.exp(-d2 / (fixed * fixed));
                };
                w[i * m + j] += 0.5 * v;
                w[j * m + i] += 0.5 * v;
            }
        }
        return w;
    }

    @Test
    void matchesBruteForceForEveryScale() {
        FMatrix x = randomPoints(40, 3, 5);
        for (BatchScale scale : BatchScale.values()) {
            float[] w = new float[40 * 40];
            new BatchAffinity(6, 3, scale, 0.7).compute(x.data, 40, 3, w);
            double[] expected = bruteForce(x, 6, 3, scale, 0.7);
            for (int i = 0; i < w.length; i++) assertEquals(expected[i], w[i], 1e-5, scale + " entry " + i);
        }
    }

    @Test
    void batchSmallerThanNeighboursUsesAllOtherPoints() {
        FMatrix x = randomPoints(5, 2, 9);
        float[] w = new float[25];
        new BatchAffinity(30, 15, BatchScale.LOCAL, 0).compute(x.data, 5, 2, w);
        double[] expected = bruteForce(x, 4, 4, BatchScale.LOCAL, 0);
        for (int i = 0; i < 25; i++) assertEquals(expected[i], w[i], 1e-6);
        for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) if (i != j) assertEquals(true, w[i * 5 + j] > 0, "all pairs linked");
        float[] single = {7f};
        new BatchAffinity(30, 15, BatchScale.LOCAL, 0).compute(new float[] {1f, 2f}, 1, 2, single);
        assertEquals(0f, single[0]);
    }

    @Test
    void wholeSetBatchEqualsTheGraphPackagesAffinity() {
        FMatrix x = randomPoints(60, 4, 11);
        float[] w = new float[60 * 60];
        new BatchAffinity(8, 4, BatchScale.LOCAL, 0).compute(x.data, 60, 4, w);
        CsrMatrix graph = Affinity.build(KnnSearch.exact(x, 8, Metric.EUCLIDEAN, Progress.NONE), AffinityKind.GAUSSIAN, ScaleMode.LOCAL, 4);
        for (int i = 0; i < 60; i++) for (int j = 0; j < 60; j++) assertEquals(graph.get(i, j), w[i * 60 + j], 1e-5);
    }

    /** The rows of x as sparse rows. */
    private static SparseRows sparseCopy(FMatrix x) {
        SparseRows rows = new SparseRows(x.cols);
        for (int i = 0; i < x.rows; i++) rows.addDenseRow(x.data, i * x.cols);
        return rows;
    }

    /** Random rows with about a fifth of their entries non-zero, row 5 empty. */
    private static FMatrix randomSparsePoints(int m, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FMatrix x = new FMatrix(m, d);
        for (int i = 0; i < m; i++) {
            if (i == 5) continue; // an empty row: its distances are the other rows' lengths
            for (int c = 0; c < d; c++) if (r.nextDouble() < 0.2) x.data[i * d + c] = (float) (r.nextDouble() * 3);
        }
        return x;
    }

    @Test
    void sparseRowsGiveTheSameAffinityForEveryScale() {
        FMatrix x = randomSparsePoints(50, 30, 21);
        SparseRows rows = sparseCopy(x);
        for (BatchScale scale : BatchScale.values()) {
            float[] w = new float[50 * 50];
            new BatchAffinity(6, 3, scale, 1.5).compute(rows, w);
            double[] expected = bruteForce(x, 6, 3, scale, 1.5);
            for (int i = 0; i < w.length; i++) assertEquals(expected[i], w[i], 1e-5, scale + " entry " + i);
        }
        float[] single = {7f};
        SparseRows one = new SparseRows(4);
        one.addDenseRow(new float[] {0, 1, 0, 2}, 0);
        new BatchAffinity(3, 2, BatchScale.LOCAL, 0).compute(one, single);
        assertEquals(0f, single[0]);
    }

    @Test
    void sparseAffinityDoesNotDependOnTheThreadCount() {
        SparseRows rows = sparseCopy(randomSparsePoints(300, 500, 4));
        int before = Parallel.threads();
        float[][] w = new float[2][300 * 300];
        try {
            for (int t = 1; t <= 2; t++) {
                Parallel.setThreads(t);
                new BatchAffinity(10, 5, BatchScale.LOCAL, 0).compute(rows, w[t - 1]);
            }
        } finally {
            Parallel.setThreads(before);
        }
        assertEquals(true, Arrays.equals(w[0], w[1]));
    }

    @Test
    void duplicatePointsGetFiniteWeights() {
        FMatrix x = new FMatrix(6, 2); // all at the origin: every distance and scale is zero
        float[] w = new float[36];
        new BatchAffinity(3, 2, BatchScale.LOCAL, 0).compute(x.data, 6, 2, w);
        for (float v : w) assertEquals(true, Float.isFinite(v) && v >= 0);
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new BatchAffinity(0, 1, BatchScale.LOCAL, 0));
        assertThrows(IllegalArgumentException.class, () -> new BatchAffinity(5, 6, BatchScale.LOCAL, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BatchAffinity(5, 2, BatchScale.FIXED, 0));
        assertEquals(true, e.getMessage().contains("sigma"));
    }
}
