package org.specrage.tensor;

import java.util.Arrays;
import org.specrage.linalg.Blas;
import org.specrage.util.Parallel;

/**
 * Matrix products through BLAS sgemm (transposes are passed to BLAS, never copied), the fused
 * affine layer, transpose and pairwise squared distances.
 */
public final class MatrixOps {
    private MatrixOps() {
    }

    /** a b. */
    public static Tensor matmul(Tensor a, Tensor b) {
        return matmul(a, false, b, false);
    }

    /** op(a) op(b), where op transposes when the flag is set (e.g. a^T a for a Gram matrix). */
    public static Tensor matmul(Tensor a, boolean transA, Tensor b, boolean transB) {
        Tape tape = Tape.of(a, b);
        int m = transA ? a.cols : a.rows;
        int k = transA ? a.rows : a.cols;
        int kb = transB ? b.cols : b.rows;
        int n = transB ? b.rows : b.cols;
        if (k != kb) {
            throw new IllegalArgumentException("matmul shapes: " + m + " x " + k + " times " + kb + " x " + n
                    + " (from " + a.shape() + (transA ? "^T" : "") + " and " + b.shape() + (transB ? "^T" : "") + ")");
        }
        Tensor out = tape.result(m, n, a.requiresGrad || b.requiresGrad);
        if (k == 0) {
            Arrays.fill(out.data, 0f);
        } else {
            Blas.sgemm(transA, transB, m, n, k, 1f, a.data, 0, a.cols, b.data, 0, b.cols, 0f, out.data, 0, n);
        }
        if (out.requiresGrad) {
            tape.record(out, () -> {
                float[] g = out.grad;
                if (a.requiresGrad) {
                    float beta = a.gemmBeta();
                    if (!transA) { // dA = G op(B)^T
                        Blas.sgemm(false, !transB, m, k, n, 1f, g, 0, n, b.data, 0, b.cols, beta, a.grad, 0, a.cols);
                    } else {       // dA = op(B) G^T
                        Blas.sgemm(transB, true, k, m, n, 1f, b.data, 0, b.cols, g, 0, n, beta, a.grad, 0, a.cols);
                    }
                }
                if (b.requiresGrad) {
                    float beta = b.gemmBeta();
                    if (!transB) { // dB = op(A)^T G
                        Blas.sgemm(!transA, false, k, n, m, 1f, a.data, 0, a.cols, g, 0, n, beta, b.grad, 0, b.cols);
                    } else {       // dB = G^T op(A)
                        Blas.sgemm(true, transA, n, k, m, 1f, g, 0, n, a.data, 0, a.cols, beta, b.grad, 0, b.cols);
                    }
                }
            });
        }
        return out;
    }

    /**
     * The affine map x w + b of a layer: x is n x in, w is in x out, b is 1 x out (or null).
     * One sgemm forward; backward dW = x^T dY, dX = dY w^T (sgemm each) and db = column sums of dY.
     */
    public static Tensor linear(Tensor x, Tensor w, Tensor b) {
        Tape tape = b == null ? Tape.of(x, w) : Tape.of(x, w, b);
        int n = x.rows, in = x.cols, outCols = w.cols;
        if (w.rows != in) throw new IllegalArgumentException("linear: input has " + in + " columns but the weight is " + w.shape());
        if (b != null && (b.rows != 1 || b.cols != outCols)) {
            throw new IllegalArgumentException("linear: bias must be 1 x " + outCols + ", got " + b.shape());
        }
        boolean grad = x.requiresGrad || w.requiresGrad || (b != null && b.requiresGrad);
        Tensor out = tape.result(n, outCols, grad);
        float[] y = out.data;
        if (b != null) {
            for (int r = 0; r < n; r++) System.arraycopy(b.data, 0, y, r * outCols, outCols);
        } else if (in == 0) {
            Arrays.fill(y, 0f);
        }
        if (in > 0) Blas.sgemm(false, false, n, outCols, in, 1f, x.data, 0, in, w.data, 0, outCols, b != null ? 1f : 0f, y, 0, outCols);
        if (grad) {
            tape.record(out, () -> {
                float[] g = out.grad;
                if (w.requiresGrad) {
                    float beta = w.gemmBeta();
                    Blas.sgemm(true, false, in, outCols, n, 1f, x.data, 0, in, g, 0, outCols, beta, w.grad, 0, outCols);
                }
                if (b != null && b.requiresGrad) Kernels.addColumnSums(b.gradForAccumulate(), g, n, outCols);
                if (x.requiresGrad) {
                    float beta = x.gemmBeta();
                    Blas.sgemm(false, true, n, in, outCols, 1f, g, 0, outCols, w.data, 0, outCols, beta, x.grad, 0, in);
                }
            });
        }
        return out;
    }

