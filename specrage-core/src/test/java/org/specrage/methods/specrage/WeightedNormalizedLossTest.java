package org.specrage.methods.specrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/** The SYMMETRIC form: per view tr(Y^T (I - D~^-1/2 W~ D~^-1/2) Y), W~ = diag(alpha) W diag(alpha). */
class WeightedNormalizedLossTest {
    static final int M = 9, K = 3, V = 3;

    /** The definition in double: 1/(m^2 V) sum_v (1/2) sum_ij W~_ij |y_i / sqrt(d~_i) - y_j / sqrt(d~_j)|^2. */
    static double definition(double[] y, double[] alpha, FMatrix[] w) {
        double total = 0;
        for (int v = 0; v < w.length; v++) {
            double[] d = new double[M];
            for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) d[i] += w[v].get(i, j) * alpha[i * V + v] * alpha[j * V + v];
            for (int i = 0; i < M; i++) {
                for (int j = 0; j < M; j++) {
                    double wt = w[v].get(i, j) * alpha[i * V + v] * alpha[j * V + v];
                    if (wt == 0) continue;
                    double d2 = 0;
                    for (int c = 0; c < K; c++) {
                        double diff = y[i * K + c] / Math.sqrt(d[i]) - y[j * K + c] / Math.sqrt(d[j]);
                        d2 += diff * diff;
                    }
                    total += wt * d2 / 2;
                }
            }
        }
        return total / ((double) M * M * w.length);
    }


    private static FMatrix[] affinities(SplittableRandom r) {
        // every row keeps some affinity so that d~ > 0 and the definition's form applies
        FMatrix[] w = new FMatrix[V];
        for (int v = 0; v < V; v++) {
            w[v] = JointDiagonalizationLossTest.randomAffinity(M, r);
            for (int i = 0; i < M; i++) {
                int j = (i + 1) % M;
                w[v].set(i, j, w[v].get(i, j) + 0.5f);
                w[v].set(j, i, w[v].get(i, j));
            }
        }
        return w;
    }

    private static float loss(FMatrix y, FMatrix alpha, FMatrix[] w) {
        Tape tape = new Tape();
        return JointDiagonalizationLoss.of(tape, tape.input(y), tape.input(alpha), w, AffinityNormalization.SYMMETRIC).item();
    }

    @Test
    void valueMatchesTheNormalisedLaplaciansQuadraticForm() {
        SplittableRandom r = new SplittableRandom(1);
        FMatrix[] w = affinities(r);
        FMatrix y = JointDiagonalizationLossTest.random(M, K, r);
        FMatrix alpha = JointDiagonalizationLossTest.softmaxRows(JointDiagonalizationLossTest.random(M, V, r));
        double[] a = LossGradientCheck.toDouble(alpha);
        // direct double evaluation of sum_v [sum_i |y_i|^2 - sum_ij W~_ij y_i.y_j / sqrt(d~_i d~_j)]
        double expected = 0;
        for (int v = 0; v < V; v++) {
            double[] d = new double[M];
            for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) d[i] += w[v].get(i, j) * a[i * V + v] * a[j * V + v];
            for (int i = 0; i < M; i++) {
                for (int c = 0; c < K; c++) expected += (double) y.get(i, c) * y.get(i, c);
                for (int j = 0; j < M; j++) {
                    double dot = 0;
                    for (int c = 0; c < K; c++) dot += (double) y.get(i, c) * y.get(j, c);
                    expected -= w[v].get(i, j) * a[i * V + v] * a[j * V + v] / Math.sqrt(d[i] * d[j]) * dot;
                }
            }
        }
        expected /= (double) M * M * V;
        assertEquals(expected, loss(y, alpha, w), 1e-5 * Math.abs(expected));
        // and the edge form of the normalised Laplacian, (1/2) sum_ij W~_ij |y_i / sqrt(d~_i) - y_j / sqrt(d~_j)|^2
        double edge = definition(LossGradientCheck.toDouble(y), a, w);
        assertEquals(edge, expected, 1e-9 * Math.abs(expected));
    }

    @Test
    void gradientsMatchCentralDifferencesOfTheDoubleDefinition() {
        SplittableRandom r = new SplittableRandom(2);
        FMatrix[] w = affinities(r);
        FMatrix y0 = JointDiagonalizationLossTest.random(M, K, r);
        FMatrix alpha0 = JointDiagonalizationLossTest.softmaxRows(JointDiagonalizationLossTest.random(M, V, r));
        LossGradientCheck.assertGradients(y0, alpha0, w, AffinityNormalization.SYMMETRIC, (yd, ad) -> quadraticForm(yd, ad, w));
    }

    /** sum_v [sum_i |y_i|^2 - sum_ij W~_ij y_i.y_j / sqrt(d~_i d~_j)] / (m^2 V), in double. */
    static double quadraticForm(double[] y, double[] a, FMatrix[] w) {
        double total = 0;
        for (int v = 0; v < w.length; v++) {
            double[] d = new double[M];
            for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) d[i] += w[v].get(i, j) * a[i * V + v] * a[j * V + v];
            for (int i = 0; i < M; i++) {
                for (int c = 0; c < K; c++) total += y[i * K + c] * y[i * K + c];
                for (int j = 0; j < M; j++) {
                    double dot = 0;
                    for (int c = 0; c < K; c++) dot += y[i * K + c] * y[j * K + c];
                    total -= w[v].get(i, j) * a[i * V + v] * a[j * V + v] / Math.sqrt(d[i] * d[j]) * dot;
                }
            }
        }
        return total / ((double) M * M * w.length);
    }

    @Test
    void scalingOneViewsWeightsForEverySampleLeavesItsTermUnchanged() {
        SplittableRandom r = new SplittableRandom(3);
        FMatrix[] w = affinities(r);
        FMatrix y = JointDiagonalizationLossTest.random(M, K, r);
        FMatrix alpha = JointDiagonalizationLossTest.softmaxRows(JointDiagonalizationLossTest.random(M, V, r));
        FMatrix scaled = alpha.copy();
        for (int i = 0; i < M; i++) scaled.set(i, 1, 0.25f * alpha.get(i, 1));
        float before = loss(y, alpha, w), after = loss(y, scaled, w);
        assertEquals(before, after, 1e-5 * Math.abs(before));
    }

    @Test
    void aRowWithoutAffinityStaysFinite() {
        SplittableRandom r = new SplittableRandom(4);
        FMatrix[] w = affinities(r);
        for (int j = 0; j < M; j++) {
            w[0].set(0, j, 0f);
            w[0].set(j, 0, 0f);
        }
        FMatrix y = JointDiagonalizationLossTest.random(M, K, r);
        Tape tape = new Tape();
        Tensor alpha = Tensor.leaf(JointDiagonalizationLossTest.softmaxRows(JointDiagonalizationLossTest.random(M, V, r)), true);
        Tensor yt = Tensor.leaf(y, true);
        Tensor l = JointDiagonalizationLoss.of(tape, tape.watch(yt), tape.watch(alpha), w, AffinityNormalization.SYMMETRIC);
        tape.backward(l);
        assertTrue(Float.isFinite(l.item()));
        for (float g : alpha.grad()) assertTrue(Float.isFinite(g));
        for (float g : yt.grad()) assertTrue(Float.isFinite(g));
    }
}
