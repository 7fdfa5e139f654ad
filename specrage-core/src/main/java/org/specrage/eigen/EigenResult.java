package org.specrage.eigen;

import org.specrage.linalg.DMatrix;

/**
 * Eigenpairs of a symmetric matrix: values in ascending order; vectors is n x k with column j the
 * unit eigenvector of values[j], signed by {@link SignConvention}.
 *
 * @param tolerance the relative residual the pairs were computed to (ARPACK's tol); 0 for a dense
 *                  solver, whose pairs are accurate to rounding
 */
public record EigenResult(double[] values, DMatrix vectors, double tolerance) {
    public EigenResult {
        if (vectors.cols != values.length) {
            throw new IllegalArgumentException(values.length + " eigenvalues but " + vectors.cols + " eigenvectors");
        }
    }

    /** Pairs from a dense solver. */
    public EigenResult(double[] values, DMatrix vectors) {
        this(values, vectors, 0);
    }

    public int count() {
        return values.length;
    }

    /** Copy of eigenvector j. */
    public double[] vector(int j) {
        double[] v = new double[vectors.rows];
        for (int i = 0; i < v.length; i++) v[i] = vectors.get(i, j);
        return v;
    }
}
