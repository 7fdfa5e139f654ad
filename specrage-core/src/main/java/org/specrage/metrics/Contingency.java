package org.specrage.metrics;

import java.util.Arrays;

/**
 * Sparse contingency table of two labelings: only the non-empty (class, cluster) cells are kept,
 * so all-distinct labelings cost O(n) memory, never classes x clusters.
 */
final class Contingency {
    final int n;
    final int classes;
    final int clusters;
    /** Non-empty cells, sorted by class then cluster. */
    final int[] cellClass;
    final int[] cellCluster;
    final long[] cellCount;
    final long[] classSize;
    final long[] clusterSize;

    Contingency(int[] truth, int[] pred) {
        if (truth == null || pred == null) throw new IllegalArgumentException("label arrays must not be null");
        if (truth.length != pred.length) {
            throw new IllegalArgumentException("label arrays differ in length: truth " + truth.length
                    + ", pred " + pred.length);
        }
        if (truth.length == 0) throw new IllegalArgumentException("label arrays are empty");
        n = truth.length;
        int[] t = compact(truth, "truth");
        int[] p = compact(pred, "pred");
        classes = max(t) + 1;
        clusters = max(p) + 1;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[i] = (long) t[i] * clusters + p[i];
        Arrays.sort(keys);
        int cells = 0;
        for (int i = 0; i < n; i++) if (i == 0 || keys[i] != keys[i - 1]) cells++;
        cellClass = new int[cells];
        cellCluster = new int[cells];
        cellCount = new long[cells];
        classSize = new long[classes];
        clusterSize = new long[clusters];
        int c = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                c++;
                cellClass[c] = (int) (keys[i] / clusters);
                cellCluster[c] = (int) (keys[i] % clusters);
            }
            cellCount[c]++;
        }
        for (int k = 0; k < cells; k++) {
            classSize[cellClass[k]] += cellCount[k];
            clusterSize[cellCluster[k]] += cellCount[k];
        }
    }

    int cells() {
        return cellCount.length;
    }

    /** Maps arbitrary non-negative labels to 0..distinct-1, keeping their order. */
    private static int[] compact(int[] labels, String name) {
        int[] sorted = labels.clone();
        Arrays.sort(sorted);
        if (sorted[0] < 0) throw new IllegalArgumentException(name + " labels must be non-negative, found " + sorted[0]);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) sorted[distinct++] = sorted[i];
        }
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) out[i] = Arrays.binarySearch(sorted, 0, distinct, labels[i]);
        return out;
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) m = Math.max(m, v);
        return m;
    }
}
