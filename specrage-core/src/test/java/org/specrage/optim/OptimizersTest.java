package org.specrage.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * Five steps on f(w) = sum((w - t)^2) from w0 = (0.5, -1, 2), t = (1, 2, -1); the expected
 * weights come from an independent numpy (float64) implementation of the torch.optim formulas.
 */
class OptimizersTest {
    private static float[] run(Function<List<Tensor>, Optimizer> make) {
        Tensor w = Tensor.parameter(new FMatrix(1, 3, new float[] {0.5f, -1f, 2f}));
        Tensor target = Tensor.leaf(new FMatrix(1, 3, new float[] {1f, 2f, -1f}), false);
        Optimizer opt = make.apply(List.of(w));
        Tape tape = new Tape();
        for (int i = 0; i < 5; i++) {
            tape.reset();
            tape.backward(tape.watch(w).sub(target).square().sum());
            opt.step();
            opt.zeroGrad();
        }
        return w.data();
    }

    private static void assertClose(double[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], 2e-6 * Math.max(1, Math.abs(expected[i])), "entry " + i);
    }

    @Test
    void adam() {
        assertClose(new double[] {0.9721855486, -0.5017794562, 1.5017794562}, run(p -> new Adam(p, 0.1)));
    }

    @Test
    void adamWithL2WeightDecay() {
        assertClose(new double[] {0.971609367, -0.5017865989, 1.5017830205},
                run(p -> new Adam(p, 0.1, 0.9, 0.999, 1e-8, 0.01, false)));
    }

    @Test
    void adamWithDecoupledWeightDecay() {
        assertClose(new double[] {0.9690609071, -0.4978061386, 1.4928376837},
                run(p -> new Adam(p, 0.1, 0.9, 0.999, 1e-8, 0.01, true)));
    }

    @Test
    void plainSgd() {
        assertClose(new double[] {0.704755, 0.22853, 0.77147}, run(p -> new Sgd(p, 0.05)));
    }

    @Test
    void sgdWithMomentumAndWeightDecay() {
        assertClose(new double[] {1.0113574538, 2.0887018061, -1.093841077}, run(p -> new Sgd(p, 0.05, 0.9, 0.01)));
    }

    @Test
    void zeroGradLeavesNoOldGradient() {
        Tensor w = Tensor.parameter(new FMatrix(1, 2, new float[] {1f, 1f}));
        Sgd sgd = new Sgd(List.of(w), 0.5);
        Tape tape = new Tape();
        tape.backward(tape.watch(w).sum());
        sgd.step();
        sgd.zeroGrad();
        sgd.step(); // no new gradient: nothing moves
        assertArrayEquals(new float[] {0.5f, 0.5f}, w.data());
    }

    @Test
    void badSettingsAreRejected() {
        Tensor w = Tensor.parameter(1, 1);
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(w), 0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(w), 0.1, 1.0, 0.999, 1e-8, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(), 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(Tensor.leaf(new FMatrix(1, 1), false)), 0.1));
    }
}
