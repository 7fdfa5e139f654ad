package org.specrage.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

class SoftmaxTest {
    private final FMatrix moderate = GradientCheck.random(4, 6, -3, 3, 31);
    /** Rows around +-1000 and with a spread of 200: a naive exp overflows or underflows. */
    private final FMatrix large = largeMagnitudes();

    @Test
    void logSumExp() {
        for (FMatrix x : new FMatrix[] {moderate, large}) {
            GradientCheck.of(x).graph(t -> Softmax.rowLogSumExp(t[0])).reference(SoftmaxTest::lse).run();
        }
    }

    @Test
    void logSumExpOfHugeValuesIsFinite() {
        Tape tape = new Tape();
        Tensor y = Softmax.rowLogSumExp(tape.input(new FMatrix(1, 2, new float[] {3e38f, 3e38f})));
        assertEquals(3e38f + Math.log(2), y.item(), 1e32);
    }

    @Test
    void softmax() {
        for (FMatrix x : new FMatrix[] {moderate, large}) {
            GradientCheck.of(x).graph(t -> Softmax.rowSoftmax(t[0])).reference(d -> {
                DMatrix lse = lse(d);
                DMatrix out = new DMatrix(d[0].rows, d[0].cols);
                for (int r = 0; r < out.rows; r++) {
                    for (int c = 0; c < out.cols; c++) out.set(r, c, Math.exp(d[0].get(r, c) - lse.get(r, 0)));
                }
                return out;
            }).run();
        }
    }

    @Test
    void logSoftmax() {
        for (FMatrix x : new FMatrix[] {moderate, large}) {
            GradientCheck.of(x).graph(t -> Softmax.rowLogSoftmax(t[0])).reference(d -> {
                DMatrix lse = lse(d);
                DMatrix out = new DMatrix(d[0].rows, d[0].cols);
                for (int r = 0; r < out.rows; r++) {
                    for (int c = 0; c < out.cols; c++) out.set(r, c, d[0].get(r, c) - lse.get(r, 0));
                }
                return out;
            }).run();
        }
    }

    private static DMatrix lse(DMatrix[] d) {
        DMatrix out = new DMatrix(d[0].rows, 1);
        for (int r = 0; r < d[0].rows; r++) out.set(r, 0, Ref.logSumExpRow(d[0], r));
        return out;
    }

    private static FMatrix largeMagnitudes() {
        FMatrix m = GradientCheck.random(4, 6, -100, 100, 32);
        for (int r = 0; r < m.rows; r++) {
            float shift = r % 2 == 0 ? 1000f : -1000f;
            for (int c = 0; c < m.cols; c++) m.set(r, c, m.get(r, c) + shift);
        }
        return m;
    }
}
