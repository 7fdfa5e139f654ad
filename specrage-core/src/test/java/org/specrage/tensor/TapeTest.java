package org.specrage.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.specrage.linalg.FMatrix;

class TapeTest {
    private static Tensor step(Tape tape, Tensor w, FMatrix x) {
        tape.reset();
        Tensor loss = MatrixOps.matmul(tape.input(x), w).relu().square().mean();
        tape.backward(loss);
        return loss;
    }

    @Test
    void stepsOfTheSameShapeReuseTheSameArrays() {
        Tape tape = new Tape();
        Tensor w = Tensor.parameter(GradientCheck.random(3, 4, -1, 1, 1));
        FMatrix x = GradientCheck.random(5, 3, -1, 1, 2);
        Tensor first = step(tape, w, x);
        float[] firstArray = first.data;
        long pooled = tape.pooledBytes();
        Tensor second = step(tape, w, x);
        assertSame(firstArray, second.data);
        assertEquals(pooled, tape.pooledBytes());
    }

    /** Passes over a varying number of rows (a batch's neighbours) must not keep buffers for every row count seen. */
    @Test
    void buffersOfRowCountsNoLongerUsedAreReleased() {
        Tape tape = new Tape();
        Tensor w = Tensor.parameter(GradientCheck.random(3, 4, -1, 1, 1));
        step(tape, w, GradientCheck.random(5, 3, -1, 1, 2));
        long oneShape = tape.pooledBytes();
        for (int rows = 6; rows < 206; rows++) step(tape, w, GradientCheck.random(rows, 3, -1, 1, rows));
        // kept: the shapes of the last IDLE_RESETS + 1 steps (plus the few row-independent arrays);
        // keeping every shape would hold about 4,200 / 5 times oneShape
        long bound = (Arena.IDLE_RESETS + 2) * oneShape * 205 / 5;
        assertTrue(tape.pooledBytes() <= bound, "pooled " + tape.pooledBytes() + " bytes, against at most " + bound);
        // a shape used every step keeps its arrays however long other shapes come and go
        FMatrix x = GradientCheck.random(5, 3, -1, 1, 2);
        float[] kept = step(tape, w, x).data;
        for (int i = 0; i < 3 * Arena.IDLE_RESETS; i++) {
            step(tape, w, GradientCheck.random(300 + i, 3, -1, 1, i));
            assertSame(kept, step(tape, w, x).data);
        }
    }

    @Test
    void tensorsOfAnEarlierStepCannotBeRead() {
        Tape tape = new Tape();
        Tensor w = Tensor.parameter(GradientCheck.random(3, 4, -1, 1, 1));
        FMatrix x = GradientCheck.random(5, 3, -1, 1, 2);
        Tensor old = step(tape, w, x);
        step(tape, w, x);
        IllegalStateException e = assertThrows(IllegalStateException.class, old::item);
        assertTrue(e.getMessage().contains("earlier step"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> old.add(1f));
    }

    @Test
    void leafGradientsAccumulateUntilZeroed() {
        Tape tape = new Tape();
        Tensor w = Tensor.parameter(new FMatrix(1, 2, new float[] {1f, -2f}));
        for (int i = 0; i < 2; i++) {
            tape.reset();
            tape.backward(tape.watch(w).square().sum());
        }
        assertArrayEquals(new float[] {4f, -8f}, w.grad());
        w.zeroGrad();
        assertArrayEquals(new float[] {0f, 0f}, w.grad());
    }

    @Test
    void backwardTwiceWithoutResetIsRefused() {
        Tape tape = new Tape();
        Tensor w = Tensor.parameter(new FMatrix(1, 1, new float[] {3f}));
        Tensor loss = tape.watch(w).square().sum();
        tape.backward(loss);
        assertThrows(IllegalStateException.class, () -> tape.backward(loss));
    }

    @Test
    void opsNeedATape() {
        Tensor w = Tensor.parameter(2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, w::relu);
        assertTrue(e.getMessage().contains("tape.watch"), e.getMessage());
        Tape one = new Tape(), two = new Tape();
        assertThrows(IllegalArgumentException.class, () -> one.input(new FMatrix(1, 1)).add(two.input(new FMatrix(1, 1))));
    }

    @Test
    void constantsRecordNothing() {
        Tape tape = new Tape();
        Tensor y = tape.input(GradientCheck.random(2, 2, -1, 1, 3)).relu().sum();
        assertFalse(y.requiresGrad());
        assertEquals(0, tape.recordedOps());
        assertThrows(IllegalArgumentException.class, () -> tape.backward(y));
    }

    @Test
    void branchesThatDoNotReachTheLossAreSkipped() {
        Tape tape = new Tape();
        Tensor w = Tensor.parameter(new FMatrix(1, 1, new float[] {2f}));
        Tensor v = Tensor.parameter(new FMatrix(1, 1, new float[] {5f}));
        Tensor used = tape.watch(w).mul(3f);
        tape.watch(v).exp(); // recorded but not part of the loss
        tape.backward(used);
        assertEquals(3f, w.grad()[0]);
        assertEquals(0f, v.grad()[0]);
    }

    @Test
    void inputRowsCopiesTheChosenRows() {
        Tape tape = new Tape();
        FMatrix source = new FMatrix(3, 2, new float[] {1, 2, 3, 4, 5, 6});
        Tensor t = tape.inputRows(source, new int[] {9, 2, 0, 9}, 1, 3);
        assertArrayEquals(new float[] {5, 6, 1, 2}, t.data());
    }
}
