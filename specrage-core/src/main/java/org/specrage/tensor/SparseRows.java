package org.specrage.tensor;

import java.util.Arrays;
import org.specrage.util.Parallel;

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
    // the batch by column (CSC), rebuilt by gram(): the products of row i are then a walk over the
    // columns row i touches, costing the sum over columns of (rows holding it)^2 instead of m^2 d
    private int[] columnStart = new int[0];
    private int[] columnRows = new int[0];
    private float[] columnValues = new float[0];

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

    /** Replaces the batch with rows order[from..to) of x (same columns). */
    public void setRows(org.specrage.linalg.CsrMatrix x, int[] order, int from, int to) {
        if (x.cols != cols) throw new IllegalArgumentException("the rows have " + x.cols + " columns, the batch " + cols);
        clear();
        for (int i = from; i < to; i++) {
            int r = order[i];
            for (int k = x.rowStart[r]; k < x.rowStart[r + 1]; k++) put(x.colIndex[k], (float) x.values[k]);
            endRow();
        }
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

    /** The squared Euclidean length of row r, in double. */
    public double rowSquaredNorm(int r) {
        double s = 0;
        for (int k = rowStart(r), end = rowStart(r + 1); k < end; k++) s += (double) values[k] * values[k];
        return s;
    }

    /**
     * The Gram matrix of the closed rows times alpha, written into {@code out[0 .. m*m)} (m = rows,
     * row-major): out[i m + j] = alpha x_i . x_j. Each row's sums run in a fixed order, so the result
     * does not depend on the thread count.
     */
    public void gram(float alpha, float[] out) {
        int m = rows, nnz = nonZeros();
        if (out.length < (long) m * m) throw new IllegalArgumentException("output of " + out.length + " floats is too small for " + m + " rows");
        indexByColumn(nnz);
        int chunks = Math.max(1, Math.min(m, 4 * Parallel.threads()));
        Parallel.forEach(chunks, c -> {
            int from = (int) ((long) m * c / chunks), to = (int) ((long) m * (c + 1) / chunks);
            for (int i = from; i < to; i++) {
                int o = i * m;
                Arrays.fill(out, o, o + m, 0f);
                for (int k = rowStart(i), end = rowStart(i + 1); k < end; k++) {
                    int col = colIndex[k];
                    float x = alpha * values[k];
                    for (int p = columnStart[col], q = columnStart[col + 1]; p < q; p++) out[o + columnRows[p]] += x * columnValues[p];
                }
            }
        });
    }

    private void indexByColumn(int nnz) {
        if (columnStart.length < cols + 1) columnStart = new int[cols + 1];
        if (columnRows.length < nnz) {
            columnRows = new int[Math.max(nnz, 2 * columnRows.length)];
            columnValues = new float[columnRows.length];
        }
        Arrays.fill(columnStart, 0, cols + 1, 0);
        for (int k = 0; k < nnz; k++) columnStart[colIndex[k] + 1]++;
        for (int c = 0; c < cols; c++) columnStart[c + 1] += columnStart[c];
        // fill each column's entries in row order; columnStart[c] runs ahead and is shifted back after
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart(r), end = rowStart(r + 1); k < end; k++) {
                int p = columnStart[colIndex[k]]++;
                columnRows[p] = r;
                columnValues[p] = values[k];
            }
        }
        for (int c = cols; c > 0; c--) columnStart[c] = columnStart[c - 1];
        columnStart[0] = 0;
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
