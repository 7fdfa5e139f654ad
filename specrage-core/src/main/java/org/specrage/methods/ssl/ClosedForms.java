package org.specrage.methods.ssl;

import org.specrage.eigen.EigenResult;
import org.specrage.eigen.Eigensolvers;
import org.specrage.eigen.LanczosOptions;
import org.specrage.eigen.SymmetricOperator;
import org.specrage.graph.Laplacian;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.DMatrix;
import org.specrage.tensor.linalg.GeneralizedSymmetricEigen;

/**
 * Closed-form optima of the losses over a relation G (double precision, exact eigensolvers: dense
 * LAPACK up to {@link Eigensolvers#DENSE_MAX_SIZE} rows, ARPACK Lanczos beyond; nothing N x N is
 * formed for large N). Which constraint matches which loss:
 * <ul>
 *   <li>VICReg (covariance pinned to I, i.e. Z^T H Z = N I, H the centring matrix): the bottom k
 *       eigenvectors of L = D - G orthogonal to the constant vector ({@link #laplacianEigenmaps});</li>
 *   <li>SpectralNet (Y^T Y = m I, no centring): the bottom k eigenvectors of L, the constant one
 *       included ({@link #spectralNetOptimum});</li>
 *   <li>the D-weighted constraint Z^T D Z = I with Z^T D 1 = 0 (normalised Laplacian eigenmaps,
 *       L v = lambda D v): {@link #laplacianEigenmapsDegreeWeighted};</li>
 *   <li>VICReg with a linear network Z = X W: locality preserving projections ({@link #lpp});</li>
 *   <li>SimCLR and BarlowTwins: Z's column space lies in the top eigenspace of G
 *       ({@link #topEigenvectors}); for a relation made of cliques (views of a sample, same label)
 *       that eigenspace is spanned by the clique indicators.</li>
 * </ul>
 */
public final class ClosedForms {
    private ClosedForms() {
    }

    /**
     * Eigenvalues (ascending) and unit eigenvectors as columns.
     * Scale by sqrt(N) to meet Z^T H Z = N I (or Y^T Y = N I).
     */
    public record Spectrum(double[] values, DMatrix vectors) {
    }

    /** Generalised eigenvalues (ascending) and projection vectors W (d x k) with W^T X^T H X W = I. */
    public record LinearSpectrum(double[] values, DMatrix projection) {
    }

