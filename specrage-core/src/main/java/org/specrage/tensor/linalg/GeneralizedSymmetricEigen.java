package org.specrage.tensor.linalg;

import org.specrage.linalg.DMatrix;
import org.specrage.tensor.linalg.TriangularSolve.Side;

/**
 * Generalised symmetric eigenproblem A c = lambda B c (k x k, A symmetric, B symmetric positive
 * definite), as in SpecNet2. Reduction by Cholesky B = L L^T: C~ = L^-1 A L^-T, C~ y = lambda y,
 * c = L^-T y. Eigenvalues ascending; eigenvectors are the columns of C, B-orthonormal (C^T B C = I),
 * each with its largest-magnitude entry positive (first on ties, as in SymmetricEigen). Forward reads
 * the symmetric parts of A and B.
 * <p>
 * Backward composes the backward passes of the reduction steps ({@link TriangularSolve},
 * {@link SymmetricEigen}, {@link Cholesky}), with the same degeneracy convention as SymmetricEigen.
 */
public final class GeneralizedSymmetricEigen {
    /**
     * Default minimum relative Cholesky pivot of B (see {@link Cholesky#forward(DMatrix, double)}):
     * B is rejected as rank-deficient when a column is within an angle of about 1e-6 of the span of
     * the earlier ones (condition number around 1e12 or worse).
     */
    public static final double DEFAULT_RANK_TOLERANCE = 1e-12;

    /** Ascending eigenvalues and B-orthonormal eigenvectors as the columns of {@code vectors}. */
    public record Result(double[] values, DMatrix vectors) {
    }

    private GeneralizedSymmetricEigen() {
    }

    public static Result forward(DMatrix a, DMatrix b) {
        return forward(a, b, DEFAULT_RANK_TOLERANCE);
    }

    /**
     * @throws NotPositiveDefiniteException if B is not positive definite or is rank-deficient to the
     *         given relative tolerance (message and pivot say where)
     */
    public static Result forward(DMatrix a, DMatrix b, double rankTolerance) {
        Dense.requireSquare("A", a);
        Dense.requireShape("B", b, a.rows, a.cols);
        Dense.requireFinite("A", a);
        Reduction red = reduce(a, b, rankTolerance);
        SymmetricEigen.Result eig = SymmetricEigen.forward(red.reduced);
        DMatrix c = TriangularSolve.forward(red.l, eig.vectors(), Side.LEFT, true);
        for (int j = 0; j < c.cols; j++) Dense.canonicalColumnSign(c, j);
        return new Result(eig.values(), c);
    }

    /** {@link #backward(DMatrix, DMatrix, Result, double[], DMatrix, double)} with default tolerances. */
    public static Gradients backward(DMatrix a, DMatrix b, Result fwd, double[] dW, DMatrix dC) {
        return backward(a, b, fwd, dW, dC, SymmetricEigen.DEFAULT_DEGENERACY_TOLERANCE);
    }

    /** Gradients with respect to A and B (both symmetric). */
    public record Gradients(DMatrix dA, DMatrix dB) {
    }

    /**
     * Vector-Jacobian product: given forward's inputs, its result and dW, dC (either may be null), the
     * symmetric gradients dA and dB. Recomputes the cheap k x k reduction instead of caching it.
     */
    public static Gradients backward(DMatrix a, DMatrix b, Result fwd, double[] dW, DMatrix dC, double degeneracyTolerance) {
        Reduction red = reduce(a, b, 0.0);
        DMatrix c = fwd.vectors();
        // The eigenvectors of C~ that match C's signs: y = L^T c.
        DMatrix y = Dense.multiply(red.l, true, c, false);
        TriangularSolve.Gradients fromC = TriangularSolve.backward(red.l, c, dC, Side.LEFT, true);
        DMatrix dReduced = SymmetricEigen.backward(new SymmetricEigen.Result(fwd.values(), y), dW, fromC.dB(), degeneracyTolerance);
        // reduced = sym(Z), Z = X L^-T, X = L^-1 sym(A); dReduced is symmetric so it is also dZ.
        TriangularSolve.Gradients fromZ = TriangularSolve.backward(red.l, red.z, dReduced, Side.RIGHT, true);
        TriangularSolve.Gradients fromX = TriangularSolve.backward(red.l, red.x, fromZ.dB(), Side.LEFT, false);
        DMatrix dL = Dense.addInPlace(Dense.addInPlace(fromC.dL().copy(), fromZ.dL()), fromX.dL());
        return new Gradients(Dense.symmetricPart(fromX.dB()), Cholesky.backward(red.l, dL));
    }

    /** B = L L^T, X = L^-1 sym(A), Z = X L^-T, reduced = sym(Z). */
    private record Reduction(DMatrix l, DMatrix x, DMatrix z, DMatrix reduced) {
    }

    private static Reduction reduce(DMatrix a, DMatrix b, double rankTolerance) {
        DMatrix l;
        try {
            l = Cholesky.forward(b, rankTolerance);
        } catch (NotPositiveDefiniteException e) {
            throw new NotPositiveDefiniteException("generalised eigenproblem: B must be symmetric positive definite"
                    + " and of full rank; " + e.getMessage(), e.pivotIndex(), e.pivotValue());
        }
        DMatrix x = TriangularSolve.forward(l, Dense.symmetricPart(a), Side.LEFT, false);
        DMatrix z = TriangularSolve.forward(l, x, Side.RIGHT, true);
        return new Reduction(l, x, z, Dense.symmetricPart(z));
    }
}
