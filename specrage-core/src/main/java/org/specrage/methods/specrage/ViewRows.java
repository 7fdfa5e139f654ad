package org.specrage.methods.specrage;

import java.util.Arrays;
import org.specrage.data.View;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

/**
 * Rows of one view, dense or sparse, copied into a dense float32 buffer batch by batch (a sparse
 * view is never densified as a whole), optionally scaled to unit Euclidean norm (cosine affinities).
 */
final class ViewRows {
    private final View view;
    private final boolean unitRows;

    ViewRows(View view, boolean unitRows) {
        this.view = view;
        this.unitRows = unitRows;
    }

    int rows() {
        return view.rows();
    }

    int cols() {
        return view.cols();
    }

    View view() {
        return view;
    }

    /** Copies rows order[from..to) into out (at least (to - from) x cols), row i of the batch at row i. */
    void gather(int[] order, int from, int to, FMatrix out) {
        int d = view.cols();
        if (out.cols != d || out.rows < to - from) throw new IllegalArgumentException("buffer " + out.rows + " x " + out.cols + " too small");
        float[] dst = out.data;
        if (view.isSparse()) {
            CsrMatrix s = view.sparse();
            Arrays.fill(dst, 0, (to - from) * d, 0f);
            for (int i = from; i < to; i++) {
                int r = order[i], base = (i - from) * d;
                for (int p = s.rowStart[r]; p < s.rowStart[r + 1]; p++) dst[base + s.colIndex[p]] = (float) s.values[p];
            }
        } else {
            float[] src = view.dense().data;
            for (int i = from; i < to; i++) System.arraycopy(src, order[i] * d, dst, (i - from) * d, d);
        }
        if (unitRows) normalizeRows(dst, to - from, d);
    }

    /** Each row divided by its Euclidean norm; zero rows stay zero. */
    static void normalizeRows(float[] x, int rows, int d) {
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0, b = r * d; c < d; c++) s += (double) x[b + c] * x[b + c];
            if (s == 0) continue;
            float inv = (float) (1 / Math.sqrt(s));
            for (int c = 0, b = r * d; c < d; c++) x[b + c] *= inv;
        }
    }
}
