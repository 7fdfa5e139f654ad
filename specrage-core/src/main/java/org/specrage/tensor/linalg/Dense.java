package org.specrage.tensor.linalg;

import org.specrage.linalg.Blas;
import org.specrage.linalg.DMatrix;

/** Small dense helpers shared by the ops of this package (k x k sized work, clarity over speed). */
final class Dense {
    private Dense() {
    }

    static void requireSquare(String name, DMatrix a) {
        if (a.rows != a.cols) {
            throw new IllegalArgumentException(name + " must be square, got " + a.rows + " x " + a.cols);
        }
    }

    static void requireShape(String name, DMatrix a, int rows, int cols) {
        if (a.rows != rows || a.cols != cols) {
            throw new IllegalArgumentException(name + " must be " + rows + " x " + cols + ", got " + a.rows + " x " + a.cols);
        }
    }

    static void requireFinite(String name, DMatrix a) {
        for (int i = 0; i < a.data.length; i++) {
            if (!Double.isFinite(a.data[i])) {
                throw new IllegalArgumentException(name + " has a non-finite entry " + a.data[i]
                        + " at (" + i / a.cols + ", " + i % a.cols + ")");
            }
        }
    }

    /** op(A) op(B) as a new matrix. */
    static DMatrix multiply(DMatrix a, boolean transA, DMatrix b, boolean transB) {
        DMatrix c = new DMatrix(transA ? a.cols : a.rows, transB ? b.rows : b.cols);
        Blas.dgemm(transA, transB, 1.0, a, b, 0.0, c);
        return c;
    }

    static DMatrix multiply(DMatrix a, DMatrix b) {
        return multiply(a, false, b, false);
    }

    static DMatrix transpose(DMatrix a) {
        DMatrix t = new DMatrix(a.cols, a.rows);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < a.cols; j++) t.data[j * a.rows + i] = a.data[i * a.cols + j];
        }
        return t;
    }

    /** (A + A^T) / 2 as a new matrix. */
    static DMatrix symmetricPart(DMatrix a) {
        int k = a.rows;
        DMatrix s = new DMatrix(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) s.data[i * k + j] = 0.5 * (a.data[i * k + j] + a.data[j * k + i]);
        }
        return s;
    }

    /** Lower triangle including the diagonal, as a new matrix. */
    static DMatrix lower(DMatrix a) {
        DMatrix out = new DMatrix(a.rows, a.cols);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j <= Math.min(i, a.cols - 1); j++) out.data[i * a.cols + j] = a.data[i * a.cols + j];
        }
        return out;
    }

    /** Upper triangle including the diagonal, as a new matrix. */
    static DMatrix upper(DMatrix a) {
        DMatrix out = new DMatrix(a.rows, a.cols);
        for (int i = 0; i < a.rows; i++) {
            for (int j = i; j < a.cols; j++) out.data[i * a.cols + j] = a.data[i * a.cols + j];
        }
        return out;
    }

    /** a += b, element-wise; returns a. */
    static DMatrix addInPlace(DMatrix a, DMatrix b) {
        for (int i = 0; i < a.data.length; i++) a.data[i] += b.data[i];
        return a;
    }

    static DMatrix scaleInPlace(DMatrix a, double s) {
        for (int i = 0; i < a.data.length; i++) a.data[i] *= s;
        return a;
    }

    /** Column-major copy of a row-major matrix, for LAPACK. */
    static double[] toColumnMajor(DMatrix a) {
        double[] out = new double[a.data.length];
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < a.cols; j++) out[i + j * a.rows] = a.data[i * a.cols + j];
        }
        return out;
    }

    /** Row-major matrix from the leading rows x cols block of a column-major array with leading dimension ld. */
    static DMatrix fromColumnMajor(double[] cm, int ld, int rows, int cols) {
        DMatrix out = new DMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) out.data[i * cols + j] = cm[i + j * ld];
        }
        return out;
    }

    /**
     * Relative slack for ties in {@link #canonicalColumnSign}: entries within this fraction of the largest
     * magnitude count as tied, so exact ties (common in structured matrices) resolve the same way
     * whatever the rounding.
     */
    static final double SIGN_TIE_TOLERANCE = 1e-10;

    /**
     * Makes column j of V positive at its largest-magnitude entry; among entries tied with the largest
     * (within {@link #SIGN_TIE_TOLERANCE}) the first one counts. Returns true if the column was flipped.
     */
    static boolean canonicalColumnSign(DMatrix v, int j) {
        double largest = 0;
        for (int i = 0; i < v.rows; i++) largest = Math.max(largest, Math.abs(v.data[i * v.cols + j]));
        int chosen = 0;
        while (chosen < v.rows - 1 && Math.abs(v.data[chosen * v.cols + j]) < (1 - SIGN_TIE_TOLERANCE) * largest) chosen++;
        if (v.data[chosen * v.cols + j] >= 0) return false;
        for (int i = 0; i < v.rows; i++) v.data[i * v.cols + j] = -v.data[i * v.cols + j];
        return true;
    }
}
