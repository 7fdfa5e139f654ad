package org.specrage.data;

import org.junit.jupiter.api.Test;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultiViewDataTest {
    private static final FMatrix A = new FMatrix(3, 2, new float[]{1, 2, 3, 4, 5, 6});
    private static final CsrMatrix B = CsrMatrix.fromTriplets(3, 4, new int[]{0, 2}, new int[]{3, 1}, new double[]{7, 8}, 2);

    private static MultiViewData sample() {
        return new MultiViewData(List.of(View.dense(A).withName("a"), View.sparse(B)), new int[]{2, 0, 2}, "s");
    }

    @Test
    void viewAccessors() {
        View dense = View.dense(A);
        View sparse = View.sparse(B);
        assertFalse(dense.isSparse());
        assertTrue(sparse.isSparse());
        assertSame(A, dense.dense());
        assertSame(A, dense.toDense());
        assertEquals(7f, sparse.toDense().get(0, 3));
        assertThrows(IllegalStateException.class, dense::sparse);
        assertThrows(IllegalStateException.class, sparse::dense);
        assertEquals(3, sparse.rows());
        assertEquals(4, sparse.cols());
        assertEquals(2, sparse.nonZeros());
        View picked = sparse.withName("w").selectRows(new int[]{2, 0});
        assertEquals("w", picked.name());
        assertEquals(8.0, picked.sparse().get(0, 1));
        assertEquals(7.0, picked.sparse().get(1, 3));
    }

    @Test
    void selectViewsAndRows() {
        MultiViewData d = sample();
        assertEquals(3, d.classCount()); // labels 0..2
        MultiViewData swapped = d.selectViews(1, 0);
        assertTrue(swapped.view(0).isSparse());
        assertEquals("a", swapped.view(1).name());
        MultiViewData rows = d.withPredefinedTrainRows(2).selectRows(new int[]{1});
        assertEquals(1, rows.rows());
        assertArrayEquals(new int[]{0}, rows.labels());
        assertEquals(3, rows.classCount()); // kept from the parent data set
        assertTrue(rows.predefinedTrainRows().isEmpty());
        assertArrayEquals(new float[]{3, 4}, rows.view(0).dense().data);
        assertEquals(2, d.withPredefinedTrainRows(2).selectViews(0).predefinedTrainRows().getAsInt());
        DataException twice = assertThrows(DataException.class, () -> d.selectViews(0, 1, 0));
        assertTrue(twice.getMessage().contains("view 0 is selected twice"), twice.getMessage());
    }

    @Test
    void describeListsViewsAndClasses() {
        String text = sample().withPredefinedTrainRows(2).describe();
        assertTrue(text.contains("data set 's': 3 samples, 2 views, 3 classes"), text);
        assertTrue(text.contains("view 0 ('a'): 3 x 2, dense float32, 6 non-zeros (density 100.00%)"), text);
        assertTrue(text.contains("view 1: 3 x 4, sparse CSR"), text);
        assertTrue(text.contains("[1, 0, 2]"), text);
        assertTrue(text.contains("first 2 rows train, 1 rows test"), text);
    }

    @Test
    void labelsAreValidatedAndEncoded() {
        assertArrayEquals(new int[]{1, 0, 1, 2}, Labels.encode(new double[]{5, 1, 5, 9}));
        assertArrayEquals(new int[]{0, 2, 1}, Labels.encode(new String[]{"2", "10", "3"}));
        assertArrayEquals(new int[]{1, 0, 1}, Labels.encode(new String[]{"dog", "cat", "dog"}));
        DataException e = assertThrows(DataException.class, () -> new MultiViewData(List.of(View.dense(A)), new int[]{0, -1, 0}, "x"));
        assertEquals(DataException.Kind.INVALID_ARGUMENT, e.kind());
        assertEquals(DataException.Kind.NON_FINITE, assertThrows(DataException.class, () -> Labels.encode(new double[]{1, Double.NaN})).kind());
        // NumPy's spelling of a missing label, in any case, is refused as NaN is, not read as a class
        for (String missing : new String[]{"nan", "NAN", "-inf", "Infinity"}) {
            assertEquals(DataException.Kind.NON_FINITE, assertThrows(DataException.class, () -> Labels.encode(new String[]{"1", missing})).kind(), missing);
        }
        assertEquals(DataException.Kind.LABEL_MISMATCH,
                assertThrows(DataException.class, () -> sample().withLabels(new int[]{0, 1})).kind());
    }
}
