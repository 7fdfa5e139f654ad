package org.specrage.methods.ssl;

import org.specrage.eigen.DenseSymmetricEigen;
import org.specrage.eigen.EigenResult;
import org.specrage.linalg.DMatrix;
import org.specrage.tensor.linalg.QR;

/**
 * Principal angles between column spaces, singular values and bases, in double. Package-private
 * helper of the experiments (kept apart from metrics.Subspaces until the two are merged).
 */
final class Subspaces {
    private Subspaces() {
    }

    /** Columns minus their means (H Z). */
    static DMatrix centered(DMatrix z) {
        int n = z.rows, k = z.cols;
        DMatrix out = z.copy();
        for (int c = 0; c < k; c++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += z.data[i * k + c];
            mean /= n;
            for (int i = 0; i < n; i++) out.data[i * k + c] -= mean;
        }
        return out;
    }

    /** Singular values of z (n x k, n >= k), descending, from the eigenvalues of Z^T Z. */
    static double[] singularValues(DMatrix z) {
        double[] eig = DenseSymmetricEigen.decompose(gram(z)).values();
        double[] s = new double[eig.length];
        for (int i = 0; i < s.length; i++) s[i] = Math.sqrt(Math.max(0, eig[eig.length - 1 - i]));
        return s;
    }

    /** The r leading left singular vectors of z as orthonormal columns (n x r). */
    static DMatrix leftSingularBasis(DMatrix z, int r) {
        int k = z.cols;
        if (r < 1 || r > k) throw new IllegalArgumentException("basis size must be in 1.." + k + ", got " + r);
        EigenResult e = DenseSymmetricEigen.decompose(gram(z));
        DMatrix v = new DMatrix(k, r);
        for (int j = 0; j < r; j++) {
            double sigma = Math.sqrt(Math.max(0, e.values()[k - 1 - j]));
            if (!(sigma > 0)) throw new IllegalArgumentException("z has rank below " + r);
            for (int c = 0; c < k; c++) v.data[c * r + j] = e.vectors().get(c, k - 1 - j) / sigma;
        }
        // Z V S^-1, then a QR pass to clean up the rounding of the squared singular values
        return QR.forward(multiply(z, v)).q();
    }

    /** Orthonormal basis of a full-column-rank matrix. */
    static DMatrix orthonormalBasis(DMatrix a) {
        return QR.forward(a).q();
    }

    /**
     * Sines of the principal angles between span(a) and span(b), largest first, for a (n x p) and
     * b (n x q), p <= q (see {@link org.specrage.metrics.Subspaces#angleSines}). With p < q this
     * measures how far span(a) is from lying inside span(b).
     */
    static double[] principalSines(DMatrix a, DMatrix b) {
        double[] ascending = org.specrage.metrics.Subspaces.angleSines(a, b);
        double[] out = new double[ascending.length];
        for (int i = 0; i < out.length; i++) out[i] = ascending[ascending.length - 1 - i];
        return out;
    }

    /** Sine of the largest principal angle between span(a) and span(b) (p <= q). */
    static double largestSine(DMatrix a, DMatrix b) {
        return org.specrage.metrics.Subspaces.largestAngleSine(a, b);
    }

    /** Number of singular values above {@code relative} times the largest. */
    static int numericalRank(double[] singularValues, double relative) {
        int r = 0;
        for (double s : singularValues) if (s > relative * singularValues[0]) r++;
        return r;
    }

    static DMatrix gram(DMatrix z) {
        int n = z.rows, k = z.cols;
        DMatrix g = new DMatrix(k, k);
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                double za = z.data[i * k + a];
                if (za == 0) continue;
                for (int b = 0; b < k; b++) g.data[a * k + b] += za * z.data[i * k + b];
            }
        }
        return g;
    }

    static DMatrix multiply(DMatrix a, DMatrix b) {
        int n = a.rows, m = a.cols, p = b.cols;
        DMatrix out = new DMatrix(n, p);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < m; t++) {
                double v = a.data[i * m + t];
                for (int j = 0; j < p; j++) out.data[i * p + j] += v * b.data[t * p + j];
            }
        }
        return out;
    }
}
