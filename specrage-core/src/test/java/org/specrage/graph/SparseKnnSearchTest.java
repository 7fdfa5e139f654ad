package org.specrage.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.util.Parallel;
import org.specrage.util.Progress;

class SparseKnnSearchTest {
    /** Word-count-like rows, about 8% non-zero, row 3 empty: small integers, or continuous weights. */
    private static FMatrix counts(int n, int d, long seed, boolean integers) {
        SplittableRandom r = new SplittableRandom(seed);
        FMatrix x = new FMatrix(n, d);
        for (int i = 0; i < n; i++) {
            if (i == 3) continue;
            for (int c = 0; c < d; c++) if (r.nextDouble() < 0.08) x.data[i * d + c] = integers ? 1 + r.nextInt(4) : (float) r.nextDouble();
        }
        return x;
    }

    private static FMatrix counts(int n, int d, long seed) {
        return counts(n, d, seed, true);
    }

    @Test
    void matchesTheDenseSearchForBothMetrics() {
        for (boolean integers : new boolean[] {false, true}) {
            FMatrix x = counts(700, 120, 1, integers);
            CsrMatrix sparse = CsrMatrix.fromDense(x);
            for (Metric metric : Metric.values()) {
                KnnGraph expected = KnnSearch.exact(x, 9, metric, Progress.NONE);
                KnnGraph got = SparseKnnSearch.exact(sparse, 9, metric, Progress.NONE);
                String what = metric + (integers ? " on counts" : " on weights");
                // equal distances at every rank: both are exact neighbour lists
                assertArrayEquals(expected.distances(), got.distances(), 1e-6, what);
                // the dense search ranks float rows, so word counts (many exact ties) may pick other tied rows
                // (and the empty row 3 is at distance 1 from every row under cosine: all of them tie)
                if (!integers) {
                    for (int i = 0; i < x.rows; i++) {
                        if (i == 3 && metric == Metric.COSINE) continue;
                        for (int j = 0; j < 9; j++) assertEquals(expected.neighbor(i, j), got.neighbor(i, j), what + " row " + i);
                    }
                }
                assertEquals(metric, got.metric());
            }
        }
    }

    @Test
    void anEmptyRowIsAtCosineDistanceOne() {
        KnnGraph graph = SparseKnnSearch.exact(CsrMatrix.fromDense(counts(50, 40, 2)), 4, Metric.COSINE, Progress.NONE);
        for (int j = 0; j < 4; j++) assertEquals(1.0, graph.distance(3, j));
    }

    @Test
    void theGraphDoesNotDependOnTheThreadCount() {
        CsrMatrix sparse = CsrMatrix.fromDense(counts(1500, 300, 3));
        int before = Parallel.threads();
        KnnGraph[] graphs = new KnnGraph[2];
        try {
            for (int t = 1; t <= 2; t++) {
                Parallel.setThreads(t);
                graphs[t - 1] = SparseKnnSearch.exact(sparse, 7, Metric.EUCLIDEAN, Progress.NONE);
            }
        } finally {
            Parallel.setThreads(before);
        }
        assertArrayEquals(graphs[0].indices(), graphs[1].indices());
        assertArrayEquals(graphs[0].distances(), graphs[1].distances());
    }

    @Test
    void rejectsBadNeighbourCounts() {
        CsrMatrix sparse = CsrMatrix.fromDense(counts(10, 5, 4));
        assertThrows(IllegalArgumentException.class, () -> SparseKnnSearch.exact(sparse, 0, Metric.EUCLIDEAN, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> SparseKnnSearch.exact(sparse, 10, Metric.EUCLIDEAN, Progress.NONE));
    }
}
