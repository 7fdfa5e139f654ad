package org.specrage.methods.specrage;

import org.specrage.linalg.Blas;
import org.specrage.linalg.FMatrix;

/**
 * The out-of-sample side of {@link ViewConsistency}: per view, the centroids of the clusters it
 * judged (the marked ones and the final supported ones). A row whose nearest centroid in a view is a
 * marked one has a view that no other view supports, and the model does not trust that view for the
 * row; nor for a row that is all zeros in the view (a missing view). Views where nothing was marked
 * have no gate.
 */
final class ViewGate {
    /** Rows per distance block. */
    private static final int CHUNK = 4096;
    /** Per view, the centroids (null: no gate), and which of them are marked. */
    private final FMatrix[] centroids;
    private final boolean[][] marked;
    /** Per view, whether rows are scaled to unit length before the distances (cosine views). */
    private final boolean[] unitRows;
    /**
     * Per view, the centroids' mean, taken off rows and centroids before the float distances: features far
     * from the origin would otherwise lose the difference |c|^2 - 2 x.c to cancellation.
     */
    private final float[][] origins;
    private final FMatrix[] centred;

    ViewGate(FMatrix[] centroids, boolean[][] marked, boolean[] unitRows) {
        int views = centroids.length;
        if (marked.length != views || unitRows.length != views) throw new IllegalArgumentException("one entry per view needed");
        for (int v = 0; v < views; v++) {
            if ((centroids[v] == null) != (marked[v] == null)) throw new IllegalArgumentException("view " + v + ": centroids and marks must both be given or both null");
            if (centroids[v] != null && centroids[v].rows != marked[v].length) {
                throw new IllegalArgumentException("view " + v + ": " + centroids[v].rows + " centroids but " + marked[v].length + " marks");
            }
        }
        this.centroids = centroids.clone();
        this.marked = marked.clone();
        this.unitRows = unitRows.clone();
        this.origins = new float[views][];
        this.centred = new FMatrix[views];
        for (int v = 0; v < views; v++) {
            FMatrix c = centroids[v];
            if (c == null) continue;
            int d = c.cols;
            double[] mean = new double[d];
            for (int j = 0; j < c.rows; j++) for (int t = 0; t < d; t++) mean[t] += c.data[j * d + t] / (double) c.rows;
            origins[v] = new float[d];
            for (int t = 0; t < d; t++) origins[v][t] = (float) mean[t];
            centred[v] = new FMatrix(c.rows, d);
            for (int j = 0; j < c.rows; j++) for (int t = 0; t < d; t++) centred[v].data[j * d + t] = (float) (c.data[j * d + t] - mean[t]);
        }
    }

    int viewCount() {
        return centroids.length;
    }

    /** The centroids of view v (clusters x view columns), or null when the view has no gate. */
    FMatrix centroids(int v) {
        return centroids[v];
    }

    boolean[] marked(int v) {
        return marked[v];
    }

    boolean unitRows(int v) {
        return unitRows[v];
    }

    /** Per view (null for a view without gate) and row, whether the row's nearest centroid is a marked one. */
    boolean[][] distrusted(ViewInput[] x) {
        if (x.length != centroids.length) throw new IllegalArgumentException(x.length + " views for a gate of " + centroids.length);
        boolean[][] out = new boolean[x.length][];
        for (int v = 0; v < x.length; v++) if (centroids[v] != null) out[v] = distrusted(x[v], v);
        return out;
    }

    private boolean[] distrusted(ViewInput x, int v) {
        FMatrix c = centred[v];
        float[] origin = origins[v];
        int n = x.rows(), d = x.cols(), clusters = c.rows;
        if (d != c.cols) throw new IllegalArgumentException("view " + v + " has " + d + " columns, its gate " + c.cols);
        float[] centreNorms = new float[clusters];
        for (int j = 0; j < clusters; j++) {
            double s = 0;
            for (int t = 0; t < d; t++) s += (double) c.data[j * d + t] * c.data[j * d + t];
            centreNorms[j] = (float) s;
        }
        int chunk = (int) Math.max(1, Math.min(CHUNK, (1L << 24) / Math.max(1, d)));
        float[] rows = new float[chunk * d], dots = new float[chunk * clusters];
        int[] order = new int[chunk];
        boolean[] zero = new boolean[chunk];
        boolean[] out = new boolean[n];
        for (int from = 0; from < n; from += chunk) {
            int m = Math.min(chunk, n - from);
            for (int i = 0; i < m; i++) order[i] = from + i;
            x.gather(order, 0, m, rows);
            if (unitRows[v]) FMatrix.scaleRowsToUnit(rows, m, d);
            for (int i = 0; i < m; i++) zero[i] = isZero(rows, i, d);
            for (int i = 0; i < m; i++) for (int t = 0; t < d; t++) rows[i * d + t] -= origin[t];
            // |x - c|^2 = |x|^2 - 2 x.c + |c|^2; |x|^2 is the same for every centroid of a row
            Blas.sgemm(false, true, m, clusters, d, 1f, rows, 0, d, c.data, 0, d, 0f, dots, 0, clusters);
            for (int i = 0; i < m; i++) {
                if (zero[i]) {
                    out[from + i] = true;
                    continue;
                }
                int best = -1;
                float bestDistance = Float.POSITIVE_INFINITY;
                for (int j = 0; j < clusters; j++) {
                    float distance = centreNorms[j] - 2 * dots[i * clusters + j];
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = j;
                    }
                }
                out[from + i] = best >= 0 && marked[v][best];
            }
        }
        return out;
    }

    /** Whether row i of a row-major array of d columns is all zeros (a missing view). */
    static boolean isZero(float[] rows, int i, int d) {
        for (int t = 0; t < d; t++) if (rows[i * d + t] != 0) return false;
        return true;
    }
}
