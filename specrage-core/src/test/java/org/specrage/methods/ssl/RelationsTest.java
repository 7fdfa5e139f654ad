package org.specrage.methods.ssl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.specrage.graph.AffinityKind;
import org.specrage.graph.Metric;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

class RelationsTest {
    @Test
    void viewsRelationLinksEveryPairOfViewsOfOneSample() {
        CsrMatrix g = Relations.views(3, 3); // rows v * 3 + s
        assertEquals(9, g.rows);
        assertEquals(3 * 3 * 2, g.nnz());
        assertEquals(1.0, g.get(0, 3));
        assertEquals(1.0, g.get(0, 6));
        assertEquals(1.0, g.get(4, 7));
        assertEquals(0.0, g.get(0, 1));
        assertEquals(0.0, g.get(0, 0));
        Relations.validate(g);
    }

    @Test
    void sameLabelRelationSkipsUnlabelledRows() {
        CsrMatrix g = Relations.sameLabel(new int[] {0, 1, 0, -1, 1, 0});
        assertEquals(3 * 2 + 2 * 1, g.nnz());
        assertEquals(1.0, g.get(0, 5));
        assertEquals(1.0, g.get(1, 4));
        assertEquals(0.0, g.get(3, 3));
        assertEquals(0.0, g.get(0, 1));
    }

    @Test
    void edgeListIsSymmetrisedAndRepeatsAddUp() {
        CsrMatrix g = Relations.fromEdges(4, new int[] {0, 1, 0}, new int[] {1, 2, 1}, new double[] {1, 2, 0.5});
        assertEquals(1.5, g.get(0, 1));
        assertEquals(1.5, g.get(1, 0));
        assertEquals(2.0, g.get(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Relations.fromEdges(3, new int[] {1}, new int[] {1}, null));
        assertThrows(IllegalArgumentException.class, () -> Relations.fromEdges(3, new int[] {0}, new int[] {3}, null));
        assertThrows(IllegalArgumentException.class, () -> Relations.fromEdges(3, new int[] {0}, new int[] {1}, new double[] {-1}));
    }

    @Test
    void validateRejectsAsymmetricAndDiagonalEntries() {
        CsrMatrix asym = CsrMatrix.fromTriplets(2, 2, new int[] {0}, new int[] {1}, new double[] {1}, 1);
        assertThrows(IllegalArgumentException.class, () -> Relations.validate(asym));
        CsrMatrix diag = CsrMatrix.fromTriplets(2, 2, new int[] {1}, new int[] {1}, new double[] {1}, 1);
        assertThrows(IllegalArgumentException.class, () -> Relations.validate(diag));
    }

    @Test
    void knnRelationIsSymmetricWithUnitWeights() {
        FMatrix x = new FMatrix(5, 1, new float[] {0, 1, 2, 10, 11});
        CsrMatrix g = Relations.knn(x, 1, Metric.EUCLIDEAN, AffinityKind.CONNECTIVITY, 1);
        Relations.validate(g);
        assertEquals(1.0, g.get(3, 4)); // mutual nearest neighbours: 0.5 + 0.5
        assertEquals(0.5, g.get(2, 1)); // 2 picks 1, but 1 picks 0 (tie with 2 broken by the lower index)
    }

    @Test
    void restrictKeepsOnlyPairsInsideTheBatchInBatchOrder() {
        CsrMatrix g = Relations.fromEdges(5, new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4});
        RelationBatch b = RelationBatch.restrict(g, new int[] {9, 3, 2, 4}, 1, 4); // rows 3, 2, 4
        assertEquals(3, b.size());
        assertEquals(4, b.edgeCount()); // 3-2 and 3-4, both directions
        assertEquals(3 + 4, b.degree(0), 1e-12); // row 3
        assertEquals(3, b.degree(1), 1e-12);     // row 2 (its link to 1 is outside)
        assertEquals(14, b.totalWeight(), 1e-12);
        CsrMatrix local = b.toCsr();
        assertEquals(4.0, local.get(0, 2));
        assertThrows(IllegalArgumentException.class, () -> RelationBatch.restrict(g, new int[] {1, 1}, 0, 2));
    }

    @Test
    void batchViewsLayoutAndSameLabelBatch() {
        RelationBatch v = RelationBatch.views(4, 2);
        assertEquals(2, v.viewsPerSample());
        assertEquals(4, v.samples());
        assertEquals(8, v.edgeCount());
        RelationBatch s = RelationBatch.sameLabel(new int[] {2, 2, 1, -1});
        assertEquals(2, s.edgeCount());
        assertEquals(2, s.anchorCount());
        assertArrayEquals(new int[] {0, 1}, s.sources());
    }
}
