package org.specrage.data.prep;

import org.specrage.data.View;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

import java.util.Map;

/**
 * TF-IDF weighting of count data, as scikit-learn's TfidfTransformer with its defaults: on the
 * training rows idf_j = ln((1 + n) / (1 + df_j)) + 1, where df_j counts rows with a non-zero in
 * column j; transform multiplies each column by idf_j and scales each row to unit L2 length.
 * Sparse views stay sparse.
 */
public final class TfIdf implements Scaler {
    private final double[] idf;

    public TfIdf() {
        this(null);
    }

    private TfIdf(double[] idf) {
        this.idf = idf;
    }

    public static TfIdf of(double[] idf) {
        return new TfIdf(idf.clone());
    }

    @Override
    public TfIdf fit(View train) {
        int cols = train.cols();
        int n = train.rows();
        int[] df = new int[cols];
        if (train.isSparse()) {
            CsrMatrix m = train.sparse();
            for (int k = 0; k < m.nnz(); k++) if (m.values[k] != 0) df[m.colIndex[k]]++;
        } else {
            FMatrix m = train.dense();
            for (int i = 0; i < m.data.length; i++) if (m.data[i] != 0) df[i % cols]++;
        }
        double[] weights = new double[cols];
        for (int c = 0; c < cols; c++) weights[c] = Math.log((1.0 + n) / (1.0 + df[c])) + 1.0;
        return new TfIdf(weights);
    }

    @Override
    public View transform(View v) {
        Columns.requireFitted(idf, kind());
        Columns.requireCols(v, idf.length, kind());
        View weighted = v.isSparse() ? Columns.scaleSparse(v.sparse(), idf, v.name())
                : Columns.affine(v.dense(), new double[idf.length], idf, v.name());
        return L2RowNormalizer.normalize(weighted);
    }

    @Override
    public String kind() {
        return "tfidf";
    }

    @Override
    public Map<String, double[]> statistics() {
        Columns.requireFitted(idf, kind());
        return Map.of("idf", idf.clone());
    }

    public double[] idf() {
        Columns.requireFitted(idf, kind());
        return idf.clone();
    }
}
