package org.specrage.tensor;

import java.util.Arrays;

/**
 * A batch of sparse rows (CSR, float values) used as a constant network input: the first layer of a
 * network on a bag-of-words view then costs nnz x width instead of rows x columns x width
 * ({@link MatrixOps#sparseLinear}). Rows are built entry by entry ({@link #put}, {@link #endRow});
 * the buffers grow as needed and are reused after {@link #clear}. A batch must not be refilled while
 * a tape that used it still has to run backward.
 */
public final class SparseRows {
    private final int cols;
    private int rows;
    private int count;
    private int[] rowStart = new int[1];
    private int[] colIndex = new int[0];
    private float[] values = new float[0];

    public SparseRows(int cols) {
        if (cols < 0) throw new IllegalArgumentException("columns must be non-negative, got " + cols);
        this.cols = cols;
    }

    /** Starts a new batch: no rows. */
    public void clear() {
        rows = 0;
        count = 0;
    }

    /** Adds an entry to the row being built (each column at most once per row). */
    public void put(int column, float value) {
        if (column < 0 || column >= cols) throw new IllegalArgumentException("column " + column + " outside 0.." + (cols - 1));
        if (count == colIndex.length) {
            int size = Math.max(16, 2 * count);
            colIndex = Arrays.copyOf(colIndex, size);
            values = Arrays.copyOf(values, size);
        }
        colIndex[count] = column;
        values[count++] = value;
    }

    /** Adds the non-zeros of row[offset..offset + width) at columns shift.. to the row being built. */
    public void putDense(float[] row, int offset, int width, int shift) {
        for (int c = 0; c < width; c++) if (row[offset + c] != 0) put(shift + c, row[offset + c]);
    }

    /** Adds row r of another batch, its columns moved by shift, to the row being built. */
    public void putRow(SparseRows other, int r, int shift) {
        for (int k = other.rowStart[r]; k < other.rowStart[r + 1]; k++) put(shift + other.colIndex[k], other.values[k]);
    }

    /** Closes the row being built. */
    public void endRow() {
        if (rowStart.length < rows + 2) rowStart = Arrays.copyOf(rowStart, Math.max(rows + 2, 2 * rowStart.length));
        rowStart[0] = 0;
        rowStart[++rows] = count;
    }

    /** Appends one dense row (its zeros are skipped). */
    public void addDenseRow(float[] row, int offset) {
        putDense(row, offset, cols, 0);
        endRow();
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Entries of the closed rows. */
    public int nonZeros() {
        return rows == 0 ? 0 : rowStart[rows];
    }

    int rowStart(int r) {
        return r == 0 ? 0 : rowStart[r];
    }

    int column(int k) {
        return colIndex[k];
    }

    float value(int k) {
        return values[k];
    }
}
