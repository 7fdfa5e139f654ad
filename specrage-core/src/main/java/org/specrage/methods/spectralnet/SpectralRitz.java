package org.specrage.methods.spectralnet;

import org.specrage.linalg.Blas;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.BatchAffinity;
import org.specrage.methods.common.RitzProjection;
import org.specrage.methods.common.RowAffinity;
import org.specrage.methods.common.RowInput;
import org.specrage.nn.BatchSampler;

/**
 * Rayleigh-Ritz in SpectralNet's learned subspace. With p extra output columns the network finds the
 * bottom (d + p)-dimensional subspace; one pass over the training rows accumulates
 * Q = sum over batches of Y_b^T L_b Y_b with the training loss's own batch Laplacian, and its bottom-d
 * eigenvectors R keep the best d directions. Needed where eigenvalues d and d + 1 are close: the
 * network's d-th direction then often settles on a wrong eigenvector (sklearn digits: largest
 * principal-angle sine 0.39 to the exact bottom 10, 0.05 to the bottom 12).
 */
final class SpectralRitz {
    private SpectralRitz() {
    }

    /** R ((d + p) x d) for the orthonormalised training embedding (n x (d + p)), d = options.embeddingDim(). */
    static DMatrix bottom(FMatrix embedding, RowInput space, SpectralNetOptions options, double fixedSigma, long seed) {
        int n = embedding.rows, dp = embedding.cols;
        int m = Math.min(options.training().batchSize(), n);
        BatchSampler batches = new BatchSampler(n, m, true, seed);
        batches.shuffle();
        RowAffinity affinity = new RowAffinity(space, new BatchAffinity(options.neighbors(), options.scaleK(), options.scale(), fixedSigma), m);
        SpectralLoss loss = new SpectralLoss(options.normalizedLoss());
        float[] w = new float[m * m];
        float[] y = new float[m * dp];
        float[] ly = new float[m * dp];
        double[] laplacianTimesY = new double[m * dp];
        RitzProjection projection = new RitzProjection(dp);
        int[] order = batches.order();
        for (int b = 0; b < batches.batches(); b++) {
            int from = batches.batchStart(b);
            for (int i = 0; i < m; i++) System.arraycopy(embedding.data, order[from + i] * dp, y, i * dp, dp);
            affinity.compute(order, from, m, w);
            FMatrix laplacian = loss.laplacian(w, m);
            Blas.sgemm(false, false, m, dp, m, 1f, laplacian.data, 0, m, y, 0, dp, 0f, ly, 0, dp);
            for (int i = 0; i < m * dp; i++) laplacianTimesY[i] = ly[i];
            projection.add(y, laplacianTimesY, m);
        }
        return projection.bottom(options.embeddingDim());
    }
}
