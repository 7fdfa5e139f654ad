package org.specrage.tensor.linalg;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.doubleW;
import org.netlib.util.intW;
import org.specrage.linalg.DMatrix;

/**
 * Inverse X = A^-1 of a k x k matrix by LU with partial pivoting (LAPACK dgetrf/dgetri).
 * Backward (Giles 2008, "Collected matrix derivative results"): dA = -X^T dX X^T.
 */
public final class Inverse {
    private Inverse() {
    }

    /**
     * @throws SingularMatrixException if A is exactly singular or singular to working precision
     *         (LAPACK's reciprocal 1-norm condition estimate below machine epsilon, as in dgesvx)
     */
    public static DMatrix forward(DMatrix a) {
        Dense.requireSquare("A", a);
        Dense.requireFinite("A", a);
        int k = a.rows;
        if (k == 0) return new DMatrix(0, 0);
        LAPACK lapack = LAPACK.getInstance();
        // Row-major A is column-major A^T; inverting A^T in place leaves A^-1 in row-major order.
        double[] lu = a.data.clone();
        int[] pivots = new int[k];
        intW info = new intW(0);
        double norm = lapack.dlange("1", k, k, lu, k, new double[k]);
        lapack.dgetrf(k, k, lu, k, pivots, info);
        if (info.val > 0) {
            throw new SingularMatrixException("matrix is singular: LU pivot " + (info.val - 1) + " of " + k + " is exactly zero");
        }
        if (info.val < 0) throw new IllegalStateException("LAPACK dgetrf failed with info " + info.val);
        doubleW rcond = new doubleW(0);
        lapack.dgecon("1", k, lu, k, norm, rcond, new double[4 * k], new int[k], info);
        if (rcond.val < Math.ulp(1.0)) {
            throw new SingularMatrixException("matrix is singular to working precision: reciprocal condition number "
                    + rcond.val + " < machine epsilon");
        }
        double[] query = new double[1];
        lapack.dgetri(k, lu, k, pivots, query, -1, info);
        double[] work = new double[Math.max(k, (int) query[0])];
        lapack.dgetri(k, lu, k, pivots, work, work.length, info);
        if (info.val != 0) throw new IllegalStateException("LAPACK dgetri failed with info " + info.val);
        return new DMatrix(k, k, lu);
    }

    /** Vector-Jacobian product: given X = forward(A) and dX, dA = -X^T dX X^T. */
    public static DMatrix backward(DMatrix x, DMatrix dX) {
        Dense.requireSquare("X", x);
        if (dX == null) return new DMatrix(x.rows, x.cols);
        Dense.requireShape("dX", dX, x.rows, x.cols);
        DMatrix t = Dense.multiply(x, true, dX, false);
        return Dense.scaleInPlace(Dense.multiply(t, false, x, true), -1.0);
    }
}
