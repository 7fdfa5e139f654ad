package org.specrage.tensor;

import java.util.Arrays;

/**
 * Shape rules for element-wise ops on two operands: each dimension must match or be 1
 * (a 1 x c row is repeated down the rows, an r x 1 column across the columns, 1 x 1 everywhere).
 */
final class Broadcast {
    private Broadcast() {
    }

    static int dim(int a, int b, String what, Tensor x, Tensor y) {
        if (a == b || b == 1) return a;
        if (a == 1) return b;
        throw new IllegalArgumentException("cannot broadcast " + x.shape() + " with " + y.shape() + " (" + what + " differ)");
    }

    /** The values of x repeated to rows x cols (x.data itself when it already has that shape). */
    static float[] expand(Tape tape, Tensor x, int rows, int cols) {
        if (x.rows == rows && x.cols == cols) return x.data;
        float[] out = tape.scratch(rows * cols);
        if (x.size() == 1) {
            Arrays.fill(out, x.data[0]);
        } else if (x.rows == 1) {
            for (int r = 0; r < rows; r++) System.arraycopy(x.data, 0, out, r * cols, cols);
        } else {
            for (int r = 0; r < rows; r++) Arrays.fill(out, r * cols, (r + 1) * cols, x.data[r]);
        }
        return out;
    }

    /**
     * Where a backward step should add x's full-shape gradient contribution: x's own gradient
     * when x has the full shape, otherwise a cleared scratch array to be reduced by {@link #finish}.
     */
    static float[] gradTarget(Tape tape, Tensor x, int rows, int cols) {
        if (x.rows == rows && x.cols == cols) return x.gradForAccumulate();
        float[] s = tape.scratch(rows * cols);
        Arrays.fill(s, 0f);
        return s;
    }

    /** Sums a scratch contribution from {@link #gradTarget} down to x's shape and adds it to x's gradient. */
    static void finish(Tensor x, float[] target, int rows, int cols) {
        if (x.rows == rows && x.cols == cols) return;
        float[] g = x.gradForAccumulate();
        if (x.size() == 1) {
            g[0] += (float) Kernels.sum(target, rows * cols);
        } else if (x.rows == 1) {
            Kernels.addColumnSums(g, target, rows, cols);
        } else {
            Kernels.addRowSums(g, target, rows, cols);
        }
    }
}