    /**
     * Laplacian eigenmaps under Z^T H Z = N I: the k smallest eigenpairs of L = D - G restricted to
     * vectors orthogonal to 1 (for a connected G, the bottom non-trivial eigenvectors). Solved as
     * the bottom of L + s 1 1^T / N with s above L's spectrum, which moves the constant vector to the top.
     */
    public static Spectrum laplacianEigenmaps(CsrMatrix g, int k, long seed) {
        Relations.validate(g);
        int n = g.rows;
        checkCount(k, n - 1);
        double[] degree = g.rowSums();
        double shift = 2 * max(degree) + 1; // lambda_max(L) <= 2 max degree
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1 / Math.sqrt(n));
        SymmetricOperator op = deflated(SymmetricOperator.of(Laplacian.unnormalized(g)), ones, shift);
        return toSpectrum(Eigensolvers.bottom(op, k, LanczosOptions.of(seed)));
    }

    /**
     * SpectralNet's optimum under Y^T Y = N I: the k smallest eigenpairs of L = D - G (for a
     * connected G, the constant vector first).
     */
    public static Spectrum spectralNetOptimum(CsrMatrix g, int k, long seed) {
        Relations.validate(g);
        checkCount(k, g.rows);
        return toSpectrum(Eigensolvers.bottom(SymmetricOperator.of(Laplacian.unnormalized(g)), k, LanczosOptions.of(seed)));
    }

    /**
     * Normalised Laplacian eigenmaps: the k smallest generalised eigenpairs of L v = lambda D v
     * with v^T D v = 1 and v^T D 1 = 0 (through L_sym = D^-1/2 L D^-1/2 and v = D^-1/2 u). Every row
     * must have a positive degree.
     */
    public static Spectrum laplacianEigenmapsDegreeWeighted(CsrMatrix g, int k, long seed) {
        Relations.validate(g);
        int n = g.rows;
        checkCount(k, n - 1);
        double[] degree = g.rowSums();
        double[] invSqrt = new double[n];
        double[] sqrtD = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (!(degree[i] > 0)) throw new IllegalArgumentException("row " + i + " has no relations: the degree-weighted constraint needs every degree > 0");
            invSqrt[i] = 1 / Math.sqrt(degree[i]);
            sqrtD[i] = Math.sqrt(degree[i]);
            total += degree[i];
        }
        for (int i = 0; i < n; i++) sqrtD[i] /= Math.sqrt(total);
        SymmetricOperator lsym = new SymmetricOperator() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public void apply(double[] x, double[] y) {
                for (int i = 0; i < n; i++) {
                    double s = x[i];
                    for (int p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) s -= g.values[p] * invSqrt[i] * invSqrt[g.colIndex[p]] * x[g.colIndex[p]];
                    y[i] = s;
                }
            }
        };
        EigenResult r = Eigensolvers.bottom(deflated(lsym, sqrtD, 3.0), k, LanczosOptions.of(seed)); // lambda_max(L_sym) <= 2
        DMatrix v = r.vectors().copy();
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) v.data[i * k + j] *= invSqrt[i];
        return new Spectrum(r.values().clone(), v);
    }

    /** The k largest eigenpairs of G itself (values ascending, as every spectrum here). */
    public static Spectrum topEigenvectors(CsrMatrix g, int k, long seed) {
        Relations.validate(g);
        checkCount(k, g.rows);
        return toSpectrum(Eigensolvers.top(SymmetricOperator.of(g), k, LanczosOptions.of(seed)));
    }

    /**
     * Locality preserving projections: the k smallest generalised eigenpairs of
     * X^T L X w = lambda X^T H X w (d x d, dense), the optimum of VICReg with a linear network
     * Z = X W. X^T H X must be positive definite (more rows than columns, no constant column).
     */
    public static LinearSpectrum lpp(DMatrix x, CsrMatrix g, int k) {
        Relations.validate(g);
        if (x.rows != g.rows) throw new IllegalArgumentException("data has " + x.rows + " rows but the relation has " + g.rows);
        int n = x.rows, d = x.cols;
        checkCount(k, d);
        double[] degree = g.rowSums();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int c = 0; c < d; c++) mean[c] += x.data[i * d + c] / n;
        DMatrix a = new DMatrix(d, d);
        DMatrix b = new DMatrix(d, d);
        double[] lx = new double[d];
        for (int i = 0; i < n; i++) {
            // row i of L X = d_i x_i - sum_j G_ij x_j
            for (int c = 0; c < d; c++) lx[c] = degree[i] * x.data[i * d + c];
            for (int p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) {
                int j = g.colIndex[p];
                for (int c = 0; c < d; c++) lx[c] -= g.values[p] * x.data[j * d + c];
            }
            for (int r = 0; r < d; r++) {
                double xr = x.data[i * d + r];
                double xcr = xr - mean[r];
                for (int c = 0; c < d; c++) {
                    a.data[r * d + c] += xr * lx[c];
                    b.data[r * d + c] += xcr * (x.data[i * d + c] - mean[c]);
                }
            }
        }
        GeneralizedSymmetricEigen.Result r = GeneralizedSymmetricEigen.forward(a, b);
        double[] values = new double[k];
        DMatrix w = new DMatrix(d, k);
        for (int j = 0; j < k; j++) {
            values[j] = r.values()[j];
            for (int c = 0; c < d; c++) w.data[c * k + j] = r.vectors().data[c * d + j];
        }
        return new LinearSpectrum(values, w);
    }

    /** op + shift u u^T for a unit vector u: pushes u's direction above the rest of the spectrum. */
    private static SymmetricOperator deflated(SymmetricOperator op, double[] unit, double shift) {
        return new SymmetricOperator() {
            @Override
            public int size() {
                return op.size();
            }

            @Override
            public void apply(double[] x, double[] y) {
                op.apply(x, y);
                double dot = 0;
                for (int i = 0; i < x.length; i++) dot += unit[i] * x[i];
                for (int i = 0; i < x.length; i++) y[i] += shift * dot * unit[i];
            }
        };
    }

    private static Spectrum toSpectrum(EigenResult r) {
        return new Spectrum(r.values().clone(), r.vectors().copy());
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, x);
        return m;
    }

    private static void checkCount(int k, int max) {
        if (k < 1 || k > max) throw new IllegalArgumentException("number of eigenvectors must be in 1.." + max + ", got " + k);
    }
}
