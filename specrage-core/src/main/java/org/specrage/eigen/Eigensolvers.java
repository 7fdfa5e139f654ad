package org.specrage.eigen;

import org.specrage.linalg.DMatrix;

/**
 * Picks the solver for a few extreme eigenpairs: dense LAPACK for small operators (or when k is
 * so close to n that Lanczos would need the whole space), ARPACK Lanczos otherwise.
 */
public final class Eigensolvers {
    /** Operators up to this size are solved densely (n x n doubles: 8 MB at 1000). */
    public static final int DENSE_MAX_SIZE = 1000;

    private Eigensolvers() {
    }

    /** The k smallest eigenpairs, ascending. */
    public static EigenResult bottom(SymmetricOperator op, int k, LanczosOptions options) {
        checkCount(op, k);
        if (useDense(op, k, options)) return DenseSymmetricEigen.smallest(toDense(op), k);
        return Lanczos.smallest(op, k, options);
    }

    /** The k largest eigenpairs, ascending. */
    public static EigenResult top(SymmetricOperator op, int k, LanczosOptions options) {
        checkCount(op, k);
        if (useDense(op, k, options)) return DenseSymmetricEigen.largest(toDense(op), k);
        return Lanczos.largest(op, k, options);
    }

    /** True when the dense solver is used for k eigenpairs of op. */
    public static boolean useDense(SymmetricOperator op, int k, LanczosOptions options) {
        int n = op.size();
        return n <= DENSE_MAX_SIZE || options.basisSize(k, n) >= n;
    }

    /** Column j = op(e_j): n products. Only for small operators. */
    static DMatrix toDense(SymmetricOperator op) {
        int n = op.size();
        DMatrix a = new DMatrix(n, n);
        double[] e = new double[n];
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            op.apply(e, col);
            e[j] = 0;
            for (int i = 0; i < n; i++) a.data[i * n + j] = col[i];
        }
        return a;
    }

    private static void checkCount(SymmetricOperator op, int k) {
        if (k < 1 || k > op.size()) {
            throw new IllegalArgumentException("number of eigenpairs must be in 1.." + op.size() + ", got " + k);
        }
    }
}
