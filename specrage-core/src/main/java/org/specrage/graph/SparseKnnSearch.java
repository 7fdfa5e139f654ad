package org.specrage.graph;

import org.specrage.linalg.CsrMatrix;
import org.specrage.util.Parallel;
import org.specrage.util.Progress;

/**
 * Exact K-nearest-neighbour search on sparse rows (bag-of-words views), without writing them out
 * densely. The rows are also indexed by column; a row's products with every other row then come
 * from walking the columns it uses, which costs the sum over its columns of the rows sharing
 * them. Squared distances follow from ||a||^2 + ||b||^2 - 2 a.b in double, and the chosen
 * neighbours' distances are recomputed exactly by merging the two rows. Every row is searched on
 * its own with sums in a fixed order, so the graph does not depend on the thread count. Memory is
 * the column index (nnz) plus one length-n accumulator per parallel chunk, never n x n.
 */
public final class SparseKnnSearch {
    /** Rows per progress step. */
    private static final int BLOCK = 1024;

    private SparseKnnSearch() {
    }

    public static KnnGraph exact(CsrMatrix x, int k, Metric metric, Progress progress) {
        int n = x.rows;
        if (k < 1) throw new IllegalArgumentException("number of neighbours must be at least 1, got " + k);
        if (k >= n) {
            throw new IllegalArgumentException("number of neighbours (" + k + ") must be smaller than the number of points (" + n + ")");
        }
        CsrMatrix points = metric == Metric.COSINE ? unitRows(x) : x;
        CsrMatrix byColumn = points.transpose();
        double[] norms = new double[n];
        for (int r = 0; r < n; r++) norms[r] = squaredNorm(points, r);
        int[] indices = new int[n * k];
        double[] distances = new double[n * k];
        int blocks = (n + BLOCK - 1) / BLOCK;
        progress.start("kNN search", blocks);
        for (int b = 0; b < blocks; b++) {
            int blockStart = b * BLOCK, blockEnd = Math.min(n, blockStart + BLOCK);
            int rowsInBlock = blockEnd - blockStart;
            int chunks = Math.max(1, Math.min(rowsInBlock, 4 * Parallel.threads()));
            Parallel.forEach(chunks, c -> {
                int from = blockStart + (int) ((long) rowsInBlock * c / chunks);
                int to = blockStart + (int) ((long) rowsInBlock * (c + 1) / chunks);
                double[] products = new double[n];
                for (int i = from; i < to; i++) {
                    nearest(points, byColumn, norms, i, k, products, indices, distances);
                    for (int t = i * k; t < (i + 1) * k; t++) {
                        double squared = exactSquaredDistance(points, i, indices[t]);
                        distances[t] = metric == Metric.COSINE ? cosineDistance(norms, i, indices[t], squared) : Math.sqrt(squared);
                    }
                    KnnSearch.sortRow(indices, distances, i * k, k);
                }
            });
            progress.advance(1);
        }
        progress.done();
        return new KnnGraph(n, k, metric, indices, distances);
    }

    /** The k rows nearest to row i by the expanded squared distance, into indices/distances[i k ..). */
    private static void nearest(CsrMatrix x, CsrMatrix byColumn, double[] norms, int i, int k,
                                double[] products, int[] indices, double[] distances) {
        for (int p = x.rowStart[i]; p < x.rowStart[i + 1]; p++) {
            int col = x.colIndex[p];
            double value = x.values[p];
            for (int q = byColumn.rowStart[col]; q < byColumn.rowStart[col + 1]; q++) products[byColumn.colIndex[q]] += value * byColumn.values[q];
        }
        int base = i * k, count = 0;
        double normI = norms[i];
        for (int j = 0; j < norms.length; j++) {
            double d2 = Math.max(0, normI + norms[j] - 2 * products[j]);
            products[j] = 0;
            if (j == i || (count == k && d2 >= distances[base + k - 1])) continue;
            int slot = count < k ? count++ : k - 1;
            while (slot > 0 && distances[base + slot - 1] > d2) {
                distances[base + slot] = distances[base + slot - 1];
                indices[base + slot] = indices[base + slot - 1];
                slot--;
            }
            distances[base + slot] = d2;
            indices[base + slot] = j;
        }
    }

    private static double squaredNorm(CsrMatrix x, int r) {
        double s = 0;
        for (int p = x.rowStart[r]; p < x.rowStart[r + 1]; p++) s += x.values[p] * x.values[p];
        return s;
    }

    /** ||a - b||^2 by merging the two rows' sorted columns. */
    private static double exactSquaredDistance(CsrMatrix x, int a, int b) {
        int p = x.rowStart[a], pEnd = x.rowStart[a + 1], q = x.rowStart[b], qEnd = x.rowStart[b + 1];
        double s = 0;
        while (p < pEnd || q < qEnd) {
            int ca = p < pEnd ? x.colIndex[p] : Integer.MAX_VALUE;
            int cb = q < qEnd ? x.colIndex[q] : Integer.MAX_VALUE;
            double diff;
            if (ca == cb) diff = x.values[p++] - x.values[q++];
            else if (ca < cb) diff = x.values[p++];
            else diff = -x.values[q++];
            s += diff * diff;
        }
        return s;
    }

    /** As for dense rows: 1 - cos from unit rows (squared norms 1, or 0 for a zero row, which is at distance 1 from everything). */
    private static double cosineDistance(double[] squaredNorms, int a, int b, double squared) {
        if (squaredNorms[a] == 0 || squaredNorms[b] == 0) return 1.0;
        return Math.max(0.0, Math.min(2.0, squared / 2.0));
    }

    /** Rows scaled to unit length (a zero row stays zero). */
    private static CsrMatrix unitRows(CsrMatrix x) {
        double[] values = new double[x.nnz()];
        for (int r = 0; r < x.rows; r++) {
            double s = squaredNorm(x, r);
            double inverse = s > 0 ? 1 / Math.sqrt(s) : 0;
            for (int p = x.rowStart[r]; p < x.rowStart[r + 1]; p++) values[p] = x.values[p] * inverse;
        }
        return new CsrMatrix(x.rows, x.cols, x.rowStart, x.colIndex, values);
    }
}
