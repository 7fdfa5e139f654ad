package org.specrage.methods.ssl;

import java.util.function.Function;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * Checks a loss on the engine (float32) against a double reference: the forward value, and the
 * gradient against central differences of the reference in double (step 1e-6 relative, accurate
 * to about 1e-9). The gradient tolerance is relative to the largest gradient entry.
 */
final class LossGradientCheck {
    private LossGradientCheck() {
    }

    /** Returns the worst relative gradient error; throws AssertionError past the tolerances. */
    static double check(FMatrix z0, SslLoss loss, RelationBatch batch, Function<DMatrix, Double> reference,
                        double forwardTolerance, double gradientTolerance) {
        Tape tape = new Tape();
        Tensor leaf = Tensor.leaf(z0.copy(), true);
        Tensor value = loss.loss(tape, tape.watch(leaf), batch);
        DMatrix x = z0.toDouble();
        double expected = reference.apply(x);
        if (!(Math.abs(value.item() - expected) <= forwardTolerance * Math.max(1e-3, Math.abs(expected)))) {
            throw new AssertionError(loss.name() + " forward: engine " + value.item() + ", reference " + expected);
        }
        tape.backward(value);
        float[] analytic = leaf.grad();
        double[] numeric = new double[analytic.length];
        double scale = 0;
        for (int j = 0; j < numeric.length; j++) {
            double original = x.data[j];
            double h = 1e-6 * Math.max(1.0, Math.abs(original));
            x.data[j] = original + h;
            double plus = reference.apply(x);
            x.data[j] = original - h;
            double minus = reference.apply(x);
            x.data[j] = original;
            numeric[j] = (plus - minus) / (2 * h);
            scale = Math.max(scale, Math.abs(numeric[j]));
        }
        double worst = 0;
        for (int j = 0; j < numeric.length; j++) {
            double rel = Math.abs(analytic[j] - numeric[j]) / Math.max(scale, 1e-6);
            worst = Math.max(worst, rel);
            if (!(rel <= gradientTolerance)) {
                throw new AssertionError(loss.name() + " gradient entry " + j + ": analytic " + analytic[j] + ", numeric " + numeric[j]
                        + " (error " + rel + " of the largest entry " + scale + ")");
            }
        }
        return worst;
    }
}
