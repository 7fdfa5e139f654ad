package org.specrage.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.specrage.linalg.DMatrix;

/**
 * Finite-difference gradient checks in double. A scalar loss of the inputs is differentiated with the
 * fourth-order central stencil (8 (f(x+h) - f(x-h)) - (f(x+2h) - f(x-2h))) / (12 h), whose error is
 * O(h^4), and compared with the analytic gradient along random directions and entry by entry.
 */
final class GradCheck {
    static final double TOLERANCE = 1e-6;
    private static final double STEP = 1e-3;

    private GradCheck() {
    }

    /**
     * Checks that {@code grads} is the gradient of {@code loss} at {@code inputs}: along {@code directions}
     * random Gaussian directions (relative error of the directional derivative below 1e-6), and, for
     * every entry, |fd - analytic| below 1e-6 times the largest |analytic| entry of that input.
     */
    static void check(ToDoubleFunction<DMatrix[]> loss, DMatrix[] inputs, DMatrix[] grads, long seed, int directions) {
        assertEquals(inputs.length, grads.length);
        for (int i = 0; i < inputs.length; i++) {
            assertEquals(inputs[i].rows, grads[i].rows, "gradient rows of input " + i);
            assertEquals(inputs[i].cols, grads[i].cols, "gradient cols of input " + i);
            for (double g : grads[i].data) assertTrue(Double.isFinite(g), "non-finite gradient entry");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int d = 0; d < directions; d++) {
            DMatrix[] dir = new DMatrix[inputs.length];
            double analytic = 0;
            for (int i = 0; i < inputs.length; i++) {
                dir[i] = gaussian(inputs[i].rows, inputs[i].cols, rnd);
                analytic += inner(grads[i], dir[i]);
            }
            double fd = directional(loss, inputs, dir);
            double scale = Math.max(Math.abs(fd), Math.abs(analytic));
            assertTrue(Math.abs(fd - analytic) <= TOLERANCE * scale,
                    "direction " + d + ": finite difference " + fd + " vs analytic " + analytic);
        }
        for (int i = 0; i < inputs.length; i++) {
            double gradScale = 0;
            for (double g : grads[i].data) gradScale = Math.max(gradScale, Math.abs(g));
            assertTrue(gradScale > 0, "gradient of input " + i + " is identically zero; nothing is checked");
            for (int e = 0; e < inputs[i].data.length; e++) {
                DMatrix[] dir = new DMatrix[inputs.length];
                for (int j = 0; j < inputs.length; j++) dir[j] = new DMatrix(inputs[j].rows, inputs[j].cols);
                dir[i].data[e] = 1.0;
                double fd = directional(loss, inputs, dir);
                assertTrue(Math.abs(fd - grads[i].data[e]) <= TOLERANCE * gradScale,
                        "input " + i + " entry (" + e / inputs[i].cols + ", " + e % inputs[i].cols + "): finite difference "
                                + fd + " vs analytic " + grads[i].data[e]);
            }
        }
    }

    private static double directional(ToDoubleFunction<DMatrix[]> loss, DMatrix[] x, DMatrix[] dir) {
        double p1 = loss.applyAsDouble(shift(x, dir, STEP));
        double m1 = loss.applyAsDouble(shift(x, dir, -STEP));
        double p2 = loss.applyAsDouble(shift(x, dir, 2 * STEP));
        double m2 = loss.applyAsDouble(shift(x, dir, -2 * STEP));
        return (8 * (p1 - m1) - (p2 - m2)) / (12 * STEP);
    }

    private static DMatrix[] shift(DMatrix[] x, DMatrix[] dir, double t) {
        DMatrix[] out = new DMatrix[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].copy();
            for (int e = 0; e < out[i].data.length; e++) out[i].data[e] += t * dir[i].data[e];
        }
        return out;
    }

    static double inner(DMatrix a, DMatrix b) {
        assertEquals(a.rows, b.rows);
        assertEquals(a.cols, b.cols);
        double s = 0;
        for (int i = 0; i < a.data.length; i++) s += a.data[i] * b.data[i];
        return s;
    }

    static double inner(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static DMatrix gaussian(int rows, int cols, SplittableRandom rnd) {
        DMatrix m = new DMatrix(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = gaussian(rnd);
        return m;
    }

    static double[] gaussianVector(int n, SplittableRandom rnd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = gaussian(rnd);
        return v;
    }

    static double gaussian(SplittableRandom rnd) {
        return rnd.nextGaussian();
    }

    /** M M^T + k I for a Gaussian k x k M: symmetric positive definite and well conditioned. */
    static DMatrix spd(int k, SplittableRandom rnd) {
        DMatrix m = gaussian(k, k, rnd);
        DMatrix a = Dense.multiply(m, false, m, true);
        for (int i = 0; i < k; i++) a.data[i * k + i] += k;
        return a;
    }

    static DMatrix identity(int k) {
        DMatrix id = new DMatrix(k, k);
        for (int i = 0; i < k; i++) id.data[i * k + i] = 1;
        return id;
    }

    /** Largest |a - b| entry, after checking the shapes agree. */
    static double maxAbsDiff(DMatrix a, DMatrix b) {
        assertEquals(a.rows, b.rows);
        assertEquals(a.cols, b.cols);
        double m = 0;
        for (int i = 0; i < a.data.length; i++) m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
        return m;
    }

    static double maxAbs(DMatrix a) {
        double m = 0;
        for (double x : a.data) m = Math.max(m, Math.abs(x));
        return m;
    }

    static DMatrix scale(DMatrix a, double s) {
        for (int i = 0; i < a.data.length; i++) a.data[i] *= s;
        return a;
    }
}
