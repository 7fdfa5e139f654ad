package org.specrage.methods.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;
import org.specrage.tensor.linalg.Cholesky;
import org.specrage.tensor.linalg.TriangularSolve;

class OrthonormalizerTest {
    private static FMatrix random(int m, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FMatrix y = new FMatrix(m, k);
        for (int i = 0; i < y.data.length; i++) y.data[i] = (float) (r.nextDouble() * 2 - 1);
        return y;
    }

    /** Y A in double, A = sqrt(m) L^-T with L L^T = Y^T Y. */
    private static DMatrix reference(DMatrix y) {
        int m = y.rows, k = y.cols;
        DMatrix g = new DMatrix(k, k);
        for (int r = 0; r < m; r++) for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) g.data[i * k + j] += y.get(r, i) * y.get(r, j);
        DMatrix eye = new DMatrix(k, k);
        for (int i = 0; i < k; i++) eye.set(i, i, 1);
        DMatrix a = TriangularSolve.forward(Cholesky.forward(g), eye, TriangularSolve.Side.LEFT, true);
        DMatrix out = new DMatrix(m, k);
        for (int r = 0; r < m; r++) for (int j = 0; j < k; j++) {
            double s = 0;
            for (int p = 0; p < k; p++) s += y.get(r, p) * a.get(p, j);
            out.set(r, j, Math.sqrt(m) * s);
        }
        return out;
    }

    @Test
    void choleskyAndQrGiveTheSameUpperTriangularA() throws StepFailure {
        FMatrix y = random(50, 4, 1);
        DMatrix chol = new Orthonormalizer(OrthoMethod.CHOLESKY).constant(y);
        DMatrix qr = new Orthonormalizer(OrthoMethod.QR).constant(y);
        for (int i = 0; i < 16; i++) assertEquals(chol.data[i], qr.data[i], 1e-9 * Math.max(1, Math.abs(chol.data[i])));
        for (int i = 0; i < 4; i++) {
            assertTrue(chol.get(i, i) > 0, "positive diagonal");
            for (int j = 0; j < i; j++) assertEquals(0.0, chol.get(i, j), "upper-triangular");
        }
        // Y A has Y^T Y = m I
        FMatrix ya = ModelFiles.multiply(y, chol);
        DMatrix gram = Orthonormalizer.gram(ya);
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) assertEquals(i == j ? 50.0 : 0.0, gram.get(i, j), 1e-4);
    }

    @Test
    void tapeGradientMatchesFiniteDifferences() throws StepFailure {
        for (OrthoMethod method : OrthoMethod.values()) {
            FMatrix y0 = random(12, 3, 4);
            Tape tape = new Tape();
            Tensor leaf = Tensor.leaf(y0.copy(), true);
            Tensor y = tape.watch(leaf);
            Tensor out = y.matmul(new Orthonormalizer(method).onTape(tape, y));
            DMatrix x = y0.toDouble();
            DMatrix expected = reference(x);
            for (int i = 0; i < expected.data.length; i++) assertEquals(expected.data[i], out.data()[i], 1e-4, method + " forward");
            SplittableRandom r = new SplittableRandom(8);
            float[] seed = new float[out.size()];
            for (int i = 0; i < seed.length; i++) seed[i] = (float) (r.nextDouble() * 2 - 1);
            tape.backward(out, seed);
            float[] analytic = leaf.grad();
            double worst = 0, scale = 0;
            double[] numeric = new double[analytic.length];
            for (int j = 0; j < numeric.length; j++) {
                double orig = x.data[j], h = 1e-6;
                x.data[j] = orig + h;
                double plus = dot(reference(x), seed);
                x.data[j] = orig - h;
                double minus = dot(reference(x), seed);
                x.data[j] = orig;
                numeric[j] = (plus - minus) / (2 * h);
                scale = Math.max(scale, Math.abs(numeric[j]));
            }
            for (int j = 0; j < numeric.length; j++) worst = Math.max(worst, Math.abs(numeric[j] - analytic[j]) / scale);
            assertTrue(worst < 1e-4, method + ": worst relative gradient error " + worst);
        }
    }

    private static double dot(DMatrix m, float[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) s += m.data[i] * w[i];
        return s;
    }

    @Test
    void illConditionedBatchIsFactorisedWithJitter() throws StepFailure {
        FMatrix y = random(30, 3, 2);
        FMatrix noise = random(30, 1, 3);
        // column 2 is column 0 up to 3e-4 noise: relative pivot about 1e-7, between the rank tolerance and the minimum pivot
        for (int r = 0; r < 30; r++) y.set(r, 2, y.get(r, 0) + 3e-4f * noise.get(r, 0));
        for (OrthoMethod method : OrthoMethod.values()) {
            Orthonormalizer o = new Orthonormalizer(method);
            DMatrix a = o.constant(y);
            assertEquals(1, o.jitteredCount(), method.toString());
            for (double v : a.data) assertTrue(Double.isFinite(v));
            Tape tape = new Tape();
            Tensor t = tape.watch(Tensor.leaf(y, true));
            Tensor onTape = o.onTape(tape, t);
            assertEquals(2, o.jitteredCount());
            for (float v : onTape.data()) assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void rankDeficientBatchFailsTheStep() {
        FMatrix y = random(30, 3, 2);
        for (int r = 0; r < 30; r++) y.set(r, 2, y.get(r, 0)); // column 2 repeats column 0
        for (OrthoMethod method : OrthoMethod.values()) {
            Orthonormalizer o = new Orthonormalizer(method);
            StepFailure e = assertThrows(StepFailure.class, () -> o.constant(y));
            assertTrue(e.getMessage().contains("rank below its 3 columns (k plus extra_dimensions)"), e.getMessage());
            Tape tape = new Tape();
            Tensor t = tape.watch(Tensor.leaf(y, true));
            assertThrows(StepFailure.class, () -> o.onTape(tape, t));
            assertEquals(0, o.jitteredCount());
        }
    }

    @Test
    void zeroOrNonFiniteOutputFailsTheStep() {
        Orthonormalizer o = new Orthonormalizer(OrthoMethod.CHOLESKY);
        StepFailure zero = assertThrows(StepFailure.class, () -> o.constant(new FMatrix(10, 2)));
        assertTrue(zero.getMessage().contains("rank below its"), zero.getMessage());
        FMatrix nan = random(10, 2, 3);
        nan.data[5] = Float.NaN;
        StepFailure e = assertThrows(StepFailure.class, () -> o.constant(nan));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
        assertThrows(StepFailure.class, () -> o.constant(random(2, 3, 1)), "fewer rows than columns");
    }
}
