package org.specrage.methods.spectralnet;

import org.specrage.eigen.DenseSymmetricEigen;
import org.specrage.eigen.EigenResult;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.BatchAffinity;
import org.specrage.methods.common.BatchScale;

/** Test helper: the exact bottom eigenvectors of the (whole-set) batch graph, by the dense solver. */
final class ExactSpectrum {
    private ExactSpectrum() {
    }

    /** Bottom k eigenpairs of L = D - W (or L_sym) for the affinity SpectralNet computes on all rows of x. */
    static EigenResult bottom(FMatrix x, int neighbors, int scaleK, int k, boolean normalized) {
        int n = x.rows;
        float[] w = new float[n * n];
        new BatchAffinity(neighbors, scaleK, BatchScale.LOCAL, 0).compute(x.data, n, x.cols, w);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) d[i] += w[i * n + j];
        DMatrix l = new DMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = normalized ? -w[i * n + j] / Math.sqrt(d[i] * d[j]) : -w[i * n + j];
                if (i == j) v += normalized ? 1 : d[i];
                l.data[i * n + j] = v;
            }
        }
        return DenseSymmetricEigen.smallest(l, k);
    }
}
