package org.specrage.data.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.MultiViewData;
import org.specrage.linalg.CsrMatrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibSvmReaderTest {
    @TempDir
    Path dir;

    @Test
    void oneBasedIndices() throws IOException {
        Path p = dir.resolve("a.libsvm");
        Files.writeString(p, "# comment\n+1 1:0.5 4:2\n-1 2:1 qid:3 3:-1.5 # trailing\n\n+1\n");
        MultiViewData d = DataLoader.load(p);
        assertTrue(d.view(0).isSparse());
        CsrMatrix m = d.view(0).sparse();
        assertEquals(3, m.rows);
        assertEquals(4, m.cols);
        assertArrayEquals(new int[]{0, 2, 4, 4}, m.rowStart);
        assertArrayEquals(new int[]{0, 3, 1, 2}, m.colIndex);
        assertArrayEquals(new double[]{0.5, 2, 1, -1.5}, m.values);
        assertArrayEquals(new int[]{1, 0, 1}, d.labels()); // -1 -> 0, +1 -> 1
    }

    @Test
    void zeroBasedIndicesDetectedAndFormatSniffedWithoutExtension() throws IOException {
        Path p = dir.resolve("b.txt");
        Files.writeString(p, "3 0:1 2:2\n5 1:4 2:0\n");
        MultiViewData d = DataLoader.load(p);
        CsrMatrix m = d.view(0).sparse();
        assertEquals(3, m.cols);
        assertArrayEquals(new int[]{0, 2, 3}, m.rowStart); // the explicit 0 is dropped
        assertArrayEquals(new int[]{0, 2, 1}, m.colIndex);
        assertArrayEquals(new double[]{1, 2, 4}, m.values);
        assertArrayEquals(new int[]{0, 1}, d.labels());
    }
}
