package org.specrage.linalg;

import java.util.Arrays;

/**
 * Dense float64 matrix stored row-major: entry (r, c) is {@code data[r * cols + c]}. Used where an
 * eigensolver or a small factorisation needs double precision; networks use {@link FMatrix}.
 */
public final class DMatrix {
    public final int rows;
    public final int cols;
    public final double[] data;

    public DMatrix(int rows, int cols) {
        this(rows, cols, new double[FMatrix.checkedSize(rows, cols)]);
    }

    public DMatrix(int rows, int cols, double[] data) {
        FMatrix.checkedSize(rows, cols);
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("data length " + data.length + " != " + rows + " x " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    public double get(int r, int c) {
        return data[r * cols + c];
    }

    public void set(int r, int c, double v) {
        data[r * cols + c] = v;
    }

    public DMatrix copy() {
        return new DMatrix(rows, cols, data.clone());
    }

    public DMatrix selectRows(int[] rowIndices) {
        DMatrix out = new DMatrix(rowIndices.length, cols);
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(data, rowIndices[i] * cols, out.data, i * cols, cols);
        }
        return out;
    }

    public FMatrix toFloat() {
        FMatrix out = new FMatrix(rows, cols);
        for (int i = 0; i < data.length; i++) out.data[i] = (float) data[i];
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DMatrix[" + rows + " x " + cols + "]";
    }
}
