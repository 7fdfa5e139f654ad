package org.specrage.eigen;

import dev.ludovic.netlib.arpack.ARPACK;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.netlib.util.doubleW;
import org.netlib.util.intW;
import org.specrage.linalg.DMatrix;

/**
 * A few extreme eigenpairs of a large symmetric operator by ARPACK's implicitly restarted Lanczos
 * method (dsaupd/dseupd, regular mode, reverse communication). The start vector is drawn from the
 * options' seed, so results are reproducible. ARPACK keeps internal state between calls, so runs
 * are serialised on one lock.
 */
public final class Lanczos {
    private static final ARPACK ARPACK_INSTANCE = ARPACK.getInstance();
    private static final Object ARPACK_LOCK = new Object();

    private Lanczos() {
    }

    /** The k largest (algebraic) eigenpairs, ascending. Needs 1 <= k < n. */
    public static EigenResult largest(SymmetricOperator op, int k, LanczosOptions options) {
        return solve(op, k, options, "LA");
    }

    /** The k smallest (algebraic) eigenpairs, ascending. Needs 1 <= k < n. */
    public static EigenResult smallest(SymmetricOperator op, int k, LanczosOptions options) {
        return solve(op, k, options, "SA");
    }

    /** The k largest or k smallest pairs, ascending (for callers that choose the end at run time). */
    static EigenResult extreme(SymmetricOperator op, int k, LanczosOptions options, boolean largest) {
        return solve(op, k, options, largest ? "LA" : "SA");
    }

    private static EigenResult solve(SymmetricOperator op, int k, LanczosOptions options, String which) {
        int n = op.size();
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("Lanczos needs 1 <= k < n, got k = " + k + ", n = " + n
                    + " (use DenseSymmetricEigen or Eigensolvers for small problems)");
        }
        int ncv = options.basisSize(k, n);
        if (ncv <= k) {
            throw new IllegalArgumentException("Lanczos basis size ncv = " + ncv + " must exceed k = " + k);
        }
        double[] resid = startVector(n, options.seed());
        double[] v = new double[n * ncv];
        double[] workd = new double[3 * n];
        int lworkl = ncv * (ncv + 8);
        double[] workl = new double[lworkl];
        int[] iparam = new int[11];
        int[] ipntr = new int[11];
        iparam[0] = 1; // exact shifts
        iparam[2] = options.maxIterations();
        iparam[6] = 1; // mode 1: standard problem A x = lambda x
        intW ido = new intW(0);
        intW info = new intW(1); // 1: use resid as the start vector
        doubleW tol = new doubleW(options.tolerance());
        double[] x = new double[n];
        double[] y = new double[n];
        double[] values = new double[k];
        double[] z = new double[n * k];
        synchronized (ARPACK_LOCK) {
            while (true) {
                ARPACK_INSTANCE.dsaupd(ido, "I", n, which, k, tol, resid, ncv, v, n, iparam, ipntr, workd, workl,
                        lworkl, info);
                if (ido.val == 99) break;
                if (ido.val != -1 && ido.val != 1) {
                    throw new EigenSolverException("dsaupd asked for unsupported operation ido = " + ido.val, ido.val);
                }
                System.arraycopy(workd, ipntr[0] - 1, x, 0, n);
                op.apply(x, y);
                System.arraycopy(y, 0, workd, ipntr[1] - 1, n);
            }
            if (info.val != 0) throw saupdFailure(info.val, iparam, k, ncv);
            intW ierr = new intW(0);
            ARPACK_INSTANCE.dseupd(true, "A", new boolean[ncv], values, z, n, 0.0, "I", n, which, new intW(k),
                    tol.val, resid, ncv, v, n, iparam, ipntr, workd, workl, lworkl, ierr);
            if (ierr.val != 0) throw seupdFailure(ierr.val);
        }
        if (iparam[4] < k) {
            throw new EigenSolverException("Lanczos converged " + iparam[4] + " of " + k + " eigenpairs", 1);
        }
        return sorted(values, z, n, k, options.tolerance());
    }

    /** Uniform entries in [-1, 1) from the seed; never zero in practice. */
    private static double[] startVector(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = 2 * random.nextDouble() - 1;
        return r;
    }

    /** Ascending values with their columns (z is column-major n x k), sign convention applied. */
    private static EigenResult sorted(double[] values, double[] z, int n, int k, double tolerance) {
        Integer[] order = new Integer[k];
        for (int j = 0; j < k; j++) order[j] = j;
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] outValues = new double[k];
        DMatrix vectors = new DMatrix(n, k);
        for (int j = 0; j < k; j++) {
            int src = order[j];
            outValues[j] = values[src];
            for (int i = 0; i < n; i++) vectors.data[i * k + j] = z[src * n + i];
        }
        SignConvention.apply(vectors);
        return new EigenResult(outValues, vectors, tolerance);
    }

    private static EigenSolverException saupdFailure(int info, int[] iparam, int k, int ncv) {
        String meaning = switch (info) {
            case 1 -> "maximum number of iterations (" + iparam[2] + ") taken; " + iparam[4] + " of " + k
                    + " eigenpairs converged (raise maxIterations or ncv, or loosen the tolerance)";
            case 3 -> "no shifts could be applied during an implicit restart; increase ncv (now " + ncv + ")";
            case -1 -> "n must be positive";
            case -2 -> "k must be positive";
            case -3 -> "ncv must satisfy k < ncv <= n";
            case -4 -> "maximum iterations must be positive";
            case -5 -> "invalid WHICH";
            case -6 -> "BMAT must be I or G";
            case -7 -> "workl array too small";
            case -8 -> "error in LAPACK's tridiagonal eigenvalue calculation";
            case -9 -> "starting vector is zero";
            case -10 -> "IPARAM(7) must be 1..5";
            case -11 -> "IPARAM(7) = 1 and BMAT = G are incompatible";
            case -12 -> "IPARAM(1) must be 0 or 1";
            case -13 -> "k and WHICH = BE are incompatible";
            case -9999 -> "could not build a Lanczos factorization (size " + iparam[4] + "); the operator may be"
                    + " rank deficient or not symmetric";
            default -> "unknown error";
        };
        return new EigenSolverException("ARPACK dsaupd info = " + info + ": " + meaning, info);
    }

    private static EigenSolverException seupdFailure(int info) {
        String meaning = switch (info) {
            case -14 -> "dsaupd did not find any eigenvalues to sufficient accuracy";
            case -15 -> "HOWMNY must be A or S when vectors are requested";
            case -16 -> "HOWMNY = S is not implemented";
            case -17 -> "the number of converged Ritz values differs from dsaupd's count; try a larger ncv";
            case -8 -> "error in LAPACK's tridiagonal eigenvalue calculation";
            case -9 -> "starting vector is zero";
            default -> info < 0 ? "argument " + -info + " is invalid" : "unknown error";
        };
        return new EigenSolverException("ARPACK dseupd info = " + info + ": " + meaning, info);
    }
}
