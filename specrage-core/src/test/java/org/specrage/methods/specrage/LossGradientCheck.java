package org.specrage.methods.specrage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.specrage.linalg.FMatrix;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/** Checks the loss's float32 gradients against central differences of an independent double-precision definition. */
final class LossGradientCheck {
    /** A loss written out in double: the value at embedding y and weights a (both row-major). */
    interface Definition {
        double value(double[] y, double[] a);
    }

    private LossGradientCheck() {
    }

    /** Asserts both gradients to 1e-5 of the largest numeric entry. */
    static void assertGradients(FMatrix y0, FMatrix alpha0, FMatrix[] w, AffinityNormalization form, Definition definition) {
        Tape tape = new Tape();
        Tensor y = Tensor.leaf(y0.copy(), true);
        Tensor alpha = Tensor.leaf(alpha0.copy(), true);
        tape.backward(JointDiagonalizationLoss.of(tape, tape.watch(y), tape.watch(alpha), w, form));
        double[] yd = toDouble(y0), ad = toDouble(alpha0);
        double largest = 0;
        double[][] numeric = {new double[yd.length], new double[ad.length]};
        double h = 1e-5;
        for (int t = 0; t < 2; t++) {
            double[] x = t == 0 ? yd : ad;
            for (int p = 0; p < x.length; p++) {
                double old = x[p];
                x[p] = old + h;
                double plus = definition.value(yd, ad);
                x[p] = old - h;
                double minus = definition.value(yd, ad);
                x[p] = old;
                numeric[t][p] = (plus - minus) / (2 * h);
                largest = Math.max(largest, Math.abs(numeric[t][p]));
            }
        }
        for (int p = 0; p < yd.length; p++) assertEquals(numeric[0][p], y.grad()[p], 1e-5 * largest, "dY entry " + p);
        for (int p = 0; p < ad.length; p++) assertEquals(numeric[1][p], alpha.grad()[p], 1e-5 * largest, "dalpha entry " + p);
    }

    static double[] toDouble(FMatrix x) {
        double[] out = new double[x.data.length];
        for (int i = 0; i < out.length; i++) out[i] = x.data[i];
        return out;
    }
}
