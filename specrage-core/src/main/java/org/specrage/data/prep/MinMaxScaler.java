package org.specrage.data.prep;

import org.specrage.data.View;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

import java.util.Arrays;
import java.util.Map;

/**
 * Maps each column to [0, 1] over the training rows: (x - min) / (max - min). Constant columns map
 * to 0 (no division by zero); rows outside the training range fall outside [0, 1] (no clipping).
 * <p>Sparse views are scaled without densifying: fitting on a sparse view sets min = 0 and
 * max = the largest |x| of the column (implicit zeros included), so the map is x / max. For the
 * usual non-negative counts with some zeros this is exactly min-max scaling; for other data it is
 * max-abs scaling. A scaler whose min is not 0 (fitted on dense data) refuses sparse input.
 */
public final class MinMaxScaler implements Scaler {
    private final double[] min;
    private final double[] max;

    /** An unfitted scaler. */
    public MinMaxScaler() {
        this(null, null);
    }

    private MinMaxScaler(double[] min, double[] max) {
        this.min = min;
        this.max = max;
    }

    /** A fitted scaler from stored statistics. */
    public static MinMaxScaler of(double[] min, double[] max) {
        if (min.length != max.length) throw new IllegalArgumentException("min and max differ in length");
        return new MinMaxScaler(min.clone(), max.clone());
    }

    @Override
    public MinMaxScaler fit(View train) {
        int cols = train.cols();
        double[] lo = new double[cols];
        double[] hi = new double[cols];
        if (train.isSparse()) {
            CsrMatrix m = train.sparse();
            for (int k = 0; k < m.nnz(); k++) hi[m.colIndex[k]] = Math.max(hi[m.colIndex[k]], Math.abs(m.values[k]));
        } else {
            FMatrix m = train.dense();
            Arrays.fill(lo, Double.POSITIVE_INFINITY);
            Arrays.fill(hi, Double.NEGATIVE_INFINITY);
            for (int r = 0; r < m.rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double v = m.data[r * cols + c];
                    if (v < lo[c]) lo[c] = v;
                    if (v > hi[c]) hi[c] = v;
                }
            }
            if (m.rows == 0) throw new IllegalArgumentException("cannot fit min-max scaling on zero rows");
        }
        return new MinMaxScaler(lo, hi);
    }

    @Override
    public View transform(View v) {
        Columns.requireFitted(min, kind());
        Columns.requireCols(v, min.length, kind());
        double[] scale = new double[min.length];
        for (int c = 0; c < scale.length; c++) {
            double range = max[c] - min[c];
            scale[c] = range > 0 ? 1.0 / range : 0.0; // constant column -> 0
        }
        if (v.isSparse()) {
            for (double m : min) {
                if (m != 0.0) {
                    throw new IllegalArgumentException("min-max scaling fitted with a non-zero minimum would densify a sparse view; fit it on sparse data");
                }
            }
            return Columns.scaleSparse(v.sparse(), scale, v.name());
        }
        return Columns.affine(v.dense(), min, scale, v.name());
    }

    @Override
    public String kind() {
        return "minmax";
    }

    @Override
    public Map<String, double[]> statistics() {
        Columns.requireFitted(min, kind());
        return Map.of("min", min.clone(), "max", max.clone());
    }

    public double[] min() {
        Columns.requireFitted(min, kind());
        return min.clone();
    }

    public double[] max() {
        Columns.requireFitted(max, kind());
        return max.clone();
    }
}
