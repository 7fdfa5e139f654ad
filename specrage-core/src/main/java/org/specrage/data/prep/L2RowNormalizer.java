package org.specrage.data.prep;

import org.specrage.data.View;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

import java.util.Map;

/** Scales every row to unit Euclidean length; all-zero rows stay zero. Stateless: fit changes nothing. */
public final class L2RowNormalizer implements Scaler {
    @Override
    public L2RowNormalizer fit(View trainRows) {
        return this;
    }

    @Override
    public View transform(View v) {
        return normalize(v);
    }

    static View normalize(View v) {
        if (v.isSparse()) {
            CsrMatrix m = v.sparse();
            double[] values = m.values.clone();
            for (int r = 0; r < m.rows; r++) {
                double s = 0;
                for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) s += values[k] * values[k];
                if (s > 0) {
                    double inv = 1.0 / Math.sqrt(s);
                    for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) values[k] *= inv;
                }
            }
            return View.sparse(new CsrMatrix(m.rows, m.cols, m.rowStart.clone(), m.colIndex.clone(), values)).withName(v.name());
        }
        FMatrix m = v.dense();
        FMatrix out = new FMatrix(m.rows, m.cols);
        for (int r = 0; r < m.rows; r++) {
            int base = r * m.cols;
            double s = 0;
            for (int c = 0; c < m.cols; c++) s += (double) m.data[base + c] * m.data[base + c];
            double inv = s > 0 ? 1.0 / Math.sqrt(s) : 0.0;
            for (int c = 0; c < m.cols; c++) out.data[base + c] = (float) (m.data[base + c] * inv);
        }
        return View.dense(out).withName(v.name());
    }

    @Override
    public String kind() {
        return "l2";
    }

    @Override
    public Map<String, double[]> statistics() {
        return Map.of();
    }
}
