package org.specrage.methods.common;

import java.util.Arrays;
import org.specrage.graph.Affinity;
import org.specrage.graph.KnnSearch;
import org.specrage.graph.Metric;
import org.specrage.graph.SparseKnnSearch;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.Blas;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.SparseRows;
import org.specrage.util.Parallel;
import org.specrage.util.Progress;

/**
 * The Gaussian kNN affinity of one batch of m points, as a dense m x m array (m is the batch size,
 * never n): each point keeps its K nearest other points of the batch, W_ij = exp(-d_ij^2 / sigma^2)
 * (global scale) or exp(-d_ij^2 / (sigma_i sigma_j)) (local scale) on those pairs, then
 * W = (A + A^T) / 2. Batches smaller than K + 1 use all their other points; a single point has no
 * affinity. Buffers are reused across calls of the same batch size.
 */
public final class BatchAffinity {
    private final int neighbors;
    private final int scaleK;
    private final BatchScale scale;
    private final double fixedSigma;
    private int capacity = -1;
    private float[] norms;
    private int[] nearest;
    private float[] nearestD2;
    private float[] sigma;
    private float[] sorted;

    /**
     * The {@link BatchScale#FIXED} bandwidth from a whole training set: the median over its rows of the
     * distance to their scaleK-th exact neighbour.
     */
    public static double datasetScale(FMatrix space, int scaleK) {
        requireFewerThanRows(scaleK, space.rows);
        return Affinity.globalScale(KnnSearch.exact(space, scaleK, Metric.EUCLIDEAN, Progress.NONE), scaleK);
    }

    /** The same bandwidth from sparse rows, searched without writing them out densely. */
    public static double datasetScale(CsrMatrix space, int scaleK) {
        requireFewerThanRows(scaleK, space.rows);
        return Affinity.globalScale(SparseKnnSearch.exact(space, scaleK, Metric.EUCLIDEAN, Progress.NONE), scaleK);
    }

    private static void requireFewerThanRows(int scaleK, int rows) {
        if (scaleK >= rows) throw new IllegalArgumentException("scale-k (" + scaleK + ") must be smaller than the number of rows (" + rows + ")");
    }

    /**
     * @param neighbors  K, the neighbours kept per point
     * @param scaleK     rank (1-based) of the neighbour whose distance sets the scale; at most K
     * @param fixedSigma the bandwidth for {@link BatchScale#FIXED} (ignored otherwise)
     */
    public BatchAffinity(int neighbors, int scaleK, BatchScale scale, double fixedSigma) {
        if (neighbors < 1) throw new IllegalArgumentException("neighbors must be at least 1, got " + neighbors);
        if (scaleK < 1 || scaleK > neighbors) {
            throw new IllegalArgumentException("scale-k must be between 1 and neighbors (" + neighbors + "), got " + scaleK);
        }
        if (scale == BatchScale.FIXED && !(fixedSigma > 0 && Double.isFinite(fixedSigma))) {
            throw new IllegalArgumentException("a fixed scale needs a positive finite sigma, got " + fixedSigma);
        }
        this.neighbors = neighbors;
        this.scaleK = scaleK;
        this.scale = scale;
        this.fixedSigma = fixedSigma;
    }

    /** The neighbours each point keeps in a batch of m rows: K, or all m - 1 others in a smaller batch. */
    public int neighborsIn(int m) {
        return Math.min(neighbors, m - 1);
    }

