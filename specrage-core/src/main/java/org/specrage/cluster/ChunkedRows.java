package org.specrage.cluster;

/**
 * A copy of the data cut into fixed row chunks, each stored feature by feature (one array per
 * feature). Distances from a whole chunk to a few centres then run as long unit-stride loops over
 * separate arrays, which the JIT vectorises. Each distance is summed over features in order
 * 0..d-1, so the value for a row does not depend on its chunk.
 */
final class ChunkedRows {
    final int n;
    final int d;
    final int chunks;
    /** Centres per pass over a chunk in {@link #distances}: their outputs (32 x 8 kB) fit a core's L2 cache. */
    static final int CENTRE_BLOCK = 32;

    private final double[][][] columns;

    ChunkedRows(double[] x, int n, int d) {
        this.n = n;
        this.d = d;
        this.chunks = Chunks.count(n);
        columns = new double[chunks][][];
        for (int c = 0; c < chunks; c++) {
            int start = Chunks.start(c), len = Chunks.end(c, n) - start;
            double[][] col = new double[d][len];
            for (int i = 0; i < len; i++) {
                for (int t = 0; t < d; t++) col[t][i] = x[(start + i) * d + t];
            }
            columns[c] = col;
        }
    }

    int length(int chunk) {
        return Chunks.end(chunk, n) - Chunks.start(chunk);
    }

    /** Per-chunk work space for k centres, reused across calls by one thread at a time. */
    static final class Scratch {
        final double[][] dist;
        final double[] best;
        final int[] bestIndex;

        Scratch(int k, int n) {
            int len = Math.min(n, Chunks.ROWS);
            dist = new double[k][len];
            best = new double[len];
            bestIndex = new int[len];
        }
    }

    /**
     * Squared distances from every row of the chunk to centres 0..k-1 (row-major k x d):
     * out[j][i] for row i of the chunk.
     */
    void distances(int chunk, double[] centres, int k, double[][] out) {
        double[][] col = columns[chunk];
        int len = length(chunk);
        // feature by feature, all centres of a block for each: one feature's column (8 kB) stays in
        // cache while every centre reads it, where centre by centre the whole chunk (len x d) would be
        // streamed k times. Blocks of CENTRE_BLOCK centres keep their outputs (8 kB each) in cache too:
        // with all k at once, a large k (k-means with k near n) streams k x 8 kB from memory per
        // feature. Each distance still sums its features in order 0..d-1, whatever the blocking.
        for (int from = 0; from < k; from += CENTRE_BLOCK) {
            int to = Math.min(k, from + CENTRE_BLOCK);
            double[] first = col[0];
            for (int j = from; j < to; j++) {
                double[] o = out[j];
                double c0 = centres[j * d];
                for (int i = 0; i < len; i++) {
                    double e = first[i] - c0;
                    o[i] = e * e;
                }
            }
            for (int t = 1; t < d; t++) {
                double[] feature = col[t];
                for (int j = from; j < to; j++) {
                    double[] o = out[j];
                    double ct = centres[j * d + t];
                    for (int i = 0; i < len; i++) {
                        double e = feature[i] - ct;
                        o[i] += e * e;
                    }
                }
            }
        }
    }

    /**
     * Nearest centre (lowest index on ties) of every row of the chunk into labels[start + i] and
     * its squared distance into dist[start + i] (dist may be null).
     */
    void nearest(int chunk, double[] centres, int k, Scratch work, int[] labels, double[] dist) {
        double[][] scratch = work.dist;
        double[] best = work.best;
        int[] bestIndex = work.bestIndex;
        distances(chunk, centres, k, scratch);
        int len = length(chunk), start = Chunks.start(chunk);
        System.arraycopy(scratch[0], 0, best, 0, len);
        java.util.Arrays.fill(bestIndex, 0, len, 0);
        for (int j = 1; j < k; j++) {
            double[] dj = scratch[j];
            for (int i = 0; i < len; i++) {
                // Branch-free: which centre wins is unpredictable. v < best exactly when v - best
                // is negative (a difference of doubles is zero only when they are equal).
                double v = dj[i];
                int closer = (int) (Double.doubleToRawLongBits(v - best[i]) >>> 63);
                bestIndex[i] += closer * (j - bestIndex[i]);
                best[i] = Math.min(v, best[i]);
            }
        }
        System.arraycopy(bestIndex, 0, labels, start, len);
        if (dist != null) System.arraycopy(best, 0, dist, start, len);
    }
}
