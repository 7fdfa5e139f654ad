package org.specrage.tensor;

import org.specrage.linalg.DMatrix;
import org.specrage.tensor.linalg.Cholesky;
import org.specrage.tensor.linalg.GeneralizedSymmetricEigen;
import org.specrage.tensor.linalg.Inverse;
import org.specrage.tensor.linalg.QR;
import org.specrage.tensor.linalg.SymmetricEigen;
import org.specrage.tensor.linalg.TriangularSolve;

/**
 * The small factorisations of {@link org.specrage.tensor.linalg} as tape ops: float32 in and out,
 * float64 inside. Forward results are kept in double for the backward step. Ops with two outputs
 * (QR, eigen) run one joint backward step once the gradients of both outputs are complete.
 * Errors (not positive definite, singular) propagate as the linalg package's exceptions.
 */
public final class LinalgOps {
    private LinalgOps() {
    }

    /** Thin QR factors: Q m x k with orthonormal columns, R k x k upper-triangular with R_ii >= 0. */
    public record QrResult(Tensor q, Tensor r) {
    }

    /** Eigenvalues ascending as a 1 x k row, eigenvectors as the columns of a k x k matrix. */
    public record EigenResult(Tensor values, Tensor vectors) {
    }

    /** Lower-triangular L with L L^T = (A + A^T) / 2 for a symmetric positive definite k x k A. */
    public static Tensor cholesky(Tensor a) {
        return cholesky(a, 0.0);
    }

    /** As {@link #cholesky(Tensor)}, rejecting pivots below minRelativePivot * A_jj (see {@link Cholesky#forward(DMatrix, double)}). */
    public static Tensor cholesky(Tensor a, double minRelativePivot) {
        Tape tape = Tape.of(a);
        DMatrix l = Cholesky.forward(toDouble(a), minRelativePivot);
        Tensor out = result(tape, l, a.requiresGrad);
        if (out.requiresGrad) tape.record(out, () -> accumulate(a, Cholesky.backward(l, gradOf(out))));
        return out;
    }

    /**
     * X with op(L) X = B (side LEFT) or X op(L) = B (side RIGHT), op(L) = L^T when transposeL;
     * only L's lower triangle is read. SpectralNet's Y L^-T is {@code triangularSolve(l, y, RIGHT, true)}.
     */
    public static Tensor triangularSolve(Tensor l, Tensor b, TriangularSolve.Side side, boolean transposeL) {
        Tape tape = Tape.of(l, b);
        DMatrix ld = toDouble(l);
        DMatrix x = TriangularSolve.forward(ld, toDouble(b), side, transposeL);
        Tensor out = result(tape, x, l.requiresGrad || b.requiresGrad);
        if (out.requiresGrad) {
            tape.record(out, () -> {
                TriangularSolve.Gradients g = TriangularSolve.backward(ld, x, gradOf(out), side, transposeL);
                if (l.requiresGrad) accumulate(l, g.dL());
                if (b.requiresGrad) accumulate(b, g.dB());
            });
        }
        return out;
    }

    /** A^-1 of a square matrix. */
    public static Tensor inverse(Tensor a) {
        Tape tape = Tape.of(a);
        DMatrix x = Inverse.forward(toDouble(a));
        Tensor out = result(tape, x, a.requiresGrad);
        if (out.requiresGrad) tape.record(out, () -> accumulate(a, Inverse.backward(x, gradOf(out))));
        return out;
    }

    /** Thin QR of an m x k matrix, m >= k, with the canonical signs (R_ii >= 0). */
    public static QrResult qr(Tensor a) {
        Tape tape = Tape.of(a);
        QR.Result f = QR.forward(toDouble(a));
        Tensor q = result(tape, f.q(), a.requiresGrad);
        Tensor r = result(tape, f.r(), a.requiresGrad);
        if (a.requiresGrad) {
            Runnable joint = once(() -> accumulate(a, QR.backward(f.q(), f.r(), gradOf(q), gradOf(r))));
            tape.record(q, joint);
            tape.record(r, joint);
        }
        return new QrResult(q, r);
    }

