package org.specrage.tensor;

import java.util.Arrays;

/**
 * Picking, placing, slicing and joining rows and columns; masking; row normalisation.
 * Index arrays are read again during backward: do not change them before then.
 */
public final class RowOps {
    private RowOps() {
    }

    /** The rows {@code indices[i]} of a, in order (repeats allowed; their gradients add up). */
    public static Tensor gatherRows(Tensor a, int[] indices) {
        Tape tape = Tape.of(a);
        int cols = a.cols;
        for (int r : indices) checkIndex(r, a.rows);
        Tensor out = tape.result(indices.length, cols, a.requiresGrad);
        for (int i = 0; i < indices.length; i++) System.arraycopy(a.data, indices[i] * cols, out.data, i * cols, cols);
        if (out.requiresGrad) {
            tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                for (int i = 0; i < indices.length; i++) {
                    for (int c = 0, src = i * cols, dst = indices[i] * cols; c < cols; c++) d[dst + c] += g[src + c];
                }
            });
        }
        return out;
    }

    /** A rows x a.cols tensor of zeros with row i of a added into row {@code indices[i]}. */
    public static Tensor scatterRows(Tensor a, int[] indices, int rows) {
        Tape tape = Tape.of(a);
        if (indices.length != a.rows) throw new IllegalArgumentException(indices.length + " indices for " + a.rows + " rows");
        int cols = a.cols;
        for (int r : indices) checkIndex(r, rows);
        Tensor out = tape.result(rows, cols, a.requiresGrad);
        float[] y = out.data;
        Arrays.fill(y, 0f);
        for (int i = 0; i < indices.length; i++) {
            for (int c = 0, src = i * cols, dst = indices[i] * cols; c < cols; c++) y[dst + c] += a.data[src + c];
        }
        if (out.requiresGrad) {
            tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                for (int i = 0; i < indices.length; i++) {
                    for (int c = 0, dst = i * cols, src = indices[i] * cols; c < cols; c++) d[dst + c] += g[src + c];
                }
            });
        }
        return out;
    }

    /** Rows [from, to) of a. */
    public static Tensor sliceRows(Tensor a, int from, int to) {
        Tape tape = Tape.of(a);
        if (from < 0 || to > a.rows || from > to) throw new IllegalArgumentException("rows [" + from + ", " + to + ") outside " + a.shape());
        int cols = a.cols;
        Tensor out = tape.result(to - from, cols, a.requiresGrad);
        System.arraycopy(a.data, from * cols, out.data, 0, out.size());
        if (out.requiresGrad) {
            tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                for (int i = 0, base = from * cols; i < g.length; i++) d[base + i] += g[i];
            });
        }
        return out;
    }

    /** Columns [from, to) of a. */
    public static Tensor sliceCols(Tensor a, int from, int to) {
        Tape tape = Tape.of(a);
        if (from < 0 || to > a.cols || from > to) throw new IllegalArgumentException("columns [" + from + ", " + to + ") outside " + a.shape());
        int rows = a.rows, cols = a.cols, width = to - from;
        Tensor out = tape.result(rows, width, a.requiresGrad);
        for (int r = 0; r < rows; r++) System.arraycopy(a.data, r * cols + from, out.data, r * width, width);
        if (out.requiresGrad) {
            tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                for (int r = 0; r < rows; r++) {
                    for (int c = 0, src = r * width, dst = r * cols + from; c < width; c++) d[dst + c] += g[src + c];
                }
            });
        }
        return out;
    }

    /** The parts' columns side by side (all parts have the same number of rows). */
    public static Tensor hconcat(Tensor... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("nothing to concatenate");
        Tape tape = Tape.of(parts);
        int rows = parts[0].rows, cols = 0;
        boolean grad = false;
        for (Tensor p : parts) {
            if (p.rows != rows) throw new IllegalArgumentException("hconcat: row counts differ, " + parts[0].shape() + " vs " + p.shape());
            cols += p.cols;
            grad |= p.requiresGrad;
        }
        Tensor out = tape.result(rows, cols, grad);
        int totalCols = cols;
        for (int offset = 0, k = 0; k < parts.length; offset += parts[k].cols, k++) {
            Tensor p = parts[k];
            for (int r = 0; r < rows; r++) System.arraycopy(p.data, r * p.cols, out.data, r * totalCols + offset, p.cols);
        }
        if (grad) {
            Tensor[] kept = parts.clone();
            tape.record(out, () -> {
                float[] g = out.grad;
                for (int offset = 0, k = 0; k < kept.length; offset += kept[k].cols, k++) {
                    Tensor p = kept[k];
                    if (!p.requiresGrad) continue;
                    float[] d = p.gradForAccumulate();
                    for (int r = 0; r < rows; r++) {
                        for (int c = 0, src = r * totalCols + offset, dst = r * p.cols; c < p.cols; c++) d[dst + c] += g[src + c];
                    }
                }
            });
        }
        return out;
    }

    /** The parts' rows one after another (all parts have the same number of columns). */
    public static Tensor vconcat(Tensor... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("nothing to concatenate");
        Tape tape = Tape.of(parts);
        int cols = parts[0].cols, rows = 0;
        boolean grad = false;
        for (Tensor p : parts) {
            if (p.cols != cols) throw new IllegalArgumentException("vconcat: column counts differ, " + parts[0].shape() + " vs " + p.shape());
            rows += p.rows;
            grad |= p.requiresGrad;
        }
        Tensor out = tape.result(rows, cols, grad);
        for (int offset = 0, k = 0; k < parts.length; offset += parts[k].size(), k++) {
            System.arraycopy(parts[k].data, 0, out.data, offset, parts[k].size());
        }
        if (grad) {
            Tensor[] kept = parts.clone();
            tape.record(out, () -> {
                float[] g = out.grad;
                for (int offset = 0, k = 0; k < kept.length; offset += kept[k].size(), k++) {
                    Tensor p = kept[k];
                    if (!p.requiresGrad) continue;
                    float[] d = p.gradForAccumulate();
                    for (int i = 0; i < d.length; i++) d[i] += g[offset + i];
                }
            });
        }
        return out;
    }

    /**
     * a where mask is non-zero, {@code fill} elsewhere. The mask is read as a constant (no
     * gradient) and may have a's shape, or be a 1 x cols row or rows x 1 column that is repeated.
     */
    public static Tensor maskedFill(Tensor a, Tensor mask, float fill) {
        Tape tape = Tape.of(a, mask);
        if (!(mask.rows == a.rows || mask.rows == 1) || !(mask.cols == a.cols || mask.cols == 1)) {
            throw new IllegalArgumentException("mask " + mask.shape() + " does not fit " + a.shape());
        }
        float[] m = Broadcast.expand(tape, mask, a.rows, a.cols);
        Tensor out = tape.result(a.rows, a.cols, a.requiresGrad);
        float[] x = a.data, y = out.data;
        for (int i = 0; i < y.length; i++) y[i] = m[i] != 0f ? x[i] : fill;
        if (out.requiresGrad) {
            tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                for (int i = 0; i < g.length; i++) if (m[i] != 0f) d[i] += g[i];
            });
        }
        return out;
    }

    /**
     * Each row divided by its Euclidean norm, or by {@code eps} when the norm is smaller
     * (as torch.nn.functional.normalize): rows of zeros stay zero.
     */
    public static Tensor rowNormalize(Tensor a, float eps) {
        Tape tape = Tape.of(a);
        int rows = a.rows, cols = a.cols;
        Tensor out = tape.result(rows, cols, a.requiresGrad);
        float[] x = a.data, y = out.data;
        float[] norms = tape.scratch(rows);
        Kernels.forRows(rows, cols, (from, to) -> {
            for (int r = from; r < to; r++) {
                int base = r * cols;
                double s = 0;
                for (int c = 0; c < cols; c++) s += (double) x[base + c] * x[base + c];
                float norm = (float) Math.sqrt(s);
                norms[r] = norm;
                float inv = 1f / Math.max(norm, eps);
                for (int c = 0; c < cols; c++) y[base + c] = x[base + c] * inv;
            }
        });
        if (out.requiresGrad) {
            tape.record(out, () -> {
                // above eps: dx = (g - y (g.y)) / |x|; below: dx = g / eps
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRows(rows, cols, (from, to) -> {
                    for (int r = from; r < to; r++) {
                        int base = r * cols;
                        if (norms[r] > eps) {
                            double dot = 0;
                            for (int c = 0; c < cols; c++) dot += (double) g[base + c] * y[base + c];
                            float s = (float) dot, inv = 1f / norms[r];
                            for (int c = 0; c < cols; c++) d[base + c] += (g[base + c] - y[base + c] * s) * inv;
                        } else {
                            float inv = 1f / eps;
                            for (int c = 0; c < cols; c++) d[base + c] += g[base + c] * inv;
                        }
                    }
                });
            });
        }
        return out;
    }

    private static void checkIndex(int r, int rows) {
        if (r < 0 || r >= rows) throw new IllegalArgumentException("row index " + r + " outside 0.." + (rows - 1));
    }
}
