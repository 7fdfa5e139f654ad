package org.specrage.methods.common;

import org.specrage.eigen.DenseSymmetricEigen;
import org.specrage.linalg.DMatrix;

/**
 * Rayleigh-Ritz in a learned subspace: accumulates the projected form Q = sum over batches of
 * Y_b^T (L_b Y_b), (k + p) x (k + p), and returns the bottom-k eigenvectors R of its symmetric part,
 * which rotate the embedding onto the best k directions it holds. The methods supply the rows of Y
 * and of L Y for their own batch Laplacians.
 */
public final class RitzProjection {
    private final int columns;
    private final double[] q;

    public RitzProjection(int columns) {
        this.columns = columns;
        this.q = new double[columns * columns];
    }

    /** Adds Y^T X for the first m rows of y and x (row-major, m x columns each), X = L Y for the batch. */
    public void add(float[] y, double[] x, int m) {
        int d = columns;
        for (int i = 0; i < m; i++) {
            for (int a = 0; a < d; a++) {
                double ya = y[i * d + a];
                for (int c = 0; c < d; c++) q[a * d + c] += ya * x[i * d + c];
            }
        }
    }

    /** R (columns x k), columns ordered by increasing Ritz value. */
    public DMatrix bottom(int k) {
        int d = columns;
        DMatrix projected = new DMatrix(d, d);
        for (int a = 0; a < d; a++) for (int c = 0; c < d; c++) projected.data[a * d + c] = 0.5 * (q[a * d + c] + q[c * d + a]);
        return DenseSymmetricEigen.smallest(projected, k).vectors();
    }
}
