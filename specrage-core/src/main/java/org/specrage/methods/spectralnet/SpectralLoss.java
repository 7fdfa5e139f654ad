package org.specrage.methods.spectralnet;

import org.specrage.linalg.FMatrix;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * SpectralNet's loss on one batch, (1/m^2) sum_ij W_ij |y_i - y_j|^2 = (2/m^2) tr(Y^T L Y) with
 * L = D - W; the normalised form uses y_i / sqrt(d_i), i.e. L_sym = I - D^-1/2 W D^-1/2 (rows of
 * points without affinity are left out). L is built into a buffer reused across steps.
 */
final class SpectralLoss {
    private final boolean normalized;
    private FMatrix laplacian;
    private float[] degrees;

    SpectralLoss(boolean normalized) {
        this.normalized = normalized;
    }

    /** The loss of Y (m x k, on the tape) for the batch affinity w (m*m). */
    Tensor loss(Tape tape, Tensor y, float[] w) {
        int m = y.rows;
        Tensor l = tape.input(laplacian(w, m));
        return y.mul(l.matmul(y)).sum().mul(2f / ((float) m * m));
    }

    /** The batch Laplacian (L or L_sym) of the affinity w, in a buffer reused by the next call. */
    FMatrix laplacian(float[] w, int m) {
        if (laplacian == null || laplacian.rows != m) {
            laplacian = new FMatrix(m, m);
            degrees = new float[m];
        }
        fillLaplacian(w, m);
        return laplacian;
    }

    private void fillLaplacian(float[] w, int m) {
        float[] lap = laplacian.data;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) s += w[i * m + j];
            degrees[i] = (float) s;
        }
        for (int i = 0; i < m; i++) {
            int row = i * m;
            if (!normalized) {
                for (int j = 0; j < m; j++) lap[row + j] = -w[row + j];
                lap[row + i] += degrees[i];
            } else {
                float di = degrees[i];
                for (int j = 0; j < m; j++) {
                    float dj = degrees[j];
                    lap[row + j] = di > 0 && dj > 0 ? (float) (-w[row + j] / Math.sqrt((double) di * dj)) : 0f;
                }
                lap[row + i] += di > 0 ? 1f : 0f;
            }
        }
    }
}
