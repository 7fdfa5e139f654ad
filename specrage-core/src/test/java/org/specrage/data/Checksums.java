package org.specrage.data;

import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

/** Checksums of views that tests compare with numbers computed independently in Python. */
public final class Checksums {
    private Checksums() {
    }

    /** Sum of all entries. */
    public static double sum(View v) {
        return weighted(v, false);
    }

    /** Sum of x[i][j] * ((i % 7) + 1) * ((j % 5) + 1): catches transposed or shuffled reads that a plain sum misses. */
    public static double weightedSum(View v) {
        return weighted(v, true);
    }

    private static double weighted(View v, boolean weights) {
        double s = 0;
        if (v.isSparse()) {
            CsrMatrix m = v.sparse();
            for (int r = 0; r < m.rows; r++) {
                for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                    s += m.values[k] * (weights ? weight(r, m.colIndex[k]) : 1);
                }
            }
        } else {
            FMatrix m = v.dense();
            for (int r = 0; r < m.rows; r++) {
                for (int c = 0; c < m.cols; c++) s += (double) m.data[r * m.cols + c] * (weights ? weight(r, c) : 1);
            }
        }
        return s;
    }

    private static int weight(int r, int c) {
        return ((r % 7) + 1) * ((c % 5) + 1);
    }

    /** Sum of i * labels[i]. */
    public static long labelChecksum(int[] labels) {
        long s = 0;
        for (int i = 0; i < labels.length; i++) s += (long) i * labels[i];
        return s;
    }
}
