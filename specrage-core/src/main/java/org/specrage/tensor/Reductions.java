package org.specrage.tensor;

/**
 * Sums and means over all entries (1 x 1 result), over each row ({@code rowSum}: rows x 1) or
 * down each column ({@code colSum}: 1 x cols). Totals over all entries are accumulated in double.
 */
public final class Reductions {
    private Reductions() {
    }

    public static Tensor sum(Tensor a) {
        return total(a, 1.0);
    }

    public static Tensor mean(Tensor a) {
        if (a.size() == 0) throw new IllegalArgumentException("mean of an empty tensor");
        return total(a, 1.0 / a.size());
    }

    /** The sum of each row, rows x 1. */
    public static Tensor rowSum(Tensor a) {
        return alongRows(a, 1f);
    }

    /** The mean of each row, rows x 1. */
    public static Tensor rowMean(Tensor a) {
        if (a.cols == 0) throw new IllegalArgumentException("row mean of a tensor with no columns");
        return alongRows(a, 1f / a.cols);
    }

    /** The sum of each column, 1 x cols. */
    public static Tensor colSum(Tensor a) {
        return downColumns(a, 1f);
    }

    /** The mean of each column, 1 x cols. */
    public static Tensor colMean(Tensor a) {
        if (a.rows == 0) throw new IllegalArgumentException("column mean of a tensor with no rows");
        return downColumns(a, 1f / a.rows);
    }

    private static Tensor total(Tensor a, double factor) {
        Tape tape = Tape.of(a);
        Tensor out = tape.result(1, 1, a.requiresGrad);
        out.data[0] = (float) (factor * Kernels.sum(a.data, a.size()));
        if (out.requiresGrad) {
            tape.record(out, () -> {
                float g = (float) (factor * out.grad[0]);
                float[] d = a.gradForAccumulate();
                Kernels.forRange(d.length, (from, to) -> {
                    for (int i = from; i < to; i++) d[i] += g;
                });
            });
        }
        return out;
    }

    private static Tensor alongRows(Tensor a, float factor) {
        Tape tape = Tape.of(a);
        int rows = a.rows, cols = a.cols;
        Tensor out = tape.result(rows, 1, a.requiresGrad);
        float[] x = a.data, y = out.data;
        Kernels.forRows(rows, cols, (from, to) -> {
            for (int r = from; r < to; r++) {
                float s = 0f;
                for (int c = 0, base = r * cols; c < cols; c++) s += x[base + c];
                y[r] = factor * s;
            }
        });
        if (out.requiresGrad) {
            tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRows(rows, cols, (from, to) -> {
                    for (int r = from; r < to; r++) {
                        float gr = factor * g[r];
                        for (int c = 0, base = r * cols; c < cols; c++) d[base + c] += gr;
                    }
                });
            });
        }
        return out;
    }

    private static Tensor downColumns(Tensor a, float factor) {
        Tape tape = Tape.of(a);
        int rows = a.rows, cols = a.cols;
        Tensor out = tape.result(1, cols, a.requiresGrad);
        float[] y = out.data;
        java.util.Arrays.fill(y, 0f);
        Kernels.addColumnSums(y, a.data, rows, cols);
        for (int c = 0; c < cols; c++) y[c] *= factor;
        if (out.requiresGrad) {
            tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRows(rows, cols, (from, to) -> {
                    for (int r = from; r < to; r++) {
                        for (int c = 0, base = r * cols; c < cols; c++) d[base + c] += factor * g[c];
                    }
                });
            });
        }
        return out;
    }
}
