package org.specrage.methods.specrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/** The SYMMETRIC_FIXED_DEGREES form: per view tr(Y^T A (I - N) A Y), N = D^-1/2 W D^-1/2, A = diag(alpha_v). */
class FixedDegreesNormalizedLossTest {
    static final int M = 9, K = 3, V = 3;

    /** Normalised adjacencies of random affinities, built by the production normalisation. */
    private static FMatrix[] normalizedAdjacencies(SplittableRandom r) {
        FMatrix[] n = new FMatrix[V];
        for (int v = 0; v < V; v++) {
            n[v] = JointDiagonalizationLossTest.randomAffinity(M, r);
            AffinityNormalization.SYMMETRIC_FIXED_DEGREES.apply(n[v].data, M, new double[M]);
        }
        return n;
    }

    /** The definition in double: 1/(m^2 V) sum_v (A y)^T (I - N_v) (A y), column by column. */
    static double definition(double[] y, double[] a, FMatrix[] n) {
        double total = 0;
        for (int v = 0; v < n.length; v++) {
            for (int c = 0; c < K; c++) {
                double[] z = new double[M];
                for (int i = 0; i < M; i++) z[i] = a[i * V + v] * y[i * K + c];
                for (int i = 0; i < M; i++) {
                    double row = z[i];
                    for (int j = 0; j < M; j++) row -= n[v].get(i, j) * z[j];
                    total += z[i] * row;
                }
            }
        }
        return total / ((double) M * M * n.length);
    }


    private static float loss(FMatrix y, FMatrix alpha, FMatrix[] n) {
        Tape tape = new Tape();
        return JointDiagonalizationLoss.of(tape, tape.input(y), tape.input(alpha), n, AffinityNormalization.SYMMETRIC_FIXED_DEGREES).item();
    }

    @Test
    void normalisationMakesDegreesOneBeforeTheSquareRoots() {
        SplittableRandom r = new SplittableRandom(5);
        FMatrix w = JointDiagonalizationLossTest.randomAffinity(M, r);
        FMatrix n = w.copy();
        AffinityNormalization.SYMMETRIC_FIXED_DEGREES.apply(n.data, M, new double[M]);
        double[] d = new double[M];
        for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) d[i] += w.get(i, j);
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < M; j++) assertEquals(w.get(i, j) / Math.sqrt(d[i] * d[j]), n.get(i, j), 1e-6);
        }
    }

    @Test
    void valueMatchesTheDefinition() {
        SplittableRandom r = new SplittableRandom(1);
        FMatrix[] n = normalizedAdjacencies(r);
        FMatrix y = JointDiagonalizationLossTest.random(M, K, r);
        FMatrix alpha = JointDiagonalizationLossTest.softmaxRows(JointDiagonalizationLossTest.random(M, V, r));
        double expected = definition(LossGradientCheck.toDouble(y), LossGradientCheck.toDouble(alpha), n);
        assertEquals(expected, loss(y, alpha, n), 1e-5 * Math.abs(expected));
        assertTrue(expected > 0, "I - N is positive semi-definite");
    }

    @Test
    void uniformWeightsGiveTheMeanNormalizedLaplacianForm() {
        // alpha = 1/V: (1/V^2) mean_v tr(Y^T L_sym,v Y) / m^2
        SplittableRandom r = new SplittableRandom(6);
        FMatrix[] n = normalizedAdjacencies(r);
        FMatrix y = JointDiagonalizationLossTest.random(M, K, r);
        FMatrix uniform = new FMatrix(M, V);
        java.util.Arrays.fill(uniform.data, 1f / V);
        double mean = 0;
        for (int v = 0; v < V; v++) {
            for (int c = 0; c < K; c++) {
                for (int i = 0; i < M; i++) {
                    double row = y.get(i, c);
                    for (int j = 0; j < M; j++) row -= n[v].get(i, j) * y.get(j, c);
                    mean += y.get(i, c) * row / V;
                }
            }
        }
        double expected = mean / ((double) V * V * M * M);
        assertEquals(expected, loss(y, uniform, n), 1e-5 * expected);
    }

    @Test
    void gradientsMatchCentralDifferencesOfTheDoubleDefinition() {
        SplittableRandom r = new SplittableRandom(2);
        FMatrix[] n = normalizedAdjacencies(r);
        FMatrix y0 = JointDiagonalizationLossTest.random(M, K, r);
        FMatrix alpha0 = JointDiagonalizationLossTest.softmaxRows(JointDiagonalizationLossTest.random(M, V, r));
        LossGradientCheck.assertGradients(y0, alpha0, n, AffinityNormalization.SYMMETRIC_FIXED_DEGREES, (yd, ad) -> definition(yd, ad, n));
    }

    @Test
    void aViewsTermIsOfDegreeTwoInItsWeights() {
        // scaling every sample's weight in one view by c scales that view's term by c^2 (no pull to a vertex)
        SplittableRandom r = new SplittableRandom(3);
        FMatrix[] n = normalizedAdjacencies(r);
        FMatrix y = JointDiagonalizationLossTest.random(M, K, r);
        FMatrix alpha = JointDiagonalizationLossTest.softmaxRows(JointDiagonalizationLossTest.random(M, V, r));
        FMatrix scaled = alpha.copy();
        for (int i = 0; i < M; i++) scaled.set(i, 1, 0.5f * alpha.get(i, 1));
        double[] a = LossGradientCheck.toDouble(alpha), s = LossGradientCheck.toDouble(scaled), yd = LossGradientCheck.toDouble(y);
        double view1 = definition(yd, a, n) - definition(yd, withoutView(a, 1), n);
        double expected = definition(yd, a, n) - 0.75 * view1;
        assertEquals(expected, loss(y, scaled, n), 1e-5 * Math.abs(expected));
        assertEquals(expected, definition(yd, s, n), 1e-9 * Math.abs(expected));
    }

    private static double[] withoutView(double[] a, int view) {
        double[] out = a.clone();
        for (int i = 0; i < M; i++) out[i * V + view] = 0;
        return out;
    }

    @Test
    void aSampleWhoseNeighboursDisagreeLosesWeightThere() {
        // sample 0's neighbours agree with it in view 0 and point the other way in view 1:
        // the gradient must lower its view-1 weight relative to its view-0 weight
        FMatrix y = new FMatrix(M, 1);
        for (int i = 0; i < M; i++) y.set(i, 0, i % 2 == 0 ? 1f : -1f);
        FMatrix[] n = {new FMatrix(M, M), new FMatrix(M, M), new FMatrix(M, M)};
        for (int j = 1; j < M; j++) {
            int v = j % 2 == 0 ? 0 : 1;
            n[v].set(0, j, 0.2f);
            n[v].set(j, 0, 0.2f);
        }
        FMatrix even = new FMatrix(M, V);
        java.util.Arrays.fill(even.data, 1f / V);
        Tape tape = new Tape();
        Tensor alpha = Tensor.leaf(even, true);
        tape.backward(JointDiagonalizationLoss.of(tape, tape.input(y), tape.watch(alpha), n, AffinityNormalization.SYMMETRIC_FIXED_DEGREES));
        assertTrue(alpha.grad()[1] > alpha.grad()[0], "dL/da for the disagreeing view " + alpha.grad()[1] + " vs agreeing " + alpha.grad()[0]);
    }
}
