package org.specrage.tensor.linalg;

import org.specrage.linalg.DMatrix;

/**
 * Cholesky factorisation A = L L^T of a k x k symmetric positive definite matrix, L lower-triangular
 * with positive diagonal. Forward reads the symmetric part (A + A^T) / 2, so the gradient returned by
 * {@link #backward} is symmetric and exact for every entry of A.
 * <p>
 * Backward (Murray 2016, "Differentiation of the Cholesky decomposition", eq. 10, symmetric form):
 * dA = sym(L^-T Phi(L^T dL) L^-1), where Phi takes the lower triangle and halves the diagonal and
 * sym(X) = (X + X^T) / 2. Only the lower triangle of dL matters (L's upper triangle is constant zero).
 */
public final class Cholesky {
    /** Initial jitter of {@link #forwardWithJitter(DMatrix, int)}, relative to trace(A) / k. */
    public static final double DEFAULT_INITIAL_RELATIVE_JITTER = 1e-10;

    /** Result of {@link #forwardWithJitter}: L with L L^T = A + jitter I, and the attempts made. */
    public record Jittered(DMatrix l, double jitter, int attempts) {
    }

    private Cholesky() {
    }

    /**
     * Lower L with L L^T = A.
     *
     * @throws NotPositiveDefiniteException at the first pivot that is not positive, with its index and value
     */
    public static DMatrix forward(DMatrix a) {
        return forward(a, 0.0);
    }

    /**
     * Lower L with L L^T = A, rejecting pivots d_j <= minRelativePivot * A_jj as numerically not positive
     * definite. For a Gram matrix A = Y^T Y, d_j / A_jj is the squared sine of the angle between column j
     * of Y and the span of the earlier columns, so this detects near rank deficiency scale-free.
     */
    public static DMatrix forward(DMatrix a, double minRelativePivot) {
        Dense.requireSquare("A", a);
        Dense.requireFinite("A", a);
        if (!(minRelativePivot >= 0)) throw new IllegalArgumentException("minRelativePivot must be >= 0, got " + minRelativePivot);
        int k = a.rows;
        double[] ad = a.data;
        DMatrix l = new DMatrix(k, k);
        double[] ld = l.data;
        for (int j = 0; j < k; j++) {
            int rowJ = j * k;
            double d = ad[rowJ + j];
            for (int p = 0; p < j; p++) d -= ld[rowJ + p] * ld[rowJ + p];
            if (!(d > 0 && d > minRelativePivot * ad[rowJ + j])) {
                String why = d > 0 ? " <= " + minRelativePivot + " * A_jj = " + minRelativePivot * ad[rowJ + j]
                        + " (numerically rank-deficient)" : "";
                throw new NotPositiveDefiniteException("matrix is not positive definite: Cholesky pivot " + j
                        + " of " + k + " is " + d + why, j, d);
            }
            double ljj = Math.sqrt(d);
            ld[rowJ + j] = ljj;
            for (int i = j + 1; i < k; i++) {
                int rowI = i * k;
                double s = 0.5 * (ad[rowI + j] + ad[rowJ + i]);
                for (int p = 0; p < j; p++) s -= ld[rowI + p] * ld[rowJ + p];
                ld[rowI + j] = s / ljj;
            }
        }
        return l;
    }

    /** {@link #forwardWithJitter(DMatrix, int, double)} with the default initial jitter. */
    public static Jittered forwardWithJitter(DMatrix a, int maxTries) {
        return forwardWithJitter(a, maxTries, DEFAULT_INITIAL_RELATIVE_JITTER);
    }

    /**
     * Cholesky of A, retrying on failure with A + jitter I. Attempt 1 uses no jitter; attempt t >= 2 uses
     * jitter = initialRelativeJitter * scale * 10^(t - 2), scale = trace(A) / k (or the largest |A_jj| if
     * that is not positive, or 1 if A is zero). At most maxTries attempts. The backward pass of the result
     * is {@link #backward} with the returned L (the jitter is treated as a constant).
     *
     * @throws NotPositiveDefiniteException from the last attempt if all fail
     */
    public static Jittered forwardWithJitter(DMatrix a, int maxTries, double initialRelativeJitter) {
        if (maxTries < 1) throw new IllegalArgumentException("maxTries must be >= 1, got " + maxTries);
        if (!(initialRelativeJitter > 0)) {
            throw new IllegalArgumentException("initialRelativeJitter must be > 0, got " + initialRelativeJitter);
        }
        Dense.requireSquare("A", a);
        Dense.requireFinite("A", a);
        int k = a.rows;
        double jitter = 0;
        double step = initialRelativeJitter * jitterScale(a);
        NotPositiveDefiniteException last = null;
        for (int attempt = 1; attempt <= maxTries; attempt++) {
            DMatrix shifted = a;
            if (attempt > 1) {
                jitter = attempt == 2 ? step : jitter * 10;
                shifted = a.copy();
                for (int i = 0; i < k; i++) shifted.data[i * k + i] += jitter;
            }
            try {
                return new Jittered(forward(shifted), jitter, attempt);
            } catch (NotPositiveDefiniteException e) {
                last = e;
            }
        }
        throw new NotPositiveDefiniteException(last.getMessage() + " (still after " + maxTries
                + " attempts, last jitter " + jitter + ")", last.pivotIndex(), last.pivotValue());
    }

    private static double jitterScale(DMatrix a) {
        int k = a.rows;
        double trace = 0, maxAbsDiag = 0;
        for (int i = 0; i < k; i++) {
            trace += a.data[i * k + i];
            maxAbsDiag = Math.max(maxAbsDiag, Math.abs(a.data[i * k + i]));
        }
        if (trace > 0) return trace / k;
        return maxAbsDiag > 0 ? maxAbsDiag : 1.0;
    }

    /** Vector-Jacobian product: given L = forward(A) and dL, the (symmetric) gradient dA. */
    public static DMatrix backward(DMatrix l, DMatrix dL) {
        Dense.requireSquare("L", l);
        int k = l.rows;
        if (dL == null) return new DMatrix(k, k);
        Dense.requireShape("dL", dL, k, k);
        DMatrix phi = Dense.lower(Dense.multiply(l, true, dL, false)); // L^T dL, lower triangle
        for (int i = 0; i < k; i++) phi.data[i * k + i] *= 0.5;
        DMatrix left = TriangularSolve.forward(l, phi, TriangularSolve.Side.LEFT, true);   // L^-T Phi
        DMatrix g = TriangularSolve.forward(l, left, TriangularSolve.Side.RIGHT, false);   // ... L^-1
        return Dense.symmetricPart(g);
    }
}