    /** Eigendecomposition of the symmetric part of a k x k matrix (see {@link SymmetricEigen}). */
    public static EigenResult symmetricEigen(Tensor a) {
        return symmetricEigen(a, SymmetricEigen.DEFAULT_DEGENERACY_TOLERANCE);
    }

    /**
     * As {@link #symmetricEigen(Tensor)}; eigenvalue pairs closer than degeneracyTolerance * max(1, max|w|)
     * count as equal in backward, which is then exact for losses that do not depend on the basis chosen
     * inside a repeated eigenspace (see {@link SymmetricEigen}).
     */
    public static EigenResult symmetricEigen(Tensor a, double degeneracyTolerance) {
        Tape tape = Tape.of(a);
        SymmetricEigen.Result f = SymmetricEigen.forward(toDouble(a));
        Tensor values = result(tape, new DMatrix(1, f.values().length, f.values()), a.requiresGrad);
        Tensor vectors = result(tape, f.vectors(), a.requiresGrad);
        if (a.requiresGrad) {
            Runnable joint = once(() -> accumulate(a, SymmetricEigen.backward(f, valuesGrad(values), gradOf(vectors), degeneracyTolerance)));
            tape.record(values, joint);
            tape.record(vectors, joint);
        }
        return new EigenResult(values, vectors);
    }

    /** A c = lambda B c for symmetric A and symmetric positive definite B (see {@link GeneralizedSymmetricEigen}). */
    public static EigenResult generalizedSymmetricEigen(Tensor a, Tensor b) {
        Tape tape = Tape.of(a, b);
        DMatrix ad = toDouble(a), bd = toDouble(b);
        GeneralizedSymmetricEigen.Result f = GeneralizedSymmetricEigen.forward(ad, bd);
        boolean grad = a.requiresGrad || b.requiresGrad;
        Tensor values = result(tape, new DMatrix(1, f.values().length, f.values()), grad);
        Tensor vectors = result(tape, f.vectors(), grad);
        if (grad) {
            Runnable joint = once(() -> {
                GeneralizedSymmetricEigen.Gradients g = GeneralizedSymmetricEigen.backward(ad, bd, f, valuesGrad(values), gradOf(vectors));
                if (a.requiresGrad) accumulate(a, g.dA());
                if (b.requiresGrad) accumulate(b, g.dB());
            });
            tape.record(values, joint);
            tape.record(vectors, joint);
        }
        return new EigenResult(values, vectors);
    }

    // ---- conversions ----

    private static DMatrix toDouble(Tensor t) {
        DMatrix d = new DMatrix(t.rows, t.cols);
        for (int i = 0; i < t.data.length; i++) d.data[i] = t.data[i];
        return d;
    }

    private static Tensor result(Tape tape, DMatrix value, boolean requiresGrad) {
        Tensor out = tape.result(value.rows, value.cols, requiresGrad);
        for (int i = 0; i < out.data.length; i++) out.data[i] = (float) value.data[i];
        return out;
    }

    /** The output's gradient in double, or null when nothing flowed into it (the linalg convention for zero). */
    private static DMatrix gradOf(Tensor out) {
        if (!out.gradLive) return null;
        DMatrix d = new DMatrix(out.rows, out.cols);
        for (int i = 0; i < out.grad.length; i++) d.data[i] = out.grad[i];
        return d;
    }

    private static double[] valuesGrad(Tensor values) {
        DMatrix d = gradOf(values);
        return d == null ? null : d.data;
    }

    private static void accumulate(Tensor t, DMatrix g) {
        float[] d = t.gradForAccumulate();
        for (int i = 0; i < d.length; i++) d[i] += (float) g.data[i];
    }

    /** A backward step shared by two outputs, run when the first of them (in reverse order) is reached. */
    private static Runnable once(Runnable body) {
        boolean[] done = {false};
        return () -> {
            if (done[0]) return;
            done[0] = true;
            body.run();
        };
    }
}
