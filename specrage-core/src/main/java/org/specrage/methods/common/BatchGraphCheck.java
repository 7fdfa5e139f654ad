package org.specrage.methods.common;

/**
 * Connected components of one batch's dense affinity. A kNN batch graph with more components than
 * clusters has more zero Laplacian eigenvalues than the embedding has columns to spend, so the
 * embedding follows the fragments instead of the clusters (small per-batch K on a view with many
 * identical rows does this: each row's neighbours are all copies of itself).
 */
public final class BatchGraphCheck {
    private BatchGraphCheck() {
    }

    /** Components of the graph with an edge wherever w[i*m + j] or w[j*m + i] is non-zero. */
    public static int components(float[] w, int m) {
        int[] parent = new int[m];
        for (int i = 0; i < m; i++) parent[i] = i;
        int count = m;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                if (w[i * m + j] == 0f && w[j * m + i] == 0f) continue;
                int a = root(parent, i), b = root(parent, j);
                if (a != b) {
                    parent[a] = b;
                    count--;
                }
            }
        }
        return count;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The warning for a view whose batch graph has more components than clusters, or null. */
    public static String fragmentationWarning(String view, float[] w, int m, int neighbors, int clusters) {
        int c = components(w, m);
        if (c <= clusters) return null;
        return String.format(java.util.Locale.ROOT,
                "%s: the %d-nearest-neighbour graph of a batch of %d rows has %d connected components, more than the %d clusters;"
                        + " the embedding will follow the fragments. Use more neighbours, or batch_neighbors=false if the view has many identical rows",
                view, neighbors, m, c, clusters);
    }
}
