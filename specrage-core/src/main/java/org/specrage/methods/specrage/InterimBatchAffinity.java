package org.specrage.methods.specrage;

import java.util.Arrays;
import org.specrage.linalg.Blas;

/**
 * TEMPORARY stand-in for methods.common.BatchAffinity (being written for SpectralNet): deleted once
 * that lands. kNN (other points of the batch) Gaussian affinity with the batch-median scale,
 * symmetrised as (A + A^T) / 2.
 */
final class InterimBatchAffinity {
    private final int neighbors;
    private final int scaleK;

    InterimBatchAffinity(int neighbors, int scaleK) {
        this.neighbors = neighbors;
        this.scaleK = scaleK;
    }

    void compute(float[] points, int m, int d, float[] w) {
        Arrays.fill(w, 0, m * m, 0f);
        if (m == 1) return;
        int k = Math.min(neighbors, m - 1);
        int sk = Math.min(scaleK, k);
        float[] norms = new float[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int c = 0; c < d; c++) s += (double) points[i * d + c] * points[i * d + c];
            norms[i] = (float) s;
        }
        float[] prod = new float[m * m];
        Blas.sgemm(false, true, m, m, d, -2f, points, 0, d, points, 0, d, 0f, prod, 0, m);
        int[] nearest = new int[m * k];
        float[] nd2 = new float[m * k];
        long[] keys = new long[m - 1];
        for (int i = 0; i < m; i++) {
            int c = 0;
            for (int j = 0; j < m; j++) {
                if (j == i) continue;
                float d2 = Math.max(0f, norms[i] + norms[j] + prod[i * m + j]);
                keys[c++] = ((long) Float.floatToIntBits(d2) << 32) | j; // non-negative floats order as their bits
            }
            Arrays.sort(keys);
            for (int t = 0; t < k; t++) {
                nearest[i * k + t] = (int) keys[t];
                nd2[i * k + t] = Float.intBitsToFloat((int) (keys[t] >>> 32));
            }
        }
        double[] scale = new double[m];
        for (int i = 0; i < m; i++) scale[i] = Math.sqrt(nd2[i * k + sk - 1]);
        Arrays.sort(scale);
        double sigma = m % 2 == 1 ? scale[m / 2] : 0.5 * (scale[m / 2 - 1] + scale[m / 2]);
        if (!(sigma > 0)) sigma = 1;
        double inv = 1 / (sigma * sigma);
        for (int i = 0; i < m; i++) {
            for (int t = 0; t < k; t++) {
                int j = nearest[i * k + t];
                float half = (float) (0.5 * Math.exp(-nd2[i * k + t] * inv));
                w[i * m + j] += half;
                w[j * m + i] += half;
            }
        }
    }
}
