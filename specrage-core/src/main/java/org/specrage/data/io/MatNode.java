package org.specrage.data.io;

import org.specrage.data.DataException;
import org.specrage.data.View;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

import java.util.Arrays;
import java.util.List;

/**
 * One MATLAB variable or cell element, the same for MAT v5 and v7.3 files. Numeric values are
 * addressed by their column-major (MATLAB) index; sparse values come as (row, column, value) triplets.
 */
abstract class MatNode {
    /** The MATLAB class: "double", "single", "int64", "logical", "cell", "char", "sparse", "struct", ... */
    abstract String matlabClass();

    /** MATLAB dimensions (at least two). */
    abstract int[] dims();

    boolean isCell() {
        return false;
    }

    boolean isSparse() {
        return false;
    }

    boolean isNumeric() {
        return false;
    }

    boolean isChar() {
        return false;
    }

    /** Cell elements in column-major order. */
    List<MatNode> elements() {
        throw new IllegalStateException("not a cell");
    }

    /** The text of a char array. */
    String text() {
        throw new IllegalStateException("not a char array");
    }

    /** Value number i in column-major order, for numeric arrays. */
    double value(int i) {
        throw new IllegalStateException("not numeric");
    }

    /** Calls the consumer for each stored entry of a sparse matrix. */
    void forEachNonZero(TripletConsumer consumer) {
        throw new IllegalStateException("not sparse");
    }

    interface TripletConsumer {
        void accept(int row, int col, double value);
    }

    int rows() {
        return dims()[0];
    }

    int cols() {
        int[] d = dims();
        int c = 1;
        for (int k = 1; k < d.length; k++) c *= d[k];
        return c;
    }

    int elementCount() {
        return rows() * cols();
    }

    boolean isMatrix() {
        return (isNumeric() || isSparse()) && dims().length == 2;
    }

    /** Numeric or sparse 1 x n or n x 1, or a single value. */
    boolean isVector() {
        return isNumeric() && dims().length == 2 && (rows() == 1 || cols() == 1);
    }

    String shape() {
        int[] d = dims();
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < d.length; k++) sb.append(k == 0 ? "" : "x").append(d[k]);
        return sb + " " + matlabClass();
    }

    /** All values of a numeric array in column-major order. */
    double[] toVector() {
        if (!isNumeric()) throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "expected a numeric array, found " + shape());
        double[] out = new double[elementCount()];
        for (int i = 0; i < out.length; i++) out[i] = value(i);
        return out;
    }

    /** The matrix as a view with MATLAB rows as samples, or MATLAB columns as samples when transposed. */
    View toView(boolean transpose) {
        if (dims().length != 2) {
            throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "expected a 2-D matrix, found " + shape());
        }
        int rows = rows(), cols = cols();
        if (isSparse()) return View.sparse(sparseView(rows, cols, transpose));
        if (!isNumeric()) throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "expected a numeric matrix, found " + shape());
        FMatrix out = transpose ? new FMatrix(cols, rows) : new FMatrix(rows, cols);
        float[] data = out.data;
        if (transpose) {
            // column-major source read in order is row-major for the transpose
            for (int i = 0; i < data.length; i++) data[i] = (float) value(i);
        } else {
            for (int c = 0, i = 0; c < cols; c++) {
                for (int r = 0; r < rows; r++, i++) data[r * cols + c] = (float) value(i);
            }
        }
        return View.dense(out);
    }

    private CsrMatrix sparseView(int rows, int cols, boolean transpose) {
        int[] count = {0};
        forEachNonZero((r, c, v) -> count[0]++);
        int[] ri = new int[count[0]];
        int[] ci = new int[count[0]];
        double[] vi = new double[count[0]];
        int[] k = {0};
        forEachNonZero((r, c, v) -> {
            ri[k[0]] = transpose ? c : r;
            ci[k[0]] = transpose ? r : c;
            vi[k[0]] = v;
            k[0]++;
        });
        return transpose ? CsrMatrix.fromTriplets(cols, rows, ri, ci, vi, k[0]) : CsrMatrix.fromTriplets(rows, cols, ri, ci, vi, k[0]);
    }

    @Override
    public String toString() {
        return "MatNode[" + shape() + ", dims " + Arrays.toString(dims()) + "]";
    }
}
