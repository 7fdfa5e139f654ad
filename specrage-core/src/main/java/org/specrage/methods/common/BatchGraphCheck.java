package org.specrage.methods.common;

import org.specrage.graph.ConnectedComponents;
import org.specrage.linalg.CsrMatrix;

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
        int edges = 0;
        for (int i = 0; i < m * m; i++) if (w[i] != 0f) edges++;
        // both directions of every entry, so a one-sided entry still joins its rows
        int[] rows = new int[2 * edges], cols = new int[2 * edges];
        double[] ones = new double[2 * edges];
        int t = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (w[i * m + j] == 0f) continue;
                rows[t] = i; cols[t] = j; ones[t++] = 1;
                rows[t] = j; cols[t] = i; ones[t++] = 1;
            }
        }
        return ConnectedComponents.of(CsrMatrix.fromTriplets(m, m, rows, cols, ones, t)).count();
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
