package org.specrage.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

class ViewTest {
    /** 10 x 20 values, the first nonZero of them set to value. */
    private static FMatrix withNonZeros(int nonZero, float value) {
        FMatrix m = new FMatrix(10, 20);
        for (int i = 0; i < nonZero; i++) m.data[i * 7 % 200] = value;
        return m;
    }

    @Test
    void denseCountsWithFewNonZerosAreBagOfWords() {
        assertTrue(View.dense(withNonZeros(20, 3)).isBagOfWords(), "10% non-zero word counts");
        assertTrue(View.dense(withNonZeros(7, 1)).isBagOfWords(), "binary attributes");
        assertTrue(View.sparse(CsrMatrix.fromDense(withNonZeros(150, 0.25f))).isBagOfWords(), "stored sparse: as it is stored");
    }

    @Test
    void imagesRealValuesAndNegativeCountsAreNot() {
        assertFalse(View.dense(withNonZeros(21, 3)).isBagOfWords(), "over 10% non-zero, as pixel images");
        assertFalse(View.dense(withNonZeros(5, 0.5f)).isBagOfWords(), "fractions");
        assertFalse(View.dense(withNonZeros(5, -2)).isBagOfWords(), "negative");
        FMatrix nan = withNonZeros(5, 1);
        nan.data[1] = Float.NaN;
        assertFalse(View.dense(nan).isBagOfWords());
    }

    @Test
    void aViewVariesWhenSomeRowDiffersFromTheFirst() {
        FMatrix same = new FMatrix(4, 3, new float[] {1, 0, 2, 1, 0, 2, 1, 0, 2, 1, 0, 2});
        assertFalse(View.dense(same).varies());
        assertFalse(View.dense(new FMatrix(5, 2)).varies(), "all zeros");
        assertFalse(View.sparse(CsrMatrix.fromDense(same)).varies());
        // a stored zero is no entry
        assertFalse(View.sparse(new CsrMatrix(2, 3, new int[] {0, 1, 3}, new int[] {1, 0, 1}, new double[] {5, 0, 5})).varies());
        FMatrix oneDiffers = same.copy();
        oneDiffers.data[11] = 3;
        assertTrue(View.dense(oneDiffers).varies());
        assertTrue(View.sparse(CsrMatrix.fromDense(oneDiffers)).varies());
    }
}