    /**
     * x w + b for a constant sparse batch x (the first layer on a bag-of-words view): nnz(x) x width
     * multiply-adds forward and the same for the gradient of w (x^T g, scattered into the rows of w
     * that x touches). x takes no gradient; the op is recorded on the given tape (w and b are usually
     * parameters, which are on no tape).
     */
    public static Tensor sparseLinear(Tape tape, SparseRows x, Tensor w, Tensor b) {
        for (Tensor t : b == null ? new Tensor[] {w} : new Tensor[] {w, b}) {
            if (t.tape != null && t.tape != tape) throw new IllegalArgumentException("inputs are on different tapes");
            t.checkLive();
        }
        int n = x.rows(), in = x.cols(), outCols = w.cols;
        if (w.rows != in) throw new IllegalArgumentException("linear: input has " + in + " columns but the weight is " + w.shape());
        if (b != null && (b.rows != 1 || b.cols != outCols)) {
            throw new IllegalArgumentException("linear: bias must be 1 x " + outCols + ", got " + b.shape());
        }
        boolean grad = w.requiresGrad || (b != null && b.requiresGrad);
        Tensor out = tape.result(n, outCols, grad);
        float[] y = out.data, wd = w.data;
        // rows are independent: split over rows, sized by the work per row
        int workPerRow = (int) Math.min(Integer.MAX_VALUE, (long) Math.max(1, x.nonZeros() / Math.max(1, n)) * outCols);
        Kernels.forRows(n, workPerRow, (from, to) -> {
            for (int r = from; r < to; r++) {
                int o = r * outCols;
                if (b != null) System.arraycopy(b.data, 0, y, o, outCols);
                else Arrays.fill(y, o, o + outCols, 0f);
                for (int k = x.rowStart(r); k < x.rowStart(r + 1); k++) {
                    float v = x.value(k);
                    int wo = x.column(k) * outCols;
                    for (int c = 0; c < outCols; c++) y[o + c] += v * wd[wo + c];
                }
            }
        });
        if (grad) {
            tape.record(out, () -> {
                float[] g = out.grad;
                if (w.requiresGrad) scatterTransposed(x, g, w.gradForAccumulate(), outCols);
                if (b != null && b.requiresGrad) Kernels.addColumnSums(b.gradForAccumulate(), g, n, outCols);
            });
        }
        return out;
    }

    /** target += x^T g, split over column ranges of g so that each entry is summed in row order whatever the threads. */
    private static void scatterTransposed(SparseRows x, float[] g, float[] target, int outCols) {
        int n = x.rows();
        int chunks = Parallel.threads() == 1 || (long) x.nonZeros() * outCols <= Kernels.GRAIN || outCols < 64
                ? 1 : Math.min(4 * Parallel.threads(), outCols / 32);
        int step = (outCols + chunks - 1) / chunks;
        Parallel.forEach(chunks, chunk -> {
            int c0 = chunk * step, c1 = Math.min(outCols, c0 + step);
            for (int r = 0; r < n; r++) {
                int go = r * outCols;
                for (int k = x.rowStart(r); k < x.rowStart(r + 1); k++) {
                    float v = x.value(k);
                    int to = x.column(k) * outCols;
                    for (int c = c0; c < c1; c++) target[to + c] += v * g[go + c];
                }
            }
        });
    }

