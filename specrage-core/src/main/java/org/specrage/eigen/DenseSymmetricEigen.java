package org.specrage.eigen;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;
import org.specrage.linalg.DMatrix;

/**
 * Eigenpairs of a small dense symmetric matrix with LAPACK dsyevr (relatively robust
 * representations). Only one triangle of the matrix is read, so it must be symmetric. Eigenvectors
 * follow {@link SignConvention}; values are ascending.
 */
public final class DenseSymmetricEigen {
    private static final LAPACK LAPACK_INSTANCE = LAPACK.getInstance();

    private DenseSymmetricEigen() {
    }

    /** All eigenpairs. */
    public static EigenResult decompose(DMatrix a) {
        checkSquare(a);
        return solve(a, 1, a.rows);
    }

    /** The k smallest eigenpairs, ascending. */
    public static EigenResult smallest(DMatrix a, int k) {
        checkSquare(a);
        checkCount(a, k);
        return solve(a, 1, k);
    }

    /** The k largest eigenpairs, returned in ascending order like every {@link EigenResult}. */
    public static EigenResult largest(DMatrix a, int k) {
        checkSquare(a);
        checkCount(a, k);
        return solve(a, a.rows - k + 1, a.rows);
    }

    /** Eigenpairs il..iu (1-based, ascending order of eigenvalues). */
    private static EigenResult solve(DMatrix a, int il, int iu) {
        int n = a.rows;
        int m = iu - il + 1;
        // Row-major storage of a symmetric matrix is also its column-major storage.
        double[] work = a.data.clone();
        double[] w = new double[n];
        double[] z = new double[n * m];
        int[] isuppz = new int[2 * n]; // the netlib wrapper checks room for n pairs
        intW found = new intW(0);
        intW info = new intW(0);
        String range = (il == 1 && iu == n) ? "A" : "I";
        double abstol = LAPACK_INSTANCE.dlamch("S"); // safe minimum: highest accuracy
        double[] workQuery = new double[1];
        int[] iworkQuery = new int[1];
        LAPACK_INSTANCE.dsyevr("V", range, "L", n, work, n, 0, 0, il, iu, abstol, found, w, z, n, isuppz,
                workQuery, -1, iworkQuery, -1, info);
        check(info, "workspace query");
        int lwork = (int) workQuery[0];
        int liwork = iworkQuery[0];
        LAPACK_INSTANCE.dsyevr("V", range, "L", n, work, n, 0, 0, il, iu, abstol, found, w, z, n, isuppz,
                new double[lwork], lwork, new int[liwork], liwork, info);
        check(info, "decomposition");
        if (found.val != m) {
            throw new EigenSolverException("dsyevr returned " + found.val + " eigenpairs, expected " + m, found.val);
        }
        double[] values = new double[m];
        System.arraycopy(w, 0, values, 0, m);
        DMatrix vectors = new DMatrix(n, m);
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) vectors.data[i * m + j] = z[j * n + i];
        }
        SignConvention.apply(vectors);
        return new EigenResult(values, vectors);
    }

    private static void check(intW info, String step) {
        if (info.val < 0) {
            throw new EigenSolverException("dsyevr " + step + ": argument " + -info.val + " had an illegal value", info.val);
        }
        if (info.val > 0) {
            throw new EigenSolverException("dsyevr " + step + ": internal error " + info.val
                    + " (the matrix may contain NaN or infinite entries)", info.val);
        }
    }

    private static void checkSquare(DMatrix a) {
        if (a.rows != a.cols) throw new IllegalArgumentException("eigen-decomposition needs a square matrix, got " + a);
        if (a.rows == 0) throw new IllegalArgumentException("eigen-decomposition of an empty matrix");
        for (double v : a.data) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("matrix has a non-finite entry: " + v);
        }
    }

    private static void checkCount(DMatrix a, int k) {
        if (k < 1 || k > a.rows) {
            throw new IllegalArgumentException("number of eigenpairs must be in 1.." + a.rows + ", got " + k);
        }
    }
}
