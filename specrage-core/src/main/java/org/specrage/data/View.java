package org.specrage.data;

import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

import java.util.Objects;

/**
 * One view of a data set: n rows (samples) of features, held either as a dense float32 matrix or
 * as a sparse CSR matrix (float64 values), with an optional name such as "pixel".
 */
public final class View {
    private final FMatrix dense;
    private final CsrMatrix sparse;
    private final String name;

    private View(FMatrix dense, CsrMatrix sparse, String name) {
        this.dense = dense;
        this.sparse = sparse;
        this.name = name;
    }

    public static View dense(FMatrix m) {
        return new View(Objects.requireNonNull(m, "matrix"), null, null);
    }

    public static View sparse(CsrMatrix m) {
        return new View(null, Objects.requireNonNull(m, "matrix"), null);
    }

    public int rows() {
        return dense != null ? dense.rows : sparse.rows;
    }

    public int cols() {
        return dense != null ? dense.cols : sparse.cols;
    }

    public boolean isSparse() {
        return sparse != null;
    }

    /**
     * Whether the rows look like bag-of-words counts: stored sparse, or dense non-negative integers of
     * which at most a tenth are non-zero (word counts or binary attributes saved as a full matrix).
     * Such rows are compared by cosine: their Euclidean distances mostly measure how many words a row has.
     */
    public boolean isBagOfWords() {
        if (sparse != null) return true;
        float[] values = dense.data;
        long nonZero = 0;
        for (float x : values) {
            if (x == 0) continue;
            if (!(x > 0) || x != Math.rint(x)) return false;
            nonZero++;
        }
        return nonZero <= MAX_COUNT_DENSITY * values.length;
    }

    /** Whether some row differs from the first: a view whose rows are all the same (all zeros, say) carries no information. */
    public boolean varies() {
        int n = rows();
        if (sparse == null) {
            int d = dense.cols;
            for (int r = 1; r < n; r++) {
                if (!java.util.Arrays.equals(dense.data, r * d, (r + 1) * d, dense.data, 0, d)) return true;
            }
            return false;
        }
        for (int r = 1; r < n; r++) if (!sameSparseRow(0, r)) return true;
        return false;
    }

    /** Rows a and b of the sparse matrix hold the same non-zero entries (stored zeros skipped). */
    private boolean sameSparseRow(int a, int b) {
        int i = sparse.rowStart[a], iEnd = sparse.rowStart[a + 1], j = sparse.rowStart[b], jEnd = sparse.rowStart[b + 1];
        while (true) {
            while (i < iEnd && sparse.values[i] == 0) i++;
            while (j < jEnd && sparse.values[j] == 0) j++;
            if (i == iEnd || j == jEnd) return i == iEnd && j == jEnd;
            if (sparse.colIndex[i] != sparse.colIndex[j] || sparse.values[i] != sparse.values[j]) return false;
            i++;
            j++;
        }
    }

    /** Pixel images are non-negative integers too, but with a fifth or more of them non-zero (MNIST: 19%). */
    private static final double MAX_COUNT_DENSITY = 0.1;

    /** The dense matrix itself (not a copy). */
    public FMatrix dense() {
        if (dense == null) throw new IllegalStateException("view " + label() + " is sparse; use sparse() or toDense()");
        return dense;
    }

    /** The sparse matrix itself (not a copy). */
    public CsrMatrix sparse() {
        if (sparse == null) throw new IllegalStateException("view " + label() + " is dense; use dense()");
        return sparse;
    }

    /** The dense matrix itself when dense, otherwise a dense float32 copy of the sparse one. */
    public FMatrix toDense() {
        return dense != null ? dense : sparse.toDense();
    }

    /** Number of stored non-zero entries (counted for dense views). */
    public long nonZeros() {
        if (sparse != null) return sparse.nnz();
        long count = 0;
        for (float v : dense.data) if (v != 0f) count++;
        return count;
    }

    /** A new view holding the given rows in the given order; keeps the name and the storage kind. */
    public View selectRows(int[] rows) {
        for (int r : rows) {
            if (r < 0 || r >= rows()) throw new IndexOutOfBoundsException("row " + r + " outside 0.." + (rows() - 1));
        }
        return dense != null ? new View(dense.selectRows(rows), null, name) : new View(null, sparse.selectRows(rows), name);
    }

    /** The name, or null when the view has none. */
    public String name() {
        return name;
    }

    public View withName(String name) {
        return new View(dense, sparse, name);
    }

    private String label() {
        return name == null ? "(unnamed)" : "'" + name + "'";
    }

    @Override
    public String toString() {
        return "View[" + (name == null ? "" : name + ", ") + rows() + " x " + cols() + (isSparse() ? ", sparse" : ", dense") + "]";
    }
}
