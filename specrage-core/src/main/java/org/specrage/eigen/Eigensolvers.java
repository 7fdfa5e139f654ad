package org.specrage.eigen;

import org.specrage.linalg.DMatrix;

/**
 * Picks the solver for a few extreme eigenpairs: dense LAPACK for small operators (or when k is
 * so close to n that Lanczos would need the whole space), ARPACK Lanczos otherwise.
 *
 * <p>Lanczos stalls when the wanted eigenvalues crowd together (gaps far below the tolerance, as
 * in a graph of weakly joined parts). When ARPACK gives up for that reason, {@link CrowdedSpectrum}
 * runs it again with a wider basis and a tolerance no tighter than {@link #RETRY_TOLERANCE}, and
 * looks for the pairs a repeated eigenvalue hides, as it does whenever two of the values found
 * coincide; the result's {@link EigenResult#tolerance()} says which tolerance was met.
 */
public final class Eigensolvers {
    /** Operators up to this size are solved densely (n x n doubles: 8 MB at 1000). */
    public static final int DENSE_MAX_SIZE = 1000;
    /** The tolerance of the second attempt: residuals of 1e-6 leave eigenvectors good for clustering. */
    public static final double RETRY_TOLERANCE = 1e-6;

    private Eigensolvers() {
    }

    /** The k smallest eigenpairs, ascending. */
    public static EigenResult bottom(SymmetricOperator op, int k, LanczosOptions options) {
        checkCount(op, k);
        if (useDense(op, k, options)) return DenseSymmetricEigen.smallest(toDense(op), k);
        return withRetry(op, k, options, false, false);
    }

    /** The k largest eigenpairs, ascending. */
    public static EigenResult top(SymmetricOperator op, int k, LanczosOptions options) {
        return top(op, k, options, false);
    }

    /**
     * As {@link #top(SymmetricOperator, int, LanczosOptions)}; repeatedExpected says that the top
     * eigenvalue is likely repeated (a graph with several components), so that the search for
     * missed copies runs even when Lanczos returns a single copy.
     */
    public static EigenResult top(SymmetricOperator op, int k, LanczosOptions options, boolean repeatedExpected) {
        checkCount(op, k);
        if (useDense(op, k, options)) return DenseSymmetricEigen.largest(toDense(op), k);
        return withRetry(op, k, options, true, repeatedExpected);
    }

    private static EigenResult withRetry(SymmetricOperator op, int k, LanczosOptions options, boolean largest, boolean repeatedExpected) {
        EigenResult found;
        try {
            found = Lanczos.extreme(op, k, options, largest);
        } catch (EigenSolverException first) {
            // 1: restart limit reached; 3: no shifts could be applied. Both are what a crowded spectrum does.
            if (first.info() != 1 && first.info() != 3) throw first;
            return CrowdedSpectrum.retry(op, k, options, largest, first, repeatedExpected);
        }
        if (!repeatedExpected && !CrowdedSpectrum.hasRepeatedValue(found, options.tolerance())) return found;
        return CrowdedSpectrum.withMissedPairs(op, k, options, largest, found, k);
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
