package org.specrage.methods.specnet2;

import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

/**
 * The training graph of SpecNet2 and its objective. With W the affinity, d its degrees and
 * vol = sum d, the deflated affinity is W~ = W - d d^T / vol, and for network outputs Z (n x k)
 * <pre>
 *   g(Z) = -(2 / vol) tr(Z^T W~ Z) + (1 / vol^2) |Z^T D Z|_F^2,
 *   dg/dZ = (4 / vol) (-W Z + d (d^T Z) / vol + D Z (Z^T D Z) / vol).
 * </pre>
 * This is the paper's f(Y) = -(2/n^2) tr(Y^T W~ Y) + (1/n^4) |Y^T D Y|^2 with Y = (n / sqrt(vol)) Z,
 * which keeps the network's outputs of order one; the minimum, -sum of the squared top k
 * eigenvalues of W v = lambda D v (the trivial one excluded), is unchanged.
 */
final class SpecNet2Graph {
    final int n;
    final CsrMatrix w;
    final double[] degrees;
    final double volume;

    SpecNet2Graph(CsrMatrix w) {
        if (w.rows != w.cols) throw new IllegalArgumentException("the affinity must be square, got " + w.rows + " x " + w.cols);
        this.n = w.rows;
        this.w = w;
        this.degrees = w.rowSums();
        double v = 0;
        for (int i = 0; i < n; i++) {
            double d = degrees[i];
            if (!(d >= 0) || !Double.isFinite(d)) throw new IllegalArgumentException("affinity row " + i + " has degree " + d + "; weights must be finite and non-negative");
            v += d;
        }
        if (!(v > 0)) throw new IllegalArgumentException("the affinity graph has no edges");
        for (int p = 0; p < w.nnz(); p++) {
            if (!(w.values[p] >= 0)) throw new IllegalArgumentException("affinity weights must be non-negative, found " + w.values[p]);
        }
        this.volume = v;
    }

    /** S = Z^T D Z (k x k, row-major) and t = d^T Z (k) of all rows. */
    void moments(FMatrix z, double[] s, double[] t) {
        int k = z.cols;
        java.util.Arrays.fill(s, 0, k * k, 0.0);
        java.util.Arrays.fill(t, 0, k, 0.0);
        for (int i = 0; i < n; i++) addMoments(z.data, i * k, degrees[i], 1.0, k, s, t);
    }

    /** Adds sign * d (z z^T) to s and sign * d z to t for the row starting at offset. */
    static void addMoments(float[] z, int offset, double d, double sign, int k, double[] s, double[] t) {
        if (d == 0) return;
        double f = sign * d;
        for (int a = 0; a < k; a++) {
            double za = f * z[offset + a];
            t[a] += za;
            for (int b = 0; b < k; b++) s[a * k + b] += za * z[offset + b];
        }
    }

    /** (W Z)_i into out[0..k) using the current rows of z (n x k). */
    void neighbourSum(int i, float[] z, int k, double[] out) {
        java.util.Arrays.fill(out, 0, k, 0.0);
        for (int p = w.rowStart[i]; p < w.rowStart[i + 1]; p++) {
            double wij = w.values[p];
            int o = w.colIndex[p] * k;
            for (int a = 0; a < k; a++) out[a] += wij * z[o + a];
        }
    }

    /** g(Z) for all rows of z. */
    double objective(FMatrix z) {
        int k = z.cols;
        double[] s = new double[k * k], t = new double[k], wz = new double[k];
        moments(z, s, t);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            neighbourSum(i, z.data, k, wz);
            for (int a = 0; a < k; a++) trace += z.data[i * k + a] * wz[a];
        }
        return objective(trace, s, t, k, volume);
    }

    /** g from tr(Z^T W Z), S and t. */
    static double objective(double traceWzz, double[] s, double[] t, int k, double volume) {
        double tt = 0, ss = 0;
        for (int a = 0; a < k; a++) tt += t[a] * t[a];
        for (int i = 0; i < k * k; i++) ss += s[i] * s[i];
        return -2.0 / volume * (traceWzz - tt / volume) + ss / (volume * volume);
    }

    /** The gradient row (4/vol)(-wz + d t / vol + d S z / vol) * factor into out at offset. */
    static void gradientRow(float[] z, int zOffset, double d, double[] wz, double[] s, double[] t, int k, double volume,
                            double factor, float[] out, int outOffset) {
        double c = 4.0 / volume * factor;
        for (int a = 0; a < k; a++) {
            double sz = 0;
            for (int b = 0; b < k; b++) sz += s[a * k + b] * z[zOffset + b];
            out[outOffset + a] = (float) (c * (-wz[a] + d * t[a] / volume + d * sz / volume));
        }
    }

    /** A = Z^T W~ Z and B = Z^T D Z in double, for the Rayleigh-Ritz step. */
    DMatrix[] ritzMatrices(FMatrix z) {
        int k = z.cols;
        double[] s = new double[k * k], t = new double[k], wz = new double[k];
        moments(z, s, t);
        DMatrix a = new DMatrix(k, k);
        for (int i = 0; i < n; i++) {
            neighbourSum(i, z.data, k, wz);
            for (int p = 0; p < k; p++) {
                double zp = z.data[i * k + p];
                for (int q = 0; q < k; q++) a.data[p * k + q] += zp * wz[q];
            }
        }
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) a.data[p * k + q] -= t[p] * t[q] / volume;
        }
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < p; q++) {
                double avg = 0.5 * (a.data[p * k + q] + a.data[q * k + p]);
                a.data[p * k + q] = avg;
                a.data[q * k + p] = avg;
            }
        }
        return new DMatrix[] {a, new DMatrix(k, k, s)};
    }
}
