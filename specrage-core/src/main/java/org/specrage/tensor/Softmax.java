package org.specrage.tensor;

/**
 * Row-wise log-sum-exp, softmax and log-softmax, all shifted by the row maximum so that large
 * magnitudes neither overflow nor lose the small terms.
 */
public final class Softmax {
    private Softmax() {
    }

    /** log(sum_j exp(x_ij)) for each row i, rows x 1. */
    public static Tensor rowLogSumExp(Tensor a) {
        Tape tape = Tape.of(a);
        int rows = a.rows, cols = a.cols;
        checkCols(a);
        Tensor out = tape.result(rows, 1, a.requiresGrad);
        float[] x = a.data, y = out.data;
        Kernels.forRows(rows, cols, (from, to) -> {
            for (int r = from; r < to; r++) y[r] = (float) logSumExp(x, r * cols, cols);
        });
        if (out.requiresGrad) {
            tape.record(out, () -> {
                // d lse / dx_ij = softmax_ij = exp(x_ij - lse_i)
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRows(rows, cols, (from, to) -> {
                    for (int r = from; r < to; r++) {
                        // the double log-sum-exp again: the float output is too coarse when |x| is large
                        double lse = logSumExp(x, r * cols, cols);
                        float gr = g[r];
                        for (int c = 0, base = r * cols; c < cols; c++) d[base + c] += gr * (float) Math.exp(x[base + c] - lse);
                    }
                });
            });
        }
        return out;
    }

    /** exp(x_ij) / sum_j exp(x_ij) for each row. */
    public static Tensor rowSoftmax(Tensor a) {
        Tape tape = Tape.of(a);
        int rows = a.rows, cols = a.cols;
        checkCols(a);
        Tensor out = tape.result(rows, cols, a.requiresGrad);
        float[] x = a.data, y = out.data;
        Kernels.forRows(rows, cols, (from, to) -> {
            for (int r = from; r < to; r++) {
                int base = r * cols;
                double lse = logSumExp(x, base, cols);
                for (int c = 0; c < cols; c++) y[base + c] = (float) Math.exp(x[base + c] - lse);
            }
        });
        if (out.requiresGrad) {
            tape.record(out, () -> {
                // dx = y * (g - sum_j g_j y_j)
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRows(rows, cols, (from, to) -> {
                    for (int r = from; r < to; r++) {
                        int base = r * cols;
                        double dot = 0;
                        for (int c = 0; c < cols; c++) dot += g[base + c] * y[base + c];
                        float s = (float) dot;
                        for (int c = 0; c < cols; c++) d[base + c] += y[base + c] * (g[base + c] - s);
                    }
                });
            });
        }
        return out;
    }

    /** x_ij - log(sum_j exp(x_ij)) for each row. */
    public static Tensor rowLogSoftmax(Tensor a) {
        Tape tape = Tape.of(a);
        int rows = a.rows, cols = a.cols;
        checkCols(a);
        Tensor out = tape.result(rows, cols, a.requiresGrad);
        float[] x = a.data, y = out.data;
        Kernels.forRows(rows, cols, (from, to) -> {
            for (int r = from; r < to; r++) {
                int base = r * cols;
                double lse = logSumExp(x, base, cols);
                for (int c = 0; c < cols; c++) y[base + c] = (float) (x[base + c] - lse);
            }
        });
        if (out.requiresGrad) {
            tape.record(out, () -> {
                // dx = g - softmax * sum_j g_j
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRows(rows, cols, (from, to) -> {
                    for (int r = from; r < to; r++) {
                        int base = r * cols;
                        double total = 0;
                        for (int c = 0; c < cols; c++) total += g[base + c];
                        float s = (float) total;
                        for (int c = 0; c < cols; c++) d[base + c] += g[base + c] - (float) Math.exp(y[base + c]) * s;
                    }
                });
            });
        }
        return out;
    }

    /** log(sum exp(x[base .. base+n))) shifted by the maximum; accumulated in double. */
    static double logSumExp(float[] x, int base, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) max = Math.max(max, x[base + c]);
        if (max == Double.NEGATIVE_INFINITY) return max;
        double s = 0;
        for (int c = 0; c < n; c++) s += Math.exp(x[base + c] - max);
        return max + Math.log(s);
    }

    private static void checkCols(Tensor a) {
        if (a.cols == 0) throw new IllegalArgumentException("row-wise softmax of a tensor with no columns");
    }
}
