package org.specrage.graph;

import java.util.Arrays;

/**
 * For every row, the k best (smallest) candidates seen so far, kept sorted by (distance, index).
 * Insertion is O(k) but rare once the lists fill up, since most candidates fail the first check
 * against the current worst entry.
 */
final class NeighborHeaps {
    final int n;
    final int k;
    final float[] dist;
    final int[] index;

    NeighborHeaps(int n, int k) {
        this.n = n;
        this.k = k;
        this.dist = new float[n * k];
        this.index = new int[n * k];
        Arrays.fill(dist, Float.POSITIVE_INFINITY);
        Arrays.fill(index, Integer.MAX_VALUE);
    }

    /** The distance a candidate for row i must beat (or tie with a lower index). */
    float worst(int row) {
        return dist[row * k + k - 1];
    }

    void offer(int row, float d, int candidate) {
        int base = row * k;
        int last = base + k - 1;
        if (d > dist[last] || (d == dist[last] && candidate >= index[last])) return;
        int pos = last;
        while (pos > base && (dist[pos - 1] > d || (dist[pos - 1] == d && index[pos - 1] > candidate))) {
            dist[pos] = dist[pos - 1];
            index[pos] = index[pos - 1];
            pos--;
        }
        dist[pos] = d;
        index[pos] = candidate;
    }
}