    /**
     * Fills {@code w[0 .. m*m)} with the affinity of the m points stored row-major in
     * {@code points[0 .. m*d)}.
     */
    public void compute(float[] points, int m, int d, float[] w) {
        if (m < 1) throw new IllegalArgumentException("empty batch");
        if (points.length < (long) m * d || w.length < (long) m * m) throw new IllegalArgumentException("arrays too small for a batch of " + m);
        if (m == 1) {
            w[0] = 0f;
            return;
        }
        ensureCapacity(m, neighborsIn(m));
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int c = 0, o = i * d; c < d; c++) s += (double) points[o + c] * points[o + c];
            norms[i] = (float) s;
        }
        // w temporarily holds the products -2 x_i.x_j; the squared distances follow from the norms
        Blas.sgemm(false, true, m, m, d, -2f, points, 0, d, points, 0, d, 0f, w, 0, m);
        fromProducts(m, w);
    }

    /**
     * The same affinity for a batch of sparse rows: the products come from the rows' non-zeros, so a
     * wide bag-of-words batch is never written out densely.
     */
    public void compute(SparseRows points, float[] w) {
        int m = points.rows();
        if (m < 1) throw new IllegalArgumentException("empty batch");
        if (w.length < (long) m * m) throw new IllegalArgumentException("array too small for a batch of " + m);
        if (m == 1) {
            w[0] = 0f;
            return;
        }
        ensureCapacity(m, neighborsIn(m));
        for (int i = 0; i < m; i++) norms[i] = (float) points.rowSquaredNorm(i);
        points.gram(-2f, w);
        fromProducts(m, w);
    }

    /** The affinity from the products -2 x_i.x_j in w (overwritten) and the squared norms. */
    private void fromProducts(int m, float[] w) {
        int k = neighborsIn(m);
        int sk = Math.min(scaleK, k);
        int chunks = Math.min(m, 4 * Parallel.threads());
        Parallel.forEach(chunks, c -> {
            int from = (int) ((long) m * c / chunks), to = (int) ((long) m * (c + 1) / chunks);
            for (int i = from; i < to; i++) selectNearest(w, m, k, i);
        });
        Arrays.fill(w, 0, m * m, 0f);
        for (int i = 0; i < m; i++) sigma[i] = (float) Math.sqrt(nearestD2[i * k + sk - 1]);
        double global = switch (scale) {
            case FIXED -> fixedSigma;
            case BATCH_MEDIAN -> positiveMedian(m);
            case LOCAL -> Double.NaN;
        };
        if (scale == BatchScale.LOCAL) {
            double fallback = positiveMedian(m);
            for (int i = 0; i < m; i++) if (!(sigma[i] > 0)) sigma[i] = (float) fallback;
        }
        double inverseGlobal = 1.0 / (global * global);
        for (int i = 0; i < m; i++) {
            for (int t = 0; t < k; t++) {
                int j = nearest[i * k + t];
                double d2 = nearestD2[i * k + t];
                double scaled = scale == BatchScale.LOCAL ? d2 / ((double) sigma[i] * sigma[j]) : d2 * inverseGlobal;
                float half = (float) (0.5 * Math.exp(-scaled));
                w[i * m + j] += half;
                w[j * m + i] += half;
            }
        }
    }

    /** The k nearest other points of row i, nearest first, ties to the lower index. */
    private void selectNearest(float[] products, int m, int k, int i) {
        int base = i * k;
        int count = 0;
        float normI = norms[i];
        for (int j = 0; j < m; j++) {
            if (j == i) continue;
            float d2 = Math.max(0f, normI + norms[j] + products[i * m + j]);
            if (count == k && d2 >= nearestD2[base + k - 1]) continue;
            int p = count < k ? count++ : k - 1;
            while (p > 0 && nearestD2[base + p - 1] > d2) {
                nearestD2[base + p] = nearestD2[base + p - 1];
                nearest[base + p] = nearest[base + p - 1];
                p--;
            }
            nearestD2[base + p] = d2;
            nearest[base + p] = j;
        }
    }

    /** Median of the positive scale distances; the smallest positive one, or 1, if there are too few. */
    private double positiveMedian(int m) {
        int count = 0;
        for (int i = 0; i < m; i++) if (sigma[i] > 0) sorted[count++] = sigma[i];
        if (count == 0) return 1.0;
        Arrays.sort(sorted, 0, count);
        return count % 2 == 1 ? sorted[count / 2] : 0.5 * (sorted[count / 2 - 1] + sorted[count / 2]);
    }

    private void ensureCapacity(int m, int k) {
        if (capacity >= m && nearest.length >= m * k) return;
        capacity = m;
        norms = new float[m];
        nearest = new int[m * k];
        nearestD2 = new float[m * k];
        sigma = new float[m];
        sorted = new float[m];
    }
}
