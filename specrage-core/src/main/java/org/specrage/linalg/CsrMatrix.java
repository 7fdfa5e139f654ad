package org.specrage.linalg;

import java.util.Arrays;

/**
 * Sparse matrix in compressed sparse row form with float64 values. Row r holds the entries
 * {@code colIndex[rowStart[r] .. rowStart[r+1])}, sorted by column, with no duplicates.
 * Used for sparse data views (word counts) and for graphs and Laplacians.
 */
public final class CsrMatrix {
    public final int rows;
    public final int cols;
    public final int[] rowStart;
    public final int[] colIndex;
    public final double[] values;

    public CsrMatrix(int rows, int cols, int[] rowStart, int[] colIndex, double[] values) {
        if (rowStart.length != rows + 1) throw new IllegalArgumentException("rowStart must have rows + 1 entries");
        if (colIndex.length != values.length) throw new IllegalArgumentException("colIndex and values differ in length");
        if (rowStart[rows] != values.length) throw new IllegalArgumentException("rowStart[rows] != number of values");
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.colIndex = colIndex;
        this.values = values;
    }

    public int nnz() {
        return rowStart[rows];
    }

    /** Entry (r, c) by binary search in row r; zero when absent. */
    public double get(int r, int c) {
        int k = Arrays.binarySearch(colIndex, rowStart[r], rowStart[r + 1], c);
        return k >= 0 ? values[k] : 0.0;
    }

