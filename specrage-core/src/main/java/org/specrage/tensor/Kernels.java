package org.specrage.tensor;

import org.specrage.util.Parallel;

/**
 * Plain loops shared by the ops, and the way they are spread over the engine's threads
 * ({@link Parallel#setThreads}). Splitting never changes a result: element-wise loops are
 * independent, and reductions are split only along directions that are summed sequentially.
 */
final class Kernels {
    /** Below this many elements a loop runs on the calling thread. */
    static final int GRAIN = 1 << 15;

    private Kernels() {
    }

    /** A loop body over the index range [from, to). */
    interface Range extends Parallel.Range {
    }

    /** Runs body over [0, n), in parallel chunks when n is large and more than one thread is configured. */
    static void forRange(int n, Range body) {
        Parallel.forRange(n, GRAIN, body);
    }

    /** Runs body over row ranges of a rows x cols array, in parallel when it is large. */
    static void forRows(int rows, int cols, Range body) {
        int threads = Parallel.threads();
        long n = (long) rows * cols;
        if (threads == 1 || n <= GRAIN || rows < 2) {
            body.run(0, rows);
            return;
        }
        int chunks = (int) Math.min(Math.min(4L * threads, rows), (n + GRAIN - 1) / GRAIN);
        int step = (rows + chunks - 1) / chunks;
        Parallel.forEach(chunks, c -> body.run(c * step, Math.min(rows, (c + 1) * step)));
    }

    /** target[i] += source[i]. */
    static void addInto(float[] target, float[] source, int n) {
        forRange(n, (from, to) -> {
            for (int i = from; i < to; i++) target[i] += source[i];
        });
    }

    /** target[i] += alpha * source[i]. */
    static void addScaledInto(float[] target, float alpha, float[] source, int n) {
        forRange(n, (from, to) -> {
            for (int i = from; i < to; i++) target[i] += alpha * source[i];
        });
    }

    /** Adds each column's sum of a rows x cols array to target[col] (the gradient of a row broadcast). */
    static void addColumnSums(float[] target, float[] source, int rows, int cols) {
        // Split over columns so each column is still summed top to bottom, whatever the thread count.
        if (Parallel.threads() == 1 || (long) rows * cols <= GRAIN || cols < 64) {
            addColumnSums(target, source, rows, cols, 0, cols);
            return;
        }
        int chunks = Math.min(4 * Parallel.threads(), cols / 32);
        int step = (cols + chunks - 1) / chunks;
        Parallel.forEach(chunks, c -> addColumnSums(target, source, rows, cols, c * step, Math.min(cols, (c + 1) * step)));
    }

    private static void addColumnSums(float[] target, float[] source, int rows, int cols, int from, int to) {
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = from; c < to; c++) target[c] += source[base + c];
        }
    }

    /** Adds each row's sum of a rows x cols array to target[row]. */
    static void addRowSums(float[] target, float[] source, int rows, int cols) {
        forRows(rows, cols, (from, to) -> {
            for (int r = from; r < to; r++) {
                int base = r * cols;
                float s = 0f;
                for (int c = 0; c < cols; c++) s += source[base + c];
                target[r] += s;
            }
        });
    }

    /** Sum of all entries, in double, summed in a fixed order. */
    static double sum(float[] a, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += a[i];
        return s;
    }
}
