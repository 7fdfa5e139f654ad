package org.specrage.data.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.MultiViewData;
import org.specrage.data.TestData;
import org.specrage.data.View;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatV5WriterTest {
    @TempDir
    Path dir;

    static void assertSameData(MultiViewData expected, MultiViewData actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.viewCount(), actual.viewCount());
        assertArrayEquals(expected.labels(), actual.labels());
        for (int v = 0; v < expected.viewCount(); v++) {
            View e = expected.view(v), a = actual.view(v);
            assertEquals(e.isSparse(), a.isSparse(), "view " + v);
            if (e.isSparse()) {
                CsrMatrix em = e.sparse(), am = a.sparse();
                assertEquals(em.cols, am.cols);
                assertArrayEquals(em.rowStart, am.rowStart);
                assertArrayEquals(em.colIndex, am.colIndex);
                assertArrayEquals(em.values, am.values);
            } else {
                assertEquals(e.dense(), a.dense(), "view " + v);
            }
        }
    }

    @Test
    void roundTripDenseSparseNamesLabelsAndSplit() {
        FMatrix dense = new FMatrix(4, 3, new float[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 0.1f, -1, 1e-7f});
        CsrMatrix sparse = CsrMatrix.fromTriplets(4, 5, new int[]{0, 2, 3, 3}, new int[]{4, 1, 0, 4}, new double[]{1.5, 2, -3, Math.PI}, 4);
        MultiViewData data = new MultiViewData(List.of(View.dense(dense).withName("img"), View.sparse(sparse).withName("words")),
                new int[]{0, 2, 2, 1}, "syn").withPredefinedTrainRows(3);
        Path p = dir.resolve("syn.mat");
        MatV5Writer.write(p, data);
        MultiViewData back = DataLoader.load(p);
        assertSameData(data, back);
        assertEquals("syn", back.name());
        assertEquals("img", back.view(0).name());
        assertEquals("words", back.view(1).name());
        assertEquals(3, back.predefinedTrainRows().getAsInt());
        assertEquals(3, back.classCount());
    }

    @Test
    void unlabelledUnnamedDataRoundTrips() {
        MultiViewData data = new MultiViewData(List.of(View.dense(new FMatrix(2, 2, new float[]{1, 2, 3, 4}))), null, "u");
        Path p = dir.resolve("u.mat");
        MatV5Writer.write(p, data);
        MultiViewData back = DataLoader.load(p);
        assertSameData(data, back);
        assertNull(back.view(0).name());
        assertTrue(back.predefinedTrainRows().isEmpty());
    }

    /** A real sparse benchmark (BBCSport) written and read back unchanged. */
    @Test
    void sparseBenchmarkRoundTrips() {
        MultiViewData bbc = DataLoader.load(TestData.multiview("BBCSport.mat"));
        Path p = dir.resolve("bbc.mat");
        MatV5Writer.write(p, bbc);
        assertSameData(bbc, DataLoader.load(p));
    }
}
