package org.specrage.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.FMatrix;

class ActivationsTest {
    @Test
    void reluAwayFromTheKink() {
        check(GradientCheck.randomAwayFromZero(5, 4, 3, 0.01, 1), Activations::relu, x -> Math.max(x, 0));
    }

    @Test
    void reluAtZeroHasSubgradientZero() {
        // Exact zeros sit on the kink, where central differences give 1/2; the engine uses 0 (as PyTorch).
        Tape tape = new Tape();
        Tensor leaf = Tensor.leaf(new FMatrix(1, 4, new float[] {0f, -0f, 2f, -3f}), true);
        Tensor y = Activations.relu(tape.watch(leaf));
        tape.backward(y, new float[] {1f, 1f, 1f, 1f});
        assertArrayEquals(new float[] {0f, 0f, 2f, 0f}, y.data());
        assertArrayEquals(new float[] {0f, 0f, 1f, 0f}, leaf.grad());
    }

    @Test
    void leakyRelu() {
        check(GradientCheck.randomAwayFromZero(5, 4, 3, 0.01, 2), t -> Activations.leakyRelu(t, 0.1f), x -> x > 0 ? x : 0.1 * x);
        Tape tape = new Tape();
        Tensor leaf = Tensor.leaf(new FMatrix(1, 1, new float[] {0f}), true);
        tape.backward(Activations.leakyRelu(tape.watch(leaf), 0.2f), new float[] {1f});
        assertEquals(0.2f, leaf.grad()[0]);
        Tape other = new Tape();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Activations.leakyRelu(other.input(new FMatrix(1, 1)), 1.5f));
    }

    @Test
    void tanh() {
        check(GradientCheck.random(5, 4, -3, 3, 3), Activations::tanh, Math::tanh);
    }

    @Test
    void sigmoidIncludingLargeMagnitudes() {
        check(GradientCheck.random(5, 4, -6, 6, 4), Activations::sigmoid, x -> 1 / (1 + Math.exp(-x)));
        check(new FMatrix(1, 4, new float[] {-200f, -90f, 90f, 200f}), Activations::sigmoid, x -> 1 / (1 + Math.exp(-x)));
    }

    @Test
    void softplusIncludingLargeMagnitudes() {
        DoubleUnaryOperator ref = x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
        check(GradientCheck.random(5, 4, -6, 6, 5), Activations::softplus, ref);
        check(new FMatrix(1, 4, new float[] {-200f, -90f, 90f, 200f}), Activations::softplus, ref);
    }

    @Test
    void exp() {
        check(GradientCheck.random(5, 4, -3, 3, 6), Activations::exp, Math::exp);
    }

    @Test
    void log() {
        check(GradientCheck.random(5, 4, 0.1, 5, 7), Activations::log, Math::log);
    }

    @Test
    void sqrt() {
        check(GradientCheck.random(5, 4, 0.1, 5, 8), Activations::sqrt, Math::sqrt);
    }

    @Test
    void square() {
        check(GradientCheck.random(5, 4, -3, 3, 9), Activations::square, x -> x * x);
    }

    @Test
    void wrongGradientIsCaught() {
        // The checker itself must fail when the engine's derivative is not the reference's.
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () ->
                GradientCheck.of(GradientCheck.random(3, 3, 0.5, 2, 10)).graph(t -> Activations.square(t[0]))
                        .reference(d -> Ref.map(d[0], x -> x * x * 1.0001)).run());
        assertTrue(e.getMessage().contains("forward"), e.getMessage());
        AssertionError g = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () ->
                GradientCheck.of(GradientCheck.random(3, 3, 0.5, 2, 10)).graph(t -> slightlyWrongSquare(t[0]))
                        .reference(d -> Ref.map(d[0], x -> x * x)).run());
        assertTrue(g.getMessage().contains("analytic"), g.getMessage());
    }

    /** x^2 with a backward that is off by 0.1%. */
    private static Tensor slightlyWrongSquare(Tensor a) {
        Tape tape = Tape.of(a);
        Tensor out = tape.result(a.rows, a.cols, true);
        for (int i = 0; i < out.size(); i++) out.data[i] = a.data[i] * a.data[i];
        tape.record(out, () -> {
            float[] d = a.gradForAccumulate();
            for (int i = 0; i < d.length; i++) d[i] += 2.002f * a.data[i] * out.grad[i];
        });
        return out;
    }

    private static void check(FMatrix x, UnaryOperator<Tensor> op, DoubleUnaryOperator ref) {
        GradientCheck.of(x).graph(t -> op.apply(t[0])).reference(d -> Ref.map(d[0], ref)).run();
    }
}
