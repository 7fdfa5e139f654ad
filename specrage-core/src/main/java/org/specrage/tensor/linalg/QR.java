package org.specrage.tensor.linalg;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;
import org.specrage.linalg.DMatrix;

/**
 * Thin QR of an m x k matrix A (m >= k): A = Q R with Q m x k, Q^T Q = I, and R k x k upper-triangular
 * with non-negative diagonal (canonical signs; unique, and differentiable, when A has full column rank).
 * Forward uses LAPACK dgeqrf/dorgqr (Householder) and then flips signs.
 * <p>
 * Backward (Walter and Lehmann 2018, "Algorithmic differentiation of linear algebra functions with
 * application in optimum experimental design"; also Seeger et al. 2017, "Auto-differentiating linear
 * algebra"): M = R dR^T - dQ^T Q, dA = (dQ + Q copyltu(M)) R^-T, where copyltu(M) copies the lower
 * triangle of M onto the upper one. Only the upper triangle of dR matters.
 */
public final class QR {
    /** Q (m x k, orthonormal columns) and R (k x k, upper-triangular, diagonal >= 0). */
    public record Result(DMatrix q, DMatrix r) {
    }

    private QR() {
    }

    public static Result forward(DMatrix a) {
        int m = a.rows, k = a.cols;
        if (m < k) throw new IllegalArgumentException("thin QR needs rows >= cols, got " + m + " x " + k);
        if (k == 0) throw new IllegalArgumentException("thin QR needs at least one column, got " + m + " x 0");
        Dense.requireFinite("A", a);
        LAPACK lapack = LAPACK.getInstance();
        double[] cm = Dense.toColumnMajor(a);
        double[] tau = new double[k];
        intW info = new intW(0);
        double[] query = new double[1];
        lapack.dgeqrf(m, k, cm, m, tau, query, -1, info);
        lapack.dorgqr(m, k, k, cm, m, tau, query, -1, info);
        double[] work = new double[Math.max(1, (int) query[0])];
        info.val = 0;
        lapack.dgeqrf(m, k, cm, m, tau, work, work.length, info);
        if (info.val != 0) throw new IllegalStateException("LAPACK dgeqrf failed with info " + info.val);

        DMatrix r = new DMatrix(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) r.data[i * k + j] = cm[i + j * m];
        }
        lapack.dorgqr(m, k, k, cm, m, tau, work, work.length, info);
        if (info.val != 0) throw new IllegalStateException("LAPACK dorgqr failed with info " + info.val);
        DMatrix q = Dense.fromColumnMajor(cm, m, m, k);

        for (int i = 0; i < k; i++) {
            if (r.data[i * k + i] >= 0) continue;
            for (int j = i; j < k; j++) r.data[i * k + j] = -r.data[i * k + j];
            for (int p = 0; p < m; p++) q.data[p * k + i] = -q.data[p * k + i];
        }
        return new Result(q, r);
    }

    /**
     * Vector-Jacobian product: given forward's Q, R and the upstream dQ, dR (either may be null), dA.
     *
     * @throws SingularMatrixException if A is rank-deficient to working precision: some |R_ii| is at most
     *         max(m, k) * eps * max_j |R_jj| (the threshold numpy's matrix_rank uses for singular values)
     */
    public static DMatrix backward(DMatrix q, DMatrix r, DMatrix dQ, DMatrix dR) {
        int m = q.rows, k = q.cols;
        Dense.requireShape("R", r, k, k);
        if (dQ != null) Dense.requireShape("dQ", dQ, m, k);
        if (dR != null) Dense.requireShape("dR", dR, k, k);
        requireFullRank(r, Math.max(m, k));
        if (dQ == null && dR == null) return new DMatrix(m, k);

        DMatrix mm = new DMatrix(k, k);
        if (dR != null) mm = Dense.multiply(r, false, Dense.upper(dR), true);          // R dR^T
        if (dQ != null) Dense.addInPlace(mm, Dense.scaleInPlace(Dense.multiply(dQ, true, q, false), -1)); // - dQ^T Q
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) mm.data[i * k + j] = mm.data[j * k + i];       // copyltu
        }
        DMatrix b = Dense.multiply(q, mm);
        if (dQ != null) Dense.addInPlace(b, dQ);
        // dA = b R^-T: solve X R^T = b with R^T lower-triangular, i.e. X L = b for L = R^T.
        return TriangularSolve.forward(Dense.transpose(r), b, TriangularSolve.Side.RIGHT, false);
    }

    private static void requireFullRank(DMatrix r, int size) {
        int k = r.rows;
        double largest = 0;
        for (int i = 0; i < k; i++) largest = Math.max(largest, Math.abs(r.data[i * k + i]));
        double floor = size * Math.ulp(1.0) * largest;
        for (int i = 0; i < k; i++) {
            double rii = Math.abs(r.data[i * k + i]);
            if (!(rii > floor)) {
                throw new SingularMatrixException("QR backward: A is rank-deficient, |R_" + i + i + "| = " + rii
                        + " <= " + floor + "; the thin QR is not differentiable there");
            }
        }
    }
}
