package org.specrage.methods.specrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

class JointDiagonalizationLossTest {
    static final int M = 9, K = 3, V = 3;

    /** A symmetric non-negative m x m matrix with zero diagonal and some zero entries. */
    static FMatrix randomAffinity(int m, SplittableRandom r) {
        FMatrix w = new FMatrix(m, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                float v = r.nextDouble() < 0.3 ? 0f : (float) r.nextDouble();
                w.set(i, j, v);
                w.set(j, i, v);
            }
        }
        return w;
    }

    static FMatrix random(int rows, int cols, SplittableRandom r) {
        FMatrix x = new FMatrix(rows, cols);
        for (int i = 0; i < x.data.length; i++) x.data[i] = (float) (2 * r.nextDouble() - 1);
        return x;
    }

    static FMatrix softmaxRows(FMatrix logits) {
        FMatrix a = new FMatrix(logits.rows, logits.cols);
        for (int i = 0; i < logits.rows; i++) {
            double s = 0;
            for (int v = 0; v < logits.cols; v++) s += Math.exp(logits.get(i, v));
            for (int v = 0; v < logits.cols; v++) a.set(i, v, (float) (Math.exp(logits.get(i, v)) / s));
        }
        return a;
    }

    /** The definition: 1/(m^2 V) sum_v sum_ij W_ij a_iv a_jv |y_i - y_j|^2 / 2, in double. */
    static double bruteForce(FMatrix y, FMatrix a, FMatrix[] w) {
        int m = y.rows;
        double total = 0;
        for (int v = 0; v < w.length; v++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double d2 = 0;
                    for (int c = 0; c < y.cols; c++) {
                        double d = (double) y.get(i, c) - y.get(j, c);
                        d2 += d * d;
                    }
                    total += w[v].get(i, j) * (double) a.get(i, v) * a.get(j, v) * d2 / 2;
                }
            }
        }
        return total / ((double) m * m * w.length);
    }

    private record Case(FMatrix y, FMatrix alpha, FMatrix[] w) {
    }

    private static Case randomCase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FMatrix[] w = new FMatrix[V];
        for (int v = 0; v < V; v++) w[v] = randomAffinity(M, r);
        return new Case(random(M, K, r), softmaxRows(random(M, V, r)), w);
    }

    private static float lossValue(FMatrix y, FMatrix alpha, FMatrix[] w) {
        Tape tape = new Tape();
        return JointDiagonalizationLoss.of(tape, tape.input(y), tape.input(alpha), w).item();
    }

    @Test
    void valueMatchesTheDefinition() {
        Case c = randomCase(1);
        double expected = bruteForce(c.y, c.alpha, c.w);
        assertEquals(expected, lossValue(c.y, c.alpha, c.w), 1e-5 * Math.abs(expected));
    }

    @Test
    void gradientsMatchClosedForms() {
        // dL/dY = 2/(m^2 V) sum_v L~_v Y;  dL/da_iv = 1/(m^2 V) sum_j W_ij a_jv |y_i - y_j|^2
        Case c = randomCase(2);
        Tape tape = new Tape();
        Tensor y = Tensor.leaf(c.y.copy(), true);
        Tensor alpha = Tensor.leaf(c.alpha.copy(), true);
        Tensor loss = JointDiagonalizationLoss.of(tape, tape.watch(y), tape.watch(alpha), c.w);
        tape.backward(loss);
        double scale = 1.0 / ((double) M * M * V);
        for (int i = 0; i < M; i++) {
            for (int col = 0; col < K; col++) {
                double g = 0;
                for (int v = 0; v < V; v++) {
                    for (int j = 0; j < M; j++) {
                        double wt = c.w[v].get(i, j) * (double) c.alpha.get(i, v) * c.alpha.get(j, v);
                        g += 2 * wt * ((double) c.y.get(i, col) - c.y.get(j, col));
                    }
                }
                assertEquals(scale * g, y.grad()[i * K + col], 1e-5 * Math.max(1e-3, Math.abs(scale * g)), "dY " + i + "," + col);
            }
            for (int v = 0; v < V; v++) {
                double g = 0;
                for (int j = 0; j < M; j++) {
                    double d2 = 0;
                    for (int col = 0; col < K; col++) {
                        double d = (double) c.y.get(i, col) - c.y.get(j, col);
                        d2 += d * d;
                    }
                    g += c.w[v].get(i, j) * (double) c.alpha.get(j, v) * d2;
                }
                assertEquals(scale * g, alpha.grad()[i * V + v], 1e-5 * Math.max(1e-3, Math.abs(scale * g)), "dalpha " + i + "," + v);
            }
        }
    }

    @Test
    void gradientsMatchCentralDifferences() {
        // the loss is quadratic in Y and in each alpha column, so central differences are exact up to rounding
        Case c = randomCase(3);
        Tape tape = new Tape();
        Tensor y = Tensor.leaf(c.y.copy(), true);
        Tensor alpha = Tensor.leaf(c.alpha.copy(), true);
        tape.backward(JointDiagonalizationLoss.of(tape, tape.watch(y), tape.watch(alpha), c.w));
        float h = 1e-2f;
        for (FMatrix target : new FMatrix[] {c.y, c.alpha}) {
            float[] analytic = target == c.y ? y.grad() : alpha.grad();
            for (int p = 0; p < target.data.length; p++) {
                float old = target.data[p];
                target.data[p] = old + h;
                double plus = lossValue(c.y, c.alpha, c.w);
                target.data[p] = old - h;
                double minus = lossValue(c.y, c.alpha, c.w);
                target.data[p] = old;
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, analytic[p], 2e-3 * Math.max(1e-2, Math.abs(numeric)), "entry " + p);
            }
        }
    }

    @Test
    void uniformWeightsGiveTheMeanOfSpectralNetLosses() {
        // alpha = 1/V: L = mean_v [(1/m^2) sum_ij W_ij |y_i - y_j|^2] / (2 V^2)
        Case c = randomCase(4);
        FMatrix uniform = new FMatrix(M, V);
        java.util.Arrays.fill(uniform.data, 1f / V);
        double mean = 0;
        FMatrix ones = new FMatrix(M, 1);
        java.util.Arrays.fill(ones.data, 1f);
        for (int v = 0; v < V; v++) mean += 2 * bruteForce(c.y, ones, new FMatrix[] {c.w[v]}) / V;
        double expected = mean / (2.0 * V * V);
        assertEquals(expected, lossValue(c.y, uniform, c.w), 1e-5 * expected);
    }

    @Test
    void loweringTheWeightOfARoughViewLowersTheLoss() {
        // view 1 is rough for sample 0 (its neighbours there are far away): moving sample 0's weight
        // to view 0 must lower the loss, the mechanism that down-weights a contaminated view
        SplittableRandom r = new SplittableRandom(5);
        FMatrix y = random(M, K, r);
        FMatrix[] w = {new FMatrix(M, M), new FMatrix(M, M)};
        for (int j = 1; j < M; j++) {
            double d = 0;
            for (int c = 0; c < K; c++) d += Math.abs(y.get(0, c) - y.get(j, c));
            boolean near = d < 1.0;
            w[near ? 0 : 1].set(0, j, 1f);
            w[near ? 0 : 1].set(j, 0, 1f);
        }
        FMatrix even = new FMatrix(M, 2);
        java.util.Arrays.fill(even.data, 0.5f);
        FMatrix shifted = even.copy();
        shifted.set(0, 0, 0.8f);
        shifted.set(0, 1, 0.2f);
        assertTrue(lossValue(y, shifted, w) < lossValue(y, even, w));
    }
}
