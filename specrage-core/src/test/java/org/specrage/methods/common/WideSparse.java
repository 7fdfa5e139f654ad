package org.specrage.methods.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

/** Test data and checks for methods that must keep a wide sparse view sparse. */
public final class WideSparse {
    private WideSparse() {
    }

    /** n rows of two classes (row i is class i % 2): one sparse view of d columns, 15 words per row from its class's half. */
    public static MultiViewData words(int n, int d) {
        SplittableRandom r = new SplittableRandom(5);
        int[] labels = new int[n], rows = new int[n * 15], cols = new int[n * 15];
        double[] values = new double[n * 15];
        for (int i = 0, c = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int t = 0; t < 15; t++, c++) {
                rows[c] = i;
                cols[c] = labels[i] * (d / 2) + r.nextInt(d / 2);
                values[c] = 1;
            }
        }
        return new MultiViewData(List.of(View.sparse(CsrMatrix.fromTriplets(n, d, rows, cols, values, rows.length))), labels, "wide");
    }

    /**
     * Fits and embeds, checking that this took (on this thread) less than 1/fraction of view 0 written
     * out densely, and that the embedding has a finite row per data row.
     */
    public static FMatrix assertFitsWithoutTheDenseView(MultiViewData data, int fraction, Function<MultiViewData, FMatrix> fitAndTransform) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        FMatrix embedding = fitAndTransform.apply(data);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(data.rows(), embedding.rows);
        for (float v : embedding.data) assertTrue(Float.isFinite(v), "embedding entry " + v);
        long denseBytes = (long) data.rows() * data.view(0).cols() * Float.BYTES;
        assertTrue(allocated < denseBytes / fraction, "allocated " + allocated / 1_000_000 + " MB; the dense view alone is " + denseBytes / 1_000_000 + " MB");
        return embedding;
    }
}
