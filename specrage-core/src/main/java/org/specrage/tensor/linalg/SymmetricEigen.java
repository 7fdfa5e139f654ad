package org.specrage.tensor.linalg;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;
import org.specrage.linalg.DMatrix;

/**
 * Eigendecomposition A = V diag(w) V^T of a k x k symmetric matrix (LAPACK dsyev on the symmetric
 * part (A + A^T) / 2): eigenvalues w ascending, eigenvectors the columns of V, orthonormal, each with
 * its largest-magnitude entry positive (on ties, within a relative 1e-10,
 * the first such entry).
 * <p>
 * Backward (Giles 2008, "Collected matrix derivative results", sec. 3.1; Seeger et al. 2017):
 * dA = sym(V (diag(dw) + F o (V^T dV)) V^T) with F_ij = 1 / (w_j - w_i) for i != j, F_ii = 0.
 * <p>
 * Degenerate eigenvalues: F_ij is set to 0 when |w_i - w_j| <= tol * max(1, max |w|). Then the
 * result is the exact gradient of any loss that is invariant to the choice of basis inside each
 * degenerate eigenspace (e.g. sum f(w_i), or a projector onto a whole degenerate block): for such a
 * loss V^T dV is symmetric on each block, so the symmetrised pair term F_ij (G_ij - G_ji) / 2 is
 * 0/0 in exact arithmetic with limit 0. For a loss that depends on the basis inside a degenerate
 * eigenspace the gradient does not exist, and this choice silently drops that part.
 */
public final class SymmetricEigen {
    /** Default relative tolerance below which two eigenvalues count as equal in {@link #backward}. */
    public static final double DEFAULT_DEGENERACY_TOLERANCE = 1e-10;

    /** Ascending eigenvalues and the matching unit eigenvectors as the columns of {@code vectors}. */
    public record Result(double[] values, DMatrix vectors) {
    }

    private SymmetricEigen() {
    }

    public static Result forward(DMatrix a) {
        Dense.requireSquare("A", a);
        Dense.requireFinite("A", a);
        int k = a.rows;
        double[] cm = Dense.symmetricPart(a).data; // symmetric, so row- and column-major coincide
        double[] w = new double[k];
        if (k == 0) return new Result(w, new DMatrix(0, 0));
        LAPACK lapack = LAPACK.getInstance();
        intW info = new intW(0);
        double[] query = new double[1];
        lapack.dsyev("V", "L", k, cm, k, w, query, -1, info);
        double[] work = new double[Math.max(3 * k, (int) query[0])];
        lapack.dsyev("V", "L", k, cm, k, w, work, work.length, info);
        if (info.val != 0) throw new IllegalStateException("LAPACK dsyev did not converge (info " + info.val + ")");
        DMatrix v = Dense.fromColumnMajor(cm, k, k, k);
        for (int j = 0; j < k; j++) Dense.canonicalColumnSign(v, j);
        return new Result(w, v);
    }

    /** {@link #backward(Result, double[], DMatrix, double)} with the default degeneracy tolerance. */
    public static DMatrix backward(Result fwd, double[] dW, DMatrix dV) {
        return backward(fwd, dW, dV, DEFAULT_DEGENERACY_TOLERANCE);
    }

    /** Vector-Jacobian product: given forward's result and dW, dV (either may be null), the symmetric dA. */
    public static DMatrix backward(Result fwd, double[] dW, DMatrix dV, double degeneracyTolerance) {
        double[] w = fwd.values();
        DMatrix v = fwd.vectors();
        int k = w.length;
        Dense.requireShape("eigenvectors", v, k, k);
        if (dW != null && dW.length != k) throw new IllegalArgumentException("dW must have length " + k + ", got " + dW.length);
        if (dV != null) Dense.requireShape("dV", dV, k, k);
        DMatrix inner = dV == null ? new DMatrix(k, k) : Dense.multiply(v, true, dV, false); // V^T dV
        double scale = 1.0;
        for (double x : w) scale = Math.max(scale, Math.abs(x));
        double gapFloor = degeneracyTolerance * scale;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double gap = w[j] - w[i];
                int ij = i * k + j;
                if (i == j) inner.data[ij] = dW == null ? 0.0 : dW[i];
                else inner.data[ij] = Math.abs(gap) <= gapFloor ? 0.0 : inner.data[ij] / gap;
            }
        }
        DMatrix g = Dense.multiply(Dense.multiply(v, inner), false, v, true);
        return Dense.symmetricPart(g);
    }
}
