package org.specrage.methods.specrage;

import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.RitzProjection;
import org.specrage.methods.common.RowAffinity;
import org.specrage.nn.BatchSampler;

/**
 * Rayleigh-Ritz in the learned subspace. The network learns k + p output columns (p extra); a
 * gradient method finds the bottom-(k + p) subspace much more reliably than the bottom-k one,
 * whose last direction converges at the rate of the (often tiny) gap between eigenvalues k and k + 1
 * and can stay on a wrong eigenvector. After training, Q = sum over batches and views of
 * Y_b^T L~_v Y_b (the loss's own batch Laplacians, fusion weights included, (k + p) x (k + p)) is
 * accumulated over one pass of the training rows, and its bottom-k eigenvectors R rotate the
 * embedding: Y R spans the best k-dimensional part of what the network learned.
 */
final class RitzRotation {
    private RitzRotation() {
    }

    /**
     * @param embedding the orthonormalised training embedding (n x (k + p))
     * @param weights   the fusion weights of the training rows (n x V)
     * @param spaces    each view's rows in its affinity space
     * @param dropped   per view (null: none), the rows whose affinities in that view training dropped
     *                  ({@link ViewConsistency}); dropped here too, so that Q uses the training's graphs
     * @return R ((k + p) x k), columns ordered by increasing Ritz value
     */
    static DMatrix bottom(FMatrix embedding, FMatrix weights, ViewInput[] spaces, boolean[][] dropped, double[] fixedSigmas,
                          SpecRageOptions options, int k, long seed) {
        int n = embedding.rows, kp = embedding.cols, views = spaces.length;
        int m = Math.min(options.training().batchSize(), n);
        BatchSampler batches = new BatchSampler(n, m, true, seed);
        batches.shuffle();
        RowAffinity[] affinities = new RowAffinity[views];
        for (int v = 0; v < views; v++) affinities[v] = new RowAffinity(spaces[v].rowInput(), options.batchAffinity(m, n, fixedSigmas[v]), m);
        ViewInput embeddingRows = ViewInput.dense(embedding), weightRows = ViewInput.dense(weights);
        FMatrix y = new FMatrix(m, kp);
        FMatrix alpha = new FMatrix(m, views);
        float[] w = new float[m * m];
        double[] rowSums = new double[m];
        double[] z = new double[m * kp];
        double[] wz = new double[m * kp];
        double[] laplacianTimesY = new double[m * kp];
        double[] diagonal = new double[m];
        double[] scale = new double[m];
        RitzProjection projection = new RitzProjection(kp);
        AffinityNormalization.Laplacian form = options.normalization().laplacian();
        for (int b = 0; b < batches.batches(); b++) {
            int from = batches.batchStart(b);
            embeddingRows.gather(batches.order(), from, from + m, y.data);
            weightRows.gather(batches.order(), from, from + m, alpha.data);
            for (int v = 0; v < views; v++) {
                affinities[v].compute(batches.order(), from, m, w);
                if (dropped != null && dropped[v] != null) SpecRageTrainer.dropRows(dropped[v], batches.order(), from, m, w);
                options.normalization().apply(w, m, rowSums);
                for (int i = 0; i < m; i++) {
                    double a = alpha.data[i * views + v], s = 0;
                    for (int j = 0, o = i * m; j < m; j++) s += w[o + j] * (double) alpha.data[j * views + v];
                    scale[i] = form.rowScale(a, s);
                    diagonal[i] = form.diagonal(a, s);
                    for (int c = 0; c < kp; c++) z[i * kp + c] = scale[i] * y.data[i * kp + c];
                }
                java.util.Arrays.fill(wz, 0);
                for (int i = 0; i < m; i++) {
                    for (int j = 0, o = i * m; j < m; j++) {
                        double wij = w[o + j];
                        if (wij == 0) continue;
                        for (int c = 0; c < kp; c++) wz[i * kp + c] += wij * z[j * kp + c];
                    }
                }
                // the view's Laplacian times Y: diag(diagonal) Y - diag(scale) W Z, so Y^T (L Y) = Y^T diag Y - Z^T W Z
                for (int i = 0; i < m; i++) {
                    for (int c = 0; c < kp; c++) laplacianTimesY[i * kp + c] = diagonal[i] * y.data[i * kp + c] - scale[i] * wz[i * kp + c];
                }
                projection.add(y.data, laplacianTimesY, m);
            }
        }
        return projection.bottom(k);
    }
}
