package org.specrage.tensor;

import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

class ReductionsTest {
    private final FMatrix a = GradientCheck.random(5, 7, -2, 2, 21);

    @Test
    void sumAndMean() {
        GradientCheck.of(a).graph(t -> Reductions.sum(t[0])).reference(d -> Ref.scalar(Ref.sum(d[0]))).run();
        GradientCheck.of(a).graph(t -> Reductions.mean(t[0])).reference(d -> Ref.scalar(Ref.sum(d[0]) / 35)).run();
    }

    @Test
    void rowSumAndMean() {
        GradientCheck.of(a).graph(t -> Reductions.rowSum(t[0])).reference(d -> rowSums(d[0], 1)).run();
        GradientCheck.of(a).graph(t -> Reductions.rowMean(t[0])).reference(d -> rowSums(d[0], 1.0 / 7)).run();
    }

    @Test
    void colSumAndMean() {
        GradientCheck.of(a).graph(t -> Reductions.colSum(t[0])).reference(d -> colSums(d[0], 1)).run();
        GradientCheck.of(a).graph(t -> Reductions.colMean(t[0])).reference(d -> colSums(d[0], 1.0 / 5)).run();
    }

    @Test
    void largeReductionsUseTheParallelPath() {
        // Big enough to be split across threads; results must not depend on the split.
        FMatrix big = GradientCheck.random(300, 260, -1, 1, 22);
        org.specrage.util.Parallel.setThreads(2);
        try {
            float[] two = colAndRow(big);
            org.specrage.util.Parallel.setThreads(1);
            float[] one = colAndRow(big);
            org.junit.jupiter.api.Assertions.assertArrayEquals(one, two);
        } finally {
            org.specrage.util.Parallel.setThreads(Runtime.getRuntime().availableProcessors());
        }
    }

    private static float[] colAndRow(FMatrix m) {
        Tape tape = new Tape();
        Tensor leaf = Tensor.leaf(m, true);
        Tensor x = tape.watch(leaf);
        Tensor loss = Reductions.sum(Arithmetic.mul(Reductions.colSum(x), Reductions.colMean(x)))
                .add(Reductions.sum(Activations.square(Reductions.rowSum(x))));
        tape.backward(loss);
        float[] out = leaf.grad().clone();
        float[] result = java.util.Arrays.copyOf(out, out.length + 1);
        result[out.length] = loss.item();
        return result;
    }

    static DMatrix rowSums(DMatrix d, double f) {
        DMatrix out = new DMatrix(d.rows, 1);
        for (int r = 0; r < d.rows; r++) {
            double s = 0;
            for (int c = 0; c < d.cols; c++) s += d.get(r, c);
            out.set(r, 0, f * s);
        }
        return out;
    }

    static DMatrix colSums(DMatrix d, double f) {
        DMatrix out = new DMatrix(1, d.cols);
        for (int c = 0; c < d.cols; c++) {
            double s = 0;
            for (int r = 0; r < d.rows; r++) s += d.get(r, c);
            out.set(0, c, f * s);
        }
        return out;
    }
}
