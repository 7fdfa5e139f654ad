package org.specrage.methods.common;

import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.LinalgOps;
import org.specrage.tensor.MatrixOps;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;
import org.specrage.tensor.linalg.Cholesky;
import org.specrage.tensor.linalg.NotPositiveDefiniteException;
import org.specrage.tensor.linalg.QR;
import org.specrage.tensor.linalg.TriangularSolve;

/**
 * SpectralNet's orthonormalisation: for a batch output Y~ (m x k), A = sqrt(m) L^-T with
 * Y~^T Y~ = L L^T, so that Y = Y~ A has Y^T Y = m I. A is upper-triangular with a positive diagonal
 * (the canonical choice; QR with R_ii >= 0 gives the same A), so columns never flip sign.
 *
 * <p>Rank deficiency, in two levels. A batch whose output is rank-deficient to double precision
 * (a relative Cholesky pivot of the double Gram matrix below {@link #RANK_TOLERANCE}: a column within
 * about 3e-5 radians of the span of the others), or is zero or not finite, fails the step with a
 * {@link StepFailure}, so training moves on to a fresh batch: such an A would amplify noise by
 * thousands. A merely ill-conditioned batch, where the factorisation fails on a pivot below
 * {@link #MIN_RELATIVE_PIVOT} times its diagonal entry (float32 rounding of Y~^T Y~ can make it
 * indefinite), is factorised again with the jitter Y~^T Y~ + {@link #RELATIVE_JITTER} (trace / k) I.
 */
public final class Orthonormalizer {
    public static final double RANK_TOLERANCE = 1e-9;
    public static final double MIN_RELATIVE_PIVOT = 1e-6;
    public static final double RELATIVE_JITTER = 1e-5;
    private final OrthoMethod method;
    private int jittered;
    private int jitteredReported;
    private FMatrix eye;
    private FMatrix jitterEye;

    public Orthonormalizer(OrthoMethod method) {
        if (method == null) throw new IllegalArgumentException("ortho method must not be null");
        this.method = method;
    }

    /** Number of factorisations that needed the jitter fallback so far. */
    public int jitteredCount() {
        return jittered;
    }

    /** Tells the reporter how many factorisations of the epoch needed the jitter (nothing when none did). */
    public void reportJitter(int epoch, StageReporter reporter) {
        if (jittered == jitteredReported) return;
        reporter.message((jittered - jitteredReported) + " ortho batch(es) in epoch " + epoch
                + " were numerically rank-deficient; factorised with diagonal jitter");
        jitteredReported = jittered;
    }

    /** A as ops on the tape that y (m x k) is on, so the gradient flows through A into y. */
    public Tensor onTape(Tape tape, Tensor y) throws StepFailure {
        int m = y.rows, k = y.cols;
        requireShape(m, k);
        requireFinite(y.data(), m * k);
        boolean qrOk = requireRank(y.value());
        if (eye == null || eye.rows != k) {
            eye = identity(k, 1f);
            jitterEye = identity(k, 0f);
        }
        Tensor eyeTensor = tape.input(eye);
        Tensor lower = null;
        if (method == OrthoMethod.QR && qrOk) {
            lower = LinalgOps.qr(y).r().transpose();
        }
        if (lower == null) {
            Tensor gram = MatrixOps.matmul(y, true, y, false);
            try {
                lower = LinalgOps.cholesky(gram, MIN_RELATIVE_PIVOT);
            } catch (NotPositiveDefiniteException e) {
                double jitter = jitter(gram.data(), k);
                try {
                    for (int i = 0; i < k; i++) jitterEye.data[i * k + i] = (float) jitter;
                    lower = LinalgOps.cholesky(gram.add(tape.input(jitterEye)));
                } catch (NotPositiveDefiniteException again) {
                    throw rankDeficient(m, k, again);
                }
                jittered++;
            }
        }
        return LinalgOps.triangularSolve(lower, eyeTensor, TriangularSolve.Side.LEFT, true).mul((float) Math.sqrt(m));
    }

