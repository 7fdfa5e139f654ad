package org.specrage.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HungarianTest {
    @Test
    void matchesBruteForceOnRandomRectangularMatrices() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int rows = 1 + random.nextInt(7);
            int cols = 1 + random.nextInt(7);
            double[][] cost = new double[rows][cols];
            for (double[] row : cost) {
                for (int j = 0; j < cols; j++) {
                    // integer costs in a small range force many ties; some trials use reals
                    row[j] = trial % 2 == 0 ? random.nextInt(5) - 2 : random.nextDouble() * 10 - 3;
                }
            }
            int[] result = Hungarian.minCostAssignment(cost);
            assertEquals(rows, result.length);
            Set<Integer> usedCols = new HashSet<>();
            int assigned = 0;
            double total = 0;
            for (int i = 0; i < rows; i++) {
                if (result[i] < 0) continue;
                assertTrue(usedCols.add(result[i]), "column used twice");
                assigned++;
                total += cost[i][result[i]];
            }
            assertEquals(Math.min(rows, cols), assigned, "every row (or column) must be assigned");
            assertEquals(bruteForce(cost), total, 1e-9, "trial " + trial + " " + rows + "x" + cols);
        }
    }

    @Test
    void knownSmallCase() {
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        assertArrayEquals(new int[] {1, 0, 2}, Hungarian.minCostAssignment(cost));
        double[][] tall = {{1}, {0}, {5}};
        assertArrayEquals(new int[] {-1, 0, -1}, Hungarian.minCostAssignment(tall));
        assertArrayEquals(new int[0], Hungarian.minCostAssignment(new double[0][0]));
    }

    @Test
    void rejectsRaggedOrNonFinite() {
        assertThrows(IllegalArgumentException.class, () -> Hungarian.minCostAssignment(new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> Hungarian.minCostAssignment(new double[][] {{Double.NaN}}));
    }

    /** Minimum over all injective maps of the smaller side into the larger one. */
    private static double bruteForce(double[][] cost) {
        int rows = cost.length, cols = cost[0].length;
        boolean transpose = rows > cols;
        int n = transpose ? cols : rows, m = transpose ? rows : cols;
        return search(cost, transpose, 0, n, m, new boolean[m]);
    }

    private static double search(double[][] cost, boolean transpose, int i, int n, int m, boolean[] used) {
        if (i == n) return 0;
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            if (used[j]) continue;
            used[j] = true;
            double c = transpose ? cost[j][i] : cost[i][j];
            best = Math.min(best, c + search(cost, transpose, i + 1, n, m, used));
            used[j] = false;
        }
        return best;
    }
}
