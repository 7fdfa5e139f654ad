package org.specrage.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SparseRowsTest {
    /** Random m x d rows with the given density, written both densely and as sparse rows. */
    private static float[] fill(SparseRows rows, int m, int d, double density, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] dense = new float[m * d];
        for (int i = 0; i < m * d; i++) if (r.nextDouble() < density) dense[i] = (float) (r.nextDouble() * 2 - 1);
        rows.clear();
        for (int i = 0; i < m; i++) rows.addDenseRow(dense, i * d);
        return dense;
    }

    private static void assertGram(SparseRows rows, float[] dense, int m, int d, float alpha) {
        float[] out = new float[m * m + 3];
        java.util.Arrays.fill(out, 99f); // stale values must be overwritten, the tail left alone
        rows.gram(alpha, out);
        for (int i = 0; i < m; i++) {
            assertEquals(sumOfSquares(dense, i, d), rows.rowSquaredNorm(i), 1e-9);
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int c = 0; c < d; c++) s += (double) dense[i * d + c] * dense[j * d + c];
                assertEquals(alpha * s, out[i * m + j], 1e-5, "entry " + i + ", " + j);
            }
        }
        assertEquals(99f, out[m * m]);
    }

    private static double sumOfSquares(float[] dense, int i, int d) {
        double s = 0;
        for (int c = 0; c < d; c++) s += (double) dense[i * d + c] * dense[i * d + c];
        return s;
    }

    @Test
    void gramMatchesTheDenseProductAcrossRefills() {
        SparseRows rows = new SparseRows(40);
        assertGram(rows, fill(rows, 25, 40, 0.15, 1), 25, 40, -2f);
        // a refill with more rows and more non-zeros reuses and grows the column index
        assertGram(rows, fill(rows, 60, 40, 0.5, 2), 60, 40, 1f);
        assertGram(rows, fill(rows, 7, 40, 0.05, 3), 7, 40, 0.5f);
    }

    @Test
    void gramRejectsAShortOutput() {
        SparseRows rows = new SparseRows(5);
        fill(rows, 4, 5, 0.5, 4);
        assertThrows(IllegalArgumentException.class, () -> rows.gram(1f, new float[15]));
    }
}
