package org.specrage.eigen;

import java.util.SplittableRandom;
import org.specrage.linalg.CsrMatrix;

/** Test matrices with known spectra. */
final class EigenTestData {
    private EigenTestData() {
    }

    /** Laplacian of the path graph on n nodes: eigenvalues 2 - 2 cos(pi j / n), j = 0..n-1. */
    static CsrMatrix pathLaplacian(int n) {
        int[] r = new int[3 * n], c = new int[3 * n];
        double[] v = new double[3 * n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double degree = (i > 0 ? 1 : 0) + (i < n - 1 ? 1 : 0);
            r[m] = i; c[m] = i; v[m++] = degree;
            if (i > 0) { r[m] = i; c[m] = i - 1; v[m++] = -1; }
            if (i < n - 1) { r[m] = i; c[m] = i + 1; v[m++] = -1; }
        }
        return CsrMatrix.fromTriplets(n, n, r, c, v, m);
    }

    /**
     * Laplacian D - W of c components of about n / c nodes each: every component a ring with one
     * random chord per node, weights uniform in [0.5, 1.5). The eigenvalue 0 is repeated c times,
     * and the next ones are distinct.
     */
    static CsrMatrix randomComponentsLaplacian(int n, int c, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int size = n / c;
        int[] r = new int[5 * n], cols = new int[5 * n];
        double[] v = new double[5 * n];
        double[] degree = new double[n];
        int m = 0;
        for (int comp = 0; comp < c; comp++) {
            int base = comp * size, nodes = comp == c - 1 ? n - base : size;
            for (int i = 0; i < nodes; i++) {
                int a = base + i;
                int[] ends = {base + (i + 1) % nodes, base + random.nextInt(nodes)};
                for (int b : ends) {
                    double w = 0.5 + random.nextDouble();
                    if (b == a) continue;
                    r[m] = a; cols[m] = b; v[m++] = -w;
                    r[m] = b; cols[m] = a; v[m++] = -w;
                    degree[a] += w;
                    degree[b] += w;
                }
            }
        }
        for (int i = 0; i < n; i++) { r[m] = i; cols[m] = i; v[m++] = degree[i]; }
        return CsrMatrix.fromTriplets(n, n, r, cols, v, m);
    }

    static double pathEigenvalue(int n, int j) {
        return 2 - 2 * Math.cos(Math.PI * j / n);
    }

    /** Unit eigenvector j of the path Laplacian: cos(pi j (i + 1/2) / n), normalised. */
    static double[] pathEigenvector(int n, int j) {
        double[] v = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            v[i] = Math.cos(Math.PI * j * (i + 0.5) / n);
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < n; i++) v[i] /= norm;
        return v;
    }

    /** Random sparse symmetric matrix with about density * n * n entries in [-1, 1]. */
    static CsrMatrix randomSymmetric(int n, double density, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int max = (int) (density * n * n) + 2 * n;
        int[] r = new int[max], c = new int[max];
        double[] v = new double[max];
        int m = 0;
        for (int i = 0; i < n; i++) {
            r[m] = i; c[m] = i; v[m++] = 2 * random.nextDouble() - 1;
        }
        while (m + 2 <= max) {
            int i = random.nextInt(n), j = random.nextInt(n);
            if (i == j) continue;
            double value = 2 * random.nextDouble() - 1;
            r[m] = i; c[m] = j; v[m++] = value;
            r[m] = j; c[m] = i; v[m++] = value;
        }
        return CsrMatrix.fromTriplets(n, n, r, c, v, m);
    }
}