    /** A in double from the values of y (m x k), treated as a constant. */
    public DMatrix constant(FMatrix y) throws StepFailure {
        int m = y.rows, k = y.cols;
        requireShape(m, k);
        requireFinite(y.data, m * k);
        boolean qrOk = requireRank(y);
        DMatrix lower = null;
        if (method == OrthoMethod.QR && qrOk) {
            DMatrix r = QR.forward(y.toDouble()).r();
            lower = transpose(r);
        }
        if (lower == null) {
            DMatrix gram = gram(y);
            try {
                lower = Cholesky.forward(gram, MIN_RELATIVE_PIVOT);
            } catch (NotPositiveDefiniteException e) {
                double jitter = jitter(gram.data, k);
                DMatrix shifted = gram.copy();
                for (int i = 0; i < k; i++) shifted.data[i * k + i] += jitter;
                try {
                    lower = Cholesky.forward(shifted);
                } catch (NotPositiveDefiniteException again) {
                    throw rankDeficient(m, k, again);
                }
                jittered++;
            }
        }
        DMatrix a = TriangularSolve.forward(lower, identityDouble(k), TriangularSolve.Side.LEFT, true);
        double s = Math.sqrt(m);
        for (int i = 0; i < a.data.length; i++) a.data[i] *= s;
        return a;
    }

    /** Y~^T Y~ in double. */
    public static DMatrix gram(FMatrix y) {
        int m = y.rows, k = y.cols;
        DMatrix g = new DMatrix(k, k);
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < k; i++) {
                double yi = y.data[r * k + i];
                for (int j = 0; j <= i; j++) g.data[i * k + j] += yi * y.data[r * k + j];
            }
        }
        for (int i = 0; i < k; i++) for (int j = 0; j < i; j++) g.data[j * k + i] = g.data[i * k + j];
        return g;
    }

    /**
     * Fails the step when y is rank-deficient to double precision; returns whether it is well
     * conditioned enough for QR (otherwise the jittered Cholesky path takes over: the QR backward is
     * undefined at rank deficiency).
     */
    private static boolean requireRank(FMatrix y) throws StepFailure {
        DMatrix g = gram(y);
        try {
            Cholesky.forward(g, RANK_TOLERANCE);
        } catch (NotPositiveDefiniteException e) {
            throw new StepFailure("the network output on a batch of " + y.rows + " rows has rank below its " + y.cols + " columns (k plus extra_dimensions)"
                    + " (Cholesky pivot " + e.pivotIndex() + " of its Gram matrix is " + e.pivotValue() + ")");
        }
        try {
            Cholesky.forward(g, MIN_RELATIVE_PIVOT);
            return true;
        } catch (NotPositiveDefiniteException e) {
            return false;
        }
    }

    private static double jitter(float[] gram, int k) {
        double trace = 0;
        for (int i = 0; i < k; i++) trace += gram[i * k + i];
        return RELATIVE_JITTER * trace / k;
    }

    private static double jitter(double[] gram, int k) {
        double trace = 0;
        for (int i = 0; i < k; i++) trace += gram[i * k + i];
        return RELATIVE_JITTER * trace / k;
    }

    private static StepFailure rankDeficient(int m, int k, NotPositiveDefiniteException e) {
        return new StepFailure("the network output on a batch of " + m + " rows is numerically rank-deficient even with jitter"
                + " (Cholesky pivot " + e.pivotIndex() + " is " + e.pivotValue() + ")");
    }

    private static void requireShape(int m, int k) throws StepFailure {
        if (k < 1) throw new IllegalArgumentException("the embedding needs at least one column");
        if (m < k) throw new StepFailure("an ortho batch of " + m + " rows cannot orthonormalise " + k + " columns");
    }

    private static void requireFinite(float[] values, int n) throws StepFailure {
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(values[i])) throw new StepFailure("the network output is not finite (" + values[i] + ")");
        }
    }

    static FMatrix identity(int k, float diagonal) {
        FMatrix eye = new FMatrix(k, k);
        for (int i = 0; i < k; i++) eye.data[i * k + i] = diagonal;
        return eye;
    }

    private static DMatrix identityDouble(int k) {
        DMatrix eye = new DMatrix(k, k);
        for (int i = 0; i < k; i++) eye.data[i * k + i] = 1;
        return eye;
    }

    private static DMatrix transpose(DMatrix a) {
        DMatrix t = new DMatrix(a.cols, a.rows);
        for (int i = 0; i < a.rows; i++) for (int j = 0; j < a.cols; j++) t.data[j * a.rows + i] = a.data[i * a.cols + j];
        return t;
    }
}
