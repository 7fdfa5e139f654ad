package org.specrage.data.prep;

import org.specrage.data.View;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

import java.util.Map;

/**
 * Standardises each column to zero mean and unit variance over the training rows:
 * (x - mean) / std, with the population std (as scikit-learn); a column with zero variance gets
 * scale 1, so it maps to 0. Sparse views are only divided by the std (centring would densify
 * them), as scikit-learn's with_mean=False; their stored mean is 0.
 */
public final class StandardScaler implements Scaler {
    private final double[] mean;
    private final double[] scale;

    public StandardScaler() {
        this(null, null);
    }

    private StandardScaler(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** A fitted scaler from stored statistics (scale = the std, 1 for constant columns). */
    public static StandardScaler of(double[] mean, double[] scale) {
        if (mean.length != scale.length) throw new IllegalArgumentException("mean and scale differ in length");
        return new StandardScaler(mean.clone(), scale.clone());
    }

    @Override
    public StandardScaler fit(View train) {
        int cols = train.cols();
        int n = train.rows();
        if (n == 0) throw new IllegalArgumentException("cannot fit standard scaling on zero rows");
        double[] mu = new double[cols];
        double[] var = new double[cols];
        if (train.isSparse()) {
            CsrMatrix m = train.sparse();
            double[] sum = new double[cols];
            for (int k = 0; k < m.nnz(); k++) sum[m.colIndex[k]] += m.values[k];
            double[] colMean = new double[cols];
            for (int c = 0; c < cols; c++) colMean[c] = sum[c] / n;
            // two-pass variance; implicit zeros contribute colMean^2 each
            int[] stored = new int[cols];
            for (int k = 0; k < m.nnz(); k++) {
                int c = m.colIndex[k];
                double d = m.values[k] - colMean[c];
                var[c] += d * d;
                stored[c]++;
            }
            for (int c = 0; c < cols; c++) var[c] = (var[c] + (double) (n - stored[c]) * colMean[c] * colMean[c]) / n;
        } else {
            FMatrix m = train.dense();
            for (int r = 0; r < n; r++) for (int c = 0; c < cols; c++) mu[c] += m.data[r * cols + c];
            for (int c = 0; c < cols; c++) mu[c] /= n;
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < cols; c++) {
                    double d = m.data[r * cols + c] - mu[c];
                    var[c] += d * d;
                }
            }
            for (int c = 0; c < cols; c++) var[c] /= n;
        }
        double[] std = new double[cols];
        for (int c = 0; c < cols; c++) {
            double s = Math.sqrt(var[c]);
            std[c] = s > 0 ? s : 1.0;
        }
        return new StandardScaler(mu, std);
    }

    @Override
    public View transform(View v) {
        Columns.requireFitted(mean, kind());
        Columns.requireCols(v, mean.length, kind());
        double[] inverse = new double[scale.length];
        for (int c = 0; c < inverse.length; c++) inverse[c] = 1.0 / scale[c];
        if (v.isSparse()) {
            for (double m : mean) {
                if (m != 0.0) throw new IllegalArgumentException("standard scaling fitted on dense data (non-zero mean) would densify a sparse view");
            }
            return Columns.scaleSparse(v.sparse(), inverse, v.name());
        }
        return Columns.affine(v.dense(), mean, inverse, v.name());
    }

    @Override
    public String kind() {
        return "standard";
    }

    @Override
    public Map<String, double[]> statistics() {
        Columns.requireFitted(mean, kind());
        return Map.of("mean", mean.clone(), "scale", scale.clone());
    }

    public double[] mean() {
        Columns.requireFitted(mean, kind());
        return mean.clone();
    }

    /** The per-column std used as divisor (1 where the training std is 0). */
    public double[] scale() {
        Columns.requireFitted(scale, kind());
        return scale.clone();
    }
}
