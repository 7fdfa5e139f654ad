package org.specrage.metrics;

import java.util.Arrays;
import org.specrage.eigen.DenseSymmetricEigen;
import org.specrage.linalg.DMatrix;

/**
 * Principal angles between the column spaces of two n x k matrices (e.g. a learned embedding and
 * exact eigenvectors). The sines come from the residual R = Qa - Qb (Qb^T Qa) of the orthonormal
 * bases: its singular values are the sines, computed without the cancellation of sqrt(1 - cos^2).
 * Everything is O(n k^2); nothing n x n.
 */
public final class Subspaces {
    private Subspaces() {
    }

    /**
     * Sine of the largest principal angle between span(a) and span(b): 0 when span(a) lies in span(b),
     * 1 when some direction of span(a) is orthogonal to span(b). Requires a.cols <= b.cols (the angles
     * of the smaller space); both must have full column rank.
     */
    public static double largestAngleSine(DMatrix a, DMatrix b) {
        double[] s = angleSines(a, b);
        return s[s.length - 1];
    }

    /** Sines of all a.cols principal angles, ascending (see {@link #largestAngleSine}). */
    public static double[] angleSines(DMatrix a, DMatrix b) {
        if (a.rows != b.rows) throw new IllegalArgumentException("subspaces of different ambient sizes: " + a.rows + " and " + b.rows + " rows");
        if (a.cols < 1 || a.cols > b.cols) {
            throw new IllegalArgumentException("need 1 <= a.cols <= b.cols, got " + a.cols + " and " + b.cols);
        }
        if (a.cols > a.rows || b.cols > b.rows) throw new IllegalArgumentException("more columns than rows: no full column rank");
        DMatrix qa = orthonormalBasis(a, "a");
        DMatrix qb = orthonormalBasis(b, "b");
        int n = a.rows, ka = a.cols, kb = b.cols;
        double[] m = new double[kb * ka]; // Qb^T Qa
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < kb; p++) {
                double bp = qb.data[i * kb + p];
                for (int q = 0; q < ka; q++) m[p * ka + q] += bp * qa.data[i * ka + q];
            }
        }
        DMatrix gram = new DMatrix(ka, ka); // R^T R with R = Qa - Qb M
        double[] r = new double[ka];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < ka; q++) {
                double v = qa.data[i * ka + q];
                for (int p = 0; p < kb; p++) v -= qb.data[i * kb + p] * m[p * ka + q];
                r[q] = v;
            }
            for (int x = 0; x < ka; x++) {
                for (int y = 0; y < ka; y++) gram.data[x * ka + y] += r[x] * r[y];
            }
        }
        double[] values = DenseSymmetricEigen.decompose(gram).values();
        double[] sines = new double[ka];
        for (int j = 0; j < ka; j++) sines[j] = Math.min(1.0, Math.sqrt(Math.max(0.0, values[j])));
        Arrays.sort(sines);
        return sines;
    }

    /**
     * Orthonormal basis of the columns by modified Gram-Schmidt applied twice ("twice is enough"),
     * which keeps the basis orthonormal to working precision.
     */
    static DMatrix orthonormalBasis(DMatrix x, String name) {
        int n = x.rows, k = x.cols;
        DMatrix q = x.copy();
        double[] d = q.data;
        for (int j = 0; j < k; j++) {
            double original = columnNorm(d, n, k, j);
            if (!Double.isFinite(original)) throw new IllegalArgumentException("matrix " + name + " has non-finite entries in column " + j);
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) dot += d[i * k + p] * d[i * k + j];
                    for (int i = 0; i < n; i++) d[i * k + j] -= dot * d[i * k + p];
                }
            }
            double norm = columnNorm(d, n, k, j);
            if (!(norm > 1e-12 * original) || norm == 0) {
                throw new IllegalArgumentException("matrix " + name + " does not have full column rank: column " + j
                        + " lies in the span of the previous ones");
            }
            for (int i = 0; i < n; i++) d[i * k + j] /= norm;
        }
        return q;
    }

    private static double columnNorm(double[] d, int n, int k, int j) {
        double s = 0;
        for (int i = 0; i < n; i++) s += d[i * k + j] * d[i * k + j];
        return Math.sqrt(s);
    }
}
