package org.specrage.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.specrage.linalg.FMatrix;

class ArithmeticTest {
    /** Shape pairs covering same shape, row, column and scalar broadcasting on either side. */
    private static final int[][] SHAPES = {
        {4, 3, 4, 3}, {4, 3, 1, 3}, {4, 3, 4, 1}, {4, 3, 1, 1},
        {1, 3, 4, 3}, {4, 1, 4, 3}, {1, 1, 4, 3}, {1, 3, 4, 1},
    };

    @Test
    void addBroadcasts() {
        for (int[] s : SHAPES) {
            check(s, Arithmetic::add, (x, y) -> x + y, false);
        }
    }

    @Test
    void subBroadcasts() {
        for (int[] s : SHAPES) {
            check(s, Arithmetic::sub, (x, y) -> x - y, false);
        }
    }

    @Test
    void mulBroadcasts() {
        for (int[] s : SHAPES) {
            check(s, Arithmetic::mul, (x, y) -> x * y, false);
        }
    }

    @Test
    void divBroadcasts() {
        for (int[] s : SHAPES) {
            check(s, Arithmetic::div, (x, y) -> x / y, true);
        }
    }

    @Test
    void sameTensorOnBothSidesAccumulates() {
        FMatrix a = GradientCheck.random(3, 2, -2, 2, 5);
        GradientCheck.of(a).graph(t -> Arithmetic.mul(t[0], t[0]))
                .reference(d -> Ref.zip(d[0], d[0], (x, y) -> x * y)).run();
    }

    @Test
    void scalarOps() {
        FMatrix a = GradientCheck.random(3, 5, -2, 2, 6);
        GradientCheck.of(a).graph(t -> Arithmetic.addScalar(t[0], 1.5f)).reference(d -> Ref.map(d[0], x -> x + 1.5)).run();
        GradientCheck.of(a).graph(t -> Arithmetic.scale(t[0], -0.75f)).reference(d -> Ref.map(d[0], x -> -0.75 * x)).run();
    }

    @Test
    void onlyOneSideRequiresGrad() {
        FMatrix a = GradientCheck.random(4, 3, -1, 1, 7);
        FMatrix b = GradientCheck.random(1, 3, -1, 1, 8);
        GradientCheck.of(a, b).requiresGrad(false, true).graph(t -> Arithmetic.mul(t[0], t[1]))
                .reference(d -> Ref.zip(d[0], d[1], (x, y) -> x * y)).run();
    }

    @Test
    void incompatibleShapesAreRejected() {
        Tape tape = new Tape();
        Tensor a = tape.input(new FMatrix(3, 2));
        Tensor b = tape.input(new FMatrix(2, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arithmetic.add(a, b));
        assertEquals("cannot broadcast 3 x 2 with 2 x 2 (rows differ)", e.getMessage());
    }

    private static void check(int[] s, java.util.function.BinaryOperator<Tensor> op, Ref.Binary ref, boolean positiveRight) {
        FMatrix a = GradientCheck.random(s[0], s[1], -2, 2, 11 + s[0] * 7 + s[1]);
        FMatrix b = positiveRight ? GradientCheck.random(s[2], s[3], 0.5, 2, 13 + s[2] * 5 + s[3])
                : GradientCheck.random(s[2], s[3], -2, 2, 13 + s[2] * 5 + s[3]);
        GradientCheck.of(a, b).graph(t -> op.apply(t[0], t[1])).reference(d -> Ref.zip(d[0], d[1], ref)).run();
    }
}
