package org.specrage.data.prep;

import org.specrage.data.View;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

/** Column-wise helpers shared by the scalers: applying per-column affine maps to dense or sparse views. */
final class Columns {
    private Columns() {
    }

    static void requireFitted(Object statistic, String kind) {
        if (statistic == null) throw new IllegalStateException(kind + " scaler used before fit()");
    }

    static void requireCols(View v, int expected, String kind) {
        if (v.cols() != expected) {
            throw new IllegalArgumentException(kind + " scaler was fitted on " + expected + " columns but the view has " + v.cols());
        }
    }

    /** Dense: out = (x - shift[c]) * scale[c]. */
    static View affine(FMatrix m, double[] shift, double[] scale, String name) {
        FMatrix out = new FMatrix(m.rows, m.cols);
        int cols = m.cols;
        for (int r = 0; r < m.rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) out.data[base + c] = (float) ((m.data[base + c] - shift[c]) * scale[c]);
        }
        return View.dense(out).withName(name);
    }

    /** Sparse: out = x * scale[c] for stored entries; entries that become zero are dropped. */
    static View scaleSparse(CsrMatrix m, double[] scale, String name) {
        int[] start = new int[m.rows + 1];
        int[] idx = new int[m.nnz()];
        double[] val = new double[m.nnz()];
        int w = 0;
        for (int r = 0; r < m.rows; r++) {
            for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                double v = m.values[k] * scale[m.colIndex[k]];
                if (v != 0.0) {
                    idx[w] = m.colIndex[k];
                    val[w] = v;
                    w++;
                }
            }
            start[r + 1] = w;
        }
        return View.sparse(new CsrMatrix(m.rows, m.cols, start, java.util.Arrays.copyOf(idx, w), java.util.Arrays.copyOf(val, w))).withName(name);
    }
}
