package org.specrage.methods.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchGraphCheckTest {
    private static void link(float[] w, int m, int i, int j) {
        w[i * m + j] = 0.5f;
    }

    @Test
    void countsBlocksIsolatedRowsAndOneSidedEdges() {
        int m = 7;
        float[] w = new float[m * m];
        link(w, m, 0, 1);
        link(w, m, 2, 1); // one-sided entries still join rows
        link(w, m, 3, 4);
        link(w, m, 5, 4);
        // row 6 has no edge
        assertEquals(3, BatchGraphCheck.components(w, m));
        link(w, m, 6, 0);
        assertEquals(2, BatchGraphCheck.components(w, m));
    }

    @Test
    void warnsOnlyWhenFragmentsOutnumberClusters() {
        int m = 6;
        float[] w = new float[m * m];
        link(w, m, 0, 1);
        link(w, m, 2, 3);
        link(w, m, 4, 5);
        assertNull(BatchGraphCheck.fragmentationWarning("view 0", w, m, 1, 3));
        String warning = BatchGraphCheck.fragmentationWarning("view 0", w, m, 1, 2);
        assertTrue(warning.contains("view 0") && warning.contains("3 connected components") && warning.contains("batch_neighbors"), warning);
    }
}
