package org.specrage.metrics;

import java.util.Arrays;

/**
 * Minimum-cost assignment (Kuhn-Munkres with row and column potentials, shortest augmenting
 * paths; O(rows^2 cols)). Used to match predicted clusters to classes.
 */
public final class Hungarian {
    private Hungarian() {
    }

    /**
     * Assigns every row to a distinct column so that the summed cost is minimal.
     * Returns result[i] = the column of row i. With more rows than columns, only cols rows can be
     * assigned; the others get -1. Costs must be finite; the matrix must be rectangular.
     */
    public static int[] minCostAssignment(double[][] cost) {
        int rows = cost.length;
        if (rows == 0) return new int[0];
        int cols = cost[0].length;
        for (int i = 0; i < rows; i++) {
            if (cost[i].length != cols) {
                throw new IllegalArgumentException("cost matrix is ragged: row " + i + " has " + cost[i].length
                        + " entries, row 0 has " + cols);
            }
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(cost[i][j])) {
                    throw new IllegalArgumentException("cost[" + i + "][" + j + "] is not finite: " + cost[i][j]);
                }
            }
        }
        if (cols == 0) {
            int[] none = new int[rows];
            Arrays.fill(none, -1);
            return none;
        }
        if (rows <= cols) return solve(cost, rows, cols, false);
        // more rows than columns: solve the transpose, then invert the column -> row map
        int[] rowOfColumn = solve(cost, cols, rows, true);
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        for (int j = 0; j < cols; j++) result[rowOfColumn[j]] = j;
        return result;
    }

    /**
     * Core algorithm for n <= m; reads cost[i][j] or, when transposed, cost[j][i].
     * Arrays are 1-based as in the classic formulation: index 0 is the virtual start column.
     */
    private static int[] solve(double[][] cost, int n, int m, boolean transposed) {
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] rowOfCol = new int[m + 1]; // 0 = free
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            rowOfCol[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = rowOfCol[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= m; j++) {
                    if (used[j]) continue;
                    double c = transposed ? cost[j - 1][i0 - 1] : cost[i0 - 1][j - 1];
                    double reduced = c - u[i0] - v[j];
                    if (reduced < minv[j]) {
                        minv[j] = reduced;
                        way[j] = j0;
                    }
                    if (minv[j] < delta) {
                        delta = minv[j];
                        j1 = j;
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[rowOfCol[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOfCol[j0] != 0);
            // augment along the stored path
            do {
                int j1 = way[j0];
                rowOfCol[j0] = rowOfCol[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] result = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfCol[j] != 0) result[rowOfCol[j] - 1] = j - 1;
        }
        return result;
    }
}
