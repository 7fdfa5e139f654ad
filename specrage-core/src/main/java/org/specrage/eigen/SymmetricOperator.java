package org.specrage.eigen;

import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.DMatrix;

/** A symmetric linear map y = A x, known only through products (for Lanczos). */
public interface SymmetricOperator {
    int size();

    /** Writes A x into y; x and y have length {@link #size()} and are distinct arrays. */
    void apply(double[] x, double[] y);

    /** The operator of a square sparse matrix; symmetry is the caller's promise and is not checked. */
    static SymmetricOperator of(CsrMatrix a) {
        if (a.rows != a.cols) throw new IllegalArgumentException("symmetric operator needs a square matrix, got " + a);
        return new SymmetricOperator() {
            @Override
            public int size() {
                return a.rows;
            }

            @Override
            public void apply(double[] x, double[] y) {
                a.multiply(x, y);
            }
        };
    }

    /** The operator of a square dense matrix; symmetry is the caller's promise and is not checked. */
    static SymmetricOperator of(DMatrix a) {
        if (a.rows != a.cols) throw new IllegalArgumentException("symmetric operator needs a square matrix, got " + a);
        int n = a.rows;
        return new SymmetricOperator() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public void apply(double[] x, double[] y) {
                for (int r = 0; r < n; r++) {
                    double s = 0;
                    for (int c = 0, o = r * n; c < n; c++) s += a.data[o + c] * x[c];
                    y[r] = s;
                }
            }
        };
    }
}
