package org.specrage.linalg;

import java.util.Arrays;
import java.util.List;

/**
 * Dense float32 matrix stored row-major in one array: entry (r, c) is {@code data[r * cols + c]}.
 * The array is exposed on purpose so that BLAS calls and hot loops work on it directly.
 */
public final class FMatrix {
    public final int rows;
    public final int cols;
    public final float[] data;

    public FMatrix(int rows, int cols) {
        this(rows, cols, new float[checkedSize(rows, cols)]);
    }

    public FMatrix(int rows, int cols, float[] data) {
        checkedSize(rows, cols);
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("data length " + data.length + " != " + rows + " x " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    static int checkedSize(int rows, int cols) {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative shape " + rows + " x " + cols);
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("matrix too large: " + rows + " x " + cols);
        return (int) size;
    }

    public float get(int r, int c) {
        return data[r * cols + c];
    }

    public void set(int r, int c, float v) {
        data[r * cols + c] = v;
    }

    public FMatrix copy() {
        return new FMatrix(rows, cols, data.clone());
    }

    /** A copy with every non-zero row scaled to unit Euclidean length (in double, then rounded); zero rows stay zero. */
    public FMatrix unitRows() {
        FMatrix out = copy();
        scaleRowsToUnit(out.data, rows, cols);
        return out;
    }

    /** Scales the first {@code rows} rows of a row-major array of {@code cols} columns to unit length in place (zero rows stay zero). */
    public static void scaleRowsToUnit(float[] data, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double s = 0;
            for (int c = 0; c < cols; c++) s += (double) data[o + c] * data[o + c];
            if (s == 0) continue;
            double inv = 1.0 / Math.sqrt(s);
            for (int c = 0; c < cols; c++) data[o + c] = (float) (data[o + c] * inv);
        }
    }

    /** A new matrix holding the given rows, in the given order. */
    public FMatrix selectRows(int[] rowIndices) {
        FMatrix out = new FMatrix(rowIndices.length, cols);
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(data, rowIndices[i] * cols, out.data, i * cols, cols);
        }
        return out;
    }

    /** Columns of the given matrices side by side; all must have the same number of rows. */
    public static FMatrix hconcat(List<FMatrix> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("nothing to concatenate");
        int rows = parts.get(0).rows;
        int cols = 0;
        for (FMatrix p : parts) {
            if (p.rows != rows) throw new IllegalArgumentException("row counts differ: " + rows + " vs " + p.rows);
            cols += p.cols;
        }
        FMatrix out = new FMatrix(rows, cols);
        int offset = 0;
        for (FMatrix p : parts) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(p.data, r * p.cols, out.data, r * cols + offset, p.cols);
            }
            offset += p.cols;
        }
        return out;
    }

    public DMatrix toDouble() {
        DMatrix out = new DMatrix(rows, cols);
        for (int i = 0; i < data.length; i++) out.data[i] = data[i];
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FMatrix[" + rows + " x " + cols + "]";
    }
}
