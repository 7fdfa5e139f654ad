package org.specrage.graph;

import org.specrage.linalg.Blas;
import org.specrage.linalg.FMatrix;
import org.specrage.util.Parallel;
import org.specrage.util.Progress;

/**
 * Exact K-nearest-neighbour search by blocked GEMM: squared distances of a block of rows against a
 * block of columns come from ||a||^2 + ||b||^2 - 2 a.b, with the products from one sgemm call.
 * Distances are symmetric, so only blocks on or above the diagonal are computed and each one feeds
 * the candidate lists of both its rows and its columns. Memory is O(block^2 + n k), never n x n.
 * The float32 distances only rank candidates; the final distances of the chosen neighbours are
 * recomputed in double, which removes the cancellation error of the expansion.
 */
public final class KnnSearch {
    /** Rows per block: 2048^2 floats is 16 MB, and sgemm runs near its peak at this size. */
    static final int DEFAULT_BLOCK = 2048;

    private KnnSearch() {
    }

    public static KnnGraph exact(FMatrix x, int k, Metric metric, Progress progress) {
        return exact(x, k, metric, DEFAULT_BLOCK, progress);
    }

    static KnnGraph exact(FMatrix x, int k, Metric metric, int block, Progress progress) {
        int n = x.rows;
        if (k < 1) throw new IllegalArgumentException("number of neighbours must be at least 1, got " + k);
        if (k >= n) {
            throw new IllegalArgumentException("number of neighbours (" + k + ") must be smaller than the number of points (" + n + ")");
        }
        FMatrix points = metric == Metric.COSINE ? x.unitRows() : x;
        float[] squaredNorms = squaredNorms(points);
        NeighborHeaps heaps = new NeighborHeaps(n, k);
        int blocks = (n + block - 1) / block;
        int b = Math.min(block, n);
        float[] products = new float[b * b];
        progress.start("kNN search", (long) blocks * (blocks + 1) / 2);
        for (int bi = 0; bi < blocks; bi++) {
            int rowStart = bi * block;
            int rowCount = Math.min(block, n - rowStart);
            for (int bj = bi; bj < blocks; bj++) {
                int colStart = bj * block;
                int colCount = Math.min(block, n - colStart);
                Blas.sgemm(false, true, rowCount, colCount, points.cols, 1f,
                        points.data, rowStart * points.cols, points.cols,
                        points.data, colStart * points.cols, points.cols,
                        0f, products, 0, colCount);
                offerToRows(heaps, products, squaredNorms, rowStart, rowCount, colStart, colCount);
                if (bj != bi) offerToColumns(heaps, products, squaredNorms, rowStart, rowCount, colStart, colCount);
                progress.advance(1);
            }
        }
        progress.done();
        return finish(points, heaps, metric);
    }

    /** Candidates (row, column) for every row of the block. Rows are split over threads. */
    private static void offerToRows(NeighborHeaps heaps, float[] products, float[] norms,
                                    int rowStart, int rowCount, int colStart, int colCount) {
        int chunks = chunkCount(rowCount);
        Parallel.forEach(chunks, c -> {
            int from = (int) ((long) rowCount * c / chunks);
            int to = (int) ((long) rowCount * (c + 1) / chunks);
            for (int i = from; i < to; i++) {
                int row = rowStart + i;
                float rowNorm = norms[row];
                float worst = heaps.worst(row);
                int base = i * colCount;
                for (int j = 0; j < colCount; j++) {
                    int col = colStart + j;
                    float d = rowNorm + norms[col] - 2f * products[base + j];
                    if (d <= worst && col != row) {
                        heaps.offer(row, d, col);
                        worst = heaps.worst(row);
                    }
                }
            }
        });
    }

    /** The same candidates seen from the columns' side. Columns are split over threads. */
    private static void offerToColumns(NeighborHeaps heaps, float[] products, float[] norms,
                                       int rowStart, int rowCount, int colStart, int colCount) {
        int chunks = chunkCount(colCount);
        Parallel.forEach(chunks, c -> {
            int from = (int) ((long) colCount * c / chunks);
            int to = (int) ((long) colCount * (c + 1) / chunks);
            float[] worst = new float[to - from];
            for (int j = from; j < to; j++) worst[j - from] = heaps.worst(colStart + j);
            for (int i = 0; i < rowCount; i++) {
                int row = rowStart + i;
                float rowNorm = norms[row];
                int base = i * colCount;
                for (int j = from; j < to; j++) {
                    int col = colStart + j;
                    float d = rowNorm + norms[col] - 2f * products[base + j];
                    if (d <= worst[j - from]) {
                        heaps.offer(col, d, row);
                        worst[j - from] = heaps.worst(col);
                    }
                }
            }
        });
    }

    private static int chunkCount(int count) {
        return Math.max(1, Math.min(count, Parallel.threads() * 4));
    }

    /** Exact double distances for the chosen neighbours, re-sorted by (distance, index). */
    private static KnnGraph finish(FMatrix points, NeighborHeaps heaps, Metric metric) {
        int n = heaps.n;
        int k = heaps.k;
        int[] indices = new int[n * k];
        double[] distances = new double[n * k];
        int chunks = chunkCount(n);
        Parallel.forEach(chunks, c -> {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            for (int i = from; i < to; i++) {
                int base = i * k;
                for (int j = 0; j < k; j++) {
                    int other = heaps.index[base + j];
                    indices[base + j] = other;
                    double squared = squaredDistance(points, i, other);
                    distances[base + j] = metric == Metric.COSINE ? cosineDistance(points, i, other, squared) : Math.sqrt(squared);
                }
                sortRow(indices, distances, base, k);
            }
        });
        return new KnnGraph(n, k, metric, indices, distances);
    }

    private static double squaredDistance(FMatrix x, int a, int b) {
        int d = x.cols;
        int oa = a * d;
        int ob = b * d;
        double s = 0;
        for (int c = 0; c < d; c++) {
            double diff = (double) x.data[oa + c] - x.data[ob + c];
            s += diff * diff;
        }
        return s;
    }

    /** On unit rows ||a - b||^2 = 2 - 2 cos; a zero row is at distance 1 from everything. */
    private static double cosineDistance(FMatrix unit, int a, int b, double squared) {
        if (isZeroRow(unit, a) || isZeroRow(unit, b)) return 1.0;
        return Math.max(0.0, Math.min(2.0, squared / 2.0));
    }

    private static boolean isZeroRow(FMatrix x, int row) {
        for (int c = 0, o = row * x.cols; c < x.cols; c++) {
            if (x.data[o + c] != 0f) return false;
        }
        return true;
    }

    /** Insertion sort of one row's neighbours by (distance, index). */
    static void sortRow(int[] idx, double[] dist, int base, int k) {
        for (int i = base + 1; i < base + k; i++) {
            int ci = idx[i];
            double di = dist[i];
            int j = i - 1;
            while (j >= base && (dist[j] > di || (dist[j] == di && idx[j] > ci))) {
                idx[j + 1] = idx[j];
                dist[j + 1] = dist[j];
                j--;
            }
            idx[j + 1] = ci;
            dist[j + 1] = di;
        }
    }

    static float[] squaredNorms(FMatrix x) {
        float[] norms = new float[x.rows];
        for (int r = 0; r < x.rows; r++) {
            double s = 0;
            for (int c = 0, o = r * x.cols; c < x.cols; c++) s += (double) x.data[o + c] * x.data[o + c];
            norms[r] = (float) s;
        }
        return norms;
    }

}