    public static Tensor transpose(Tensor a) {
        Tape tape = Tape.of(a);
        int rows = a.rows, cols = a.cols;
        Tensor out = tape.result(cols, rows, a.requiresGrad);
        float[] x = a.data, y = out.data;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) y[c * rows + r] = x[r * cols + c];
        }
        if (out.requiresGrad) {
            tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) d[r * cols + c] += g[c * rows + r];
                }
            });
        }
        return out;
    }

    /**
     * Squared Euclidean distances between the rows of a (m x d) and of b (n x d), m x n, as
     * |a_i|^2 + |b_j|^2 - 2 a_i.b_j (one sgemm) clamped at 0. Where the clamp acts the gradient is 0.
     */
    public static Tensor pairwiseSquaredDistances(Tensor a, Tensor b) {
        Tape tape = Tape.of(a, b);
        if (a.cols != b.cols) throw new IllegalArgumentException("pairwise distances: " + a.shape() + " and " + b.shape() + " differ in columns");
        int m = a.rows, n = b.rows, d = a.cols;
        Tensor out = tape.result(m, n, a.requiresGrad || b.requiresGrad);
        float[] y = out.data;
        float[] na = rowSquaredNorms(tape, a);
        float[] nb = rowSquaredNorms(tape, b);
        Blas.sgemm(false, true, m, n, d, -2f, a.data, 0, d, b.data, 0, d, 0f, y, 0, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0, base = i * n; j < n; j++) y[base + j] = Math.max(0f, y[base + j] + na[i] + nb[j]);
        }
        if (out.requiresGrad) {
            tape.record(out, () -> {
                // with G' = G where D > 0: dA = 2 (rowsum(G') * A - G' B), dB = 2 (colsum(G') * B - G'^T A)
                float[] g = tape.scratch(m * n);
                float[] rowSums = tape.scratch(m);
                float[] colSums = tape.scratch(n);
                Arrays.fill(rowSums, 0f);
                Arrays.fill(colSums, 0f);
                for (int i = 0; i < m; i++) {
                    for (int j = 0, base = i * n; j < n; j++) {
                        float v = y[base + j] > 0f ? out.grad[base + j] : 0f;
                        g[base + j] = v;
                        rowSums[i] += v;
                        colSums[j] += v;
                    }
                }
                if (a.requiresGrad) {
                    float[] da = a.gradForAccumulate();
                    Blas.sgemm(false, false, m, d, n, -2f, g, 0, n, b.data, 0, d, 1f, da, 0, d);
                    for (int i = 0; i < m; i++) {
                        float s = 2f * rowSums[i];
                        for (int c = 0, base = i * d; c < d; c++) da[base + c] += s * a.data[base + c];
                    }
                }
                if (b.requiresGrad) {
                    float[] db = b.gradForAccumulate();
                    Blas.sgemm(true, false, n, d, m, -2f, g, 0, n, a.data, 0, d, 1f, db, 0, d);
                    for (int j = 0; j < n; j++) {
                        float s = 2f * colSums[j];
                        for (int c = 0, base = j * d; c < d; c++) db[base + c] += s * b.data[base + c];
                    }
                }
            });
        }
        return out;
    }

    private static float[] rowSquaredNorms(Tape tape, Tensor a) {
        float[] norms = tape.scratch(a.rows);
        for (int r = 0; r < a.rows; r++) {
            float s = 0f;
            for (int c = 0, base = r * a.cols; c < a.cols; c++) s += a.data[base + c] * a.data[base + c];
            norms[r] = s;
        }
        return norms;
    }
}