    /** y = this * x. */
    public void multiply(double[] x, double[] y) {
        if (x.length < cols || y.length < rows) throw new IllegalArgumentException("vector length mismatch");
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int k = rowStart[r], end = rowStart[r + 1]; k < end; k++) s += values[k] * x[colIndex[k]];
            y[r] = s;
        }
    }

    /** Sum of each row. */
    public double[] rowSums() {
        double[] sums = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) s += values[k];
            sums[r] = s;
        }
        return sums;
    }

    public CsrMatrix transpose() {
        int[] counts = new int[cols + 1];
        for (int k = 0; k < nnz(); k++) counts[colIndex[k] + 1]++;
        for (int c = 0; c < cols; c++) counts[c + 1] += counts[c];
        int[] start = counts.clone();
        int[] next = Arrays.copyOf(counts, cols);
        int[] idx = new int[nnz()];
        double[] val = new double[nnz()];
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                int dst = next[colIndex[k]]++;
                idx[dst] = r;
                val[dst] = values[k];
            }
        }
        return new CsrMatrix(cols, rows, start, idx, val);
    }

    public CsrMatrix selectRows(int[] rowIndices) {
        int[] start = new int[rowIndices.length + 1];
        for (int i = 0; i < rowIndices.length; i++) {
            int r = rowIndices[i];
            start[i + 1] = start[i] + rowStart[r + 1] - rowStart[r];
        }
        int[] idx = new int[start[rowIndices.length]];
        double[] val = new double[idx.length];
        for (int i = 0; i < rowIndices.length; i++) {
            int r = rowIndices[i];
            int len = rowStart[r + 1] - rowStart[r];
            System.arraycopy(colIndex, rowStart[r], idx, start[i], len);
            System.arraycopy(values, rowStart[r], val, start[i], len);
        }
        return new CsrMatrix(rowIndices.length, cols, start, idx, val);
    }

    /** Dense float32 copy; only for matrices small enough to hold densely. */
    public FMatrix toDense() {
        FMatrix out = new FMatrix(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) out.data[r * cols + colIndex[k]] = (float) values[k];
        }
        return out;
    }

    /** The non-zeros of a dense matrix. */
    public static CsrMatrix fromDense(FMatrix m) {
        int nnz = 0;
        for (float v : m.data) if (v != 0f) nnz++;
        int[] start = new int[m.rows + 1];
        int[] idx = new int[nnz];
        double[] val = new double[nnz];
        for (int r = 0, k = 0; r < m.rows; r++) {
            for (int c = 0, o = r * m.cols; c < m.cols; c++) {
                if (m.data[o + c] == 0f) continue;
                idx[k] = c;
                val[k++] = m.data[o + c];
            }
            start[r + 1] = k;
        }
        return new CsrMatrix(m.rows, m.cols, start, idx, val);
    }

    /** The matrices side by side (all with the same rows), columns in order. */
    public static CsrMatrix hconcat(java.util.List<CsrMatrix> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("nothing to join");
        int rows = parts.get(0).rows;
        long cols = 0, nnz = 0;
        for (CsrMatrix p : parts) {
            if (p.rows != rows) throw new IllegalArgumentException("row counts differ: " + rows + " and " + p.rows);
            cols += p.cols;
            nnz += p.nnz();
        }
        int[] start = new int[rows + 1];
        int[] idx = new int[Math.toIntExact(nnz)];
        double[] val = new double[idx.length];
        for (int r = 0, k = 0; r < rows; r++) {
            int shift = 0;
            for (CsrMatrix p : parts) {
                for (int q = p.rowStart[r]; q < p.rowStart[r + 1]; q++, k++) {
                    idx[k] = shift + p.colIndex[q];
                    val[k] = p.values[q];
                }
                shift += p.cols;
            }
            start[r + 1] = k;
        }
        return new CsrMatrix(rows, Math.toIntExact(cols), start, idx, val);
    }

    /**
     * Builds a CSR matrix from coordinate triplets; duplicates are summed and explicit zeros kept
     * out. The arrays are read, not kept.
     */
    public static CsrMatrix fromTriplets(int rows, int cols, int[] r, int[] c, double[] v, int count) {
        int[] rowCounts = new int[rows + 1];
        for (int i = 0; i < count; i++) {
            if (r[i] < 0 || r[i] >= rows || c[i] < 0 || c[i] >= cols) {
                throw new IllegalArgumentException("entry (" + r[i] + ", " + c[i] + ") outside " + rows + " x " + cols);
            }
            rowCounts[r[i] + 1]++;
        }
        for (int i = 0; i < rows; i++) rowCounts[i + 1] += rowCounts[i];
        int[] next = Arrays.copyOf(rowCounts, rows);
        int[] idx = new int[count];
        double[] val = new double[count];
        for (int i = 0; i < count; i++) {
            int dst = next[r[i]]++;
            idx[dst] = c[i];
            val[dst] = v[i];
        }
        // sort each row by column, then merge duplicates in place
        int[] start = new int[rows + 1];
        int write = 0;
        for (int row = 0; row < rows; row++) {
            int from = rowCounts[row], to = rowCounts[row + 1];
            sortRow(idx, val, from, to);
            start[row] = write;
            for (int k = from; k < to; k++) {
                if (write > start[row] && idx[write - 1] == idx[k]) {
                    val[write - 1] += val[k];
                } else {
                    idx[write] = idx[k];
                    val[write] = val[k];
                    write++;
                }
            }
            // drop entries that summed to exactly zero
            int keep = start[row];
            for (int k = start[row]; k < write; k++) {
                if (val[k] != 0.0) {
                    idx[keep] = idx[k];
                    val[keep] = val[k];
                    keep++;
                }
            }
            write = keep;
        }
        start[rows] = write;
        return new CsrMatrix(rows, cols, start, Arrays.copyOf(idx, write), Arrays.copyOf(val, write));
    }

    private static void sortRow(int[] idx, double[] val, int from, int to) {
        if (to - from > 32) {
            sortLongRow(idx, val, from, to);
            return;
        }
        // insertion sort: most rows are short (kNN graphs, word counts per document)
        for (int i = from + 1; i < to; i++) {
            int ci = idx[i];
            double vi = val[i];
            int j = i - 1;
            while (j >= from && idx[j] > ci) {
                idx[j + 1] = idx[j];
                val[j + 1] = val[j];
                j--;
            }
            idx[j + 1] = ci;
            val[j + 1] = vi;
        }
    }

    private static void sortLongRow(int[] idx, double[] val, int from, int to) {
        long[] keys = new long[to - from];
        for (int k = from; k < to; k++) keys[k - from] = ((long) idx[k] << 32) | (k - from);
        Arrays.sort(keys);
        double[] sortedVal = new double[to - from];
        for (int i = 0; i < keys.length; i++) {
            idx[from + i] = (int) (keys[i] >>> 32);
            sortedVal[i] = val[from + (int) keys[i]];
        }
        System.arraycopy(sortedVal, 0, val, from, sortedVal.length);
    }

    @Override
    public String toString() {
        return "CsrMatrix[" + rows + " x " + cols + ", nnz " + nnz() + "]";
    }
}
