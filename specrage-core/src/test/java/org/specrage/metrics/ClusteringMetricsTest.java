package org.specrage.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Golden values computed with scikit-learn 1.2.1 (normalized_mutual_info_score, adjusted_rand_score),
 * ACC with scipy.optimize.linear_sum_assignment on the contingency matrix, purity from the
 * contingency matrix (script: column maxima summed / n).
 */
class ClusteringMetricsTest {
    private record Case(int[] truth, int[] pred, double acc, double nmi, double ari, double purity) {
    }

    private static final Case[] CASES = {
            new Case(new int[] {101, 37, 101, 101, 37, 94, 37, 101, 94, 94, 37, 37, 101, 94, 101, 101, 101, 101, 37, 37, 37, 101, 37, 94, 101, 101, 94, 94, 94, 37},
                    new int[] {192, 116, 116, 167, 192, 167, 116, 116, 192, 167, 192, 192, 192, 167, 116, 116, 192, 116, 192, 192, 192, 116, 192, 167, 116, 116, 167, 116, 116, 192},
                    0.7, 0.2976179491768066, 0.25021545532892847, 0.7),
            new Case(new int[] {13, 100, 100, 154, 13, 94, 154, 94, 154, 13, 100, 94, 94, 13, 94, 100, 154, 94, 13, 100, 154, 100, 100, 154, 13, 154, 13, 94, 94, 94, 94, 100, 94, 100, 13, 154, 154, 100, 100, 100},
                    new int[] {120, 152, 120, 109, 141, 109, 158, 109, 152, 141, 120, 109, 109, 141, 158, 152, 152, 109, 109, 195, 152, 120, 120, 158, 141, 158, 158, 109, 109, 109, 109, 120, 109, 158, 152, 120, 152, 120, 152, 120},
                    0.625, 0.4459613847278015, 0.36453130304058967, 0.725),
            new Case(new int[] {97, 174, 63, 126, 97, 126, 97, 63, 126, 63, 23, 126, 97, 23, 174, 174, 97, 23, 63, 23, 174, 97, 126, 23, 23, 174, 174, 23, 23, 126, 126, 97, 126, 126, 174, 63, 126, 23, 97, 174, 97, 174, 126, 23, 174, 63, 174, 97, 174, 23},
                    new int[] {89, 89, 185, 185, 89, 185, 89, 185, 185, 89, 89, 185, 185, 89, 89, 89, 89, 89, 185, 89, 185, 185, 185, 89, 89, 89, 89, 89, 89, 185, 185, 89, 185, 89, 89, 185, 89, 89, 89, 89, 89, 89, 185, 89, 89, 185, 185, 89, 89, 185},
                    0.38, 0.20492663899816774, 0.14187091801127072, 0.38),
            new Case(new int[] {126, 124, 8, 54, 126, 126, 8, 184, 54, 54, 184, 54, 124, 126, 162, 8, 184, 184, 124, 8, 184, 8, 162, 124, 184},
                    new int[] {72, 126, 126, 29, 59, 59, 48, 29, 48, 126, 29, 48, 126, 59, 72, 72, 29, 29, 126, 72, 29, 29, 199, 199, 29},
                    0.68, 0.5950131529858024, 0.38780609695152424, 0.68),
            new Case(new int[] {101, 101, 74, 74, 46, 74, 101, 101, 101, 46, 74, 46, 74, 101, 46, 46, 74, 46, 101, 46, 46, 74, 46, 101, 101, 101, 74, 101, 101, 101, 46, 74, 101, 74, 101, 101, 46, 101, 74, 101, 74, 74, 101, 101, 74, 46, 101, 101, 46, 74, 101, 46, 101, 46, 74, 101, 74, 74, 74, 46},
                    new int[] {48, 112, 197, 71, 48, 71, 112, 112, 112, 48, 71, 22, 71, 112, 48, 48, 197, 166, 112, 48, 48, 71, 48, 112, 104, 112, 71, 197, 166, 104, 48, 166, 112, 48, 22, 112, 48, 180, 71, 112, 71, 71, 112, 197, 104, 104, 112, 112, 197, 32, 112, 48, 112, 48, 197, 112, 180, 180, 71, 48},
                    0.65, 0.4596136551765339, 0.4425630076811701, 0.8166666666666667),
            new Case(new int[] {149, 14, 47, 166, 149, 70, 170, 68, 166, 45, 1, 45, 166, 14, 14, 68, 70, 45, 68, 68, 14, 170, 14, 163, 166, 1, 170, 70, 163, 70, 47, 47, 163, 68, 14, 47, 163, 14, 70, 14, 70, 68, 149, 166, 149},
                    new int[] {190, 168, 168, 190, 122, 69, 122, 190, 190, 122, 190, 122, 190, 69, 122, 122, 190, 190, 190, 168, 69, 69, 168, 122, 190, 190, 190, 122, 168, 190, 122, 168, 168, 69, 168, 168, 168, 69, 168, 69, 168, 69, 122, 190, 168},
                    0.3111111111111111, 0.2932829385235703, 0.0640110522680175, 0.3111111111111111),
            new Case(new int[] {3, 1, 0, 3, 1, 1, 3, 0, 1, 1, 2, 2, 0, 1, 2, 0, 3, 0, 1, 3},
                    new int[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5},
                    0.35, 0.0, 0.0, 0.35),
            new Case(new int[] {3, 1, 0, 3, 1, 1, 3, 0, 1, 1, 2, 2, 0, 1, 2, 0, 3, 0, 1, 3},
                    new int[] {100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119},
                    0.2, 0.6197597316262564, 0.0, 1.0),
            new Case(new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2},
                    new int[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9},
                    1.0, 1.0, 1.0, 1.0),
            new Case(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14},
                    new int[] {14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
                    1.0, 1.0, 1.0, 1.0),
            new Case(new int[] {0, 0, 1, 1},
                    new int[] {0, 1, 0, 1},
                    0.5, 0.0, -0.5, 0.5),
    };

    @Test
    void matchesScikitLearnGoldenValues() {
        for (int c = 0; c < CASES.length; c++) {
            Case k = CASES[c];
            String where = "case " + c;
            assertEquals(k.acc, ClusteringMetrics.accuracy(k.truth, k.pred), 1e-12, where + " acc");
            assertEquals(k.nmi, ClusteringMetrics.nmi(k.truth, k.pred), 1e-12, where + " nmi");
            assertEquals(k.ari, ClusteringMetrics.ari(k.truth, k.pred), 1e-12, where + " ari");
            assertEquals(k.purity, ClusteringMetrics.purity(k.truth, k.pred), 1e-12, where + " purity");
            ClusteringMetrics.Scores s = ClusteringMetrics.score(k.truth, k.pred);
            assertEquals(new ClusteringMetrics.Scores(ClusteringMetrics.accuracy(k.truth, k.pred),
                    ClusteringMetrics.nmi(k.truth, k.pred), ClusteringMetrics.ari(k.truth, k.pred),
                    ClusteringMetrics.purity(k.truth, k.pred)), s, where);
        }
    }

    @Test
    void identicalPartitionsUnderRenamingScoreOne() {
        int[] truth = {0, 0, 1, 1, 2, 2, 2};
        int[] pred = {70, 70, 5, 5, 9, 9, 9};
        assertEquals(new ClusteringMetrics.Scores(1, 1, 1, 1), ClusteringMetrics.score(truth, pred));
    }

    @Test
    void accuracyScalesToManyDistinctClusters() {
        int n = 20_000;
        int[] truth = new int[n];
        int[] pred = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i;
            pred[i] = n - 1 - i;
        }
        assertEquals(1.0, ClusteringMetrics.accuracy(truth, pred));
        for (int i = 0; i < n; i++) truth[i] = i % 10;
        assertEquals(10.0 / n, ClusteringMetrics.accuracy(truth, pred), 1e-15);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ClusteringMetrics.nmi(new int[] {0, 1}, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> ClusteringMetrics.accuracy(new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ClusteringMetrics.ari(new int[] {0, -1}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> ClusteringMetrics.score(null, new int[] {0}));
    }
}
