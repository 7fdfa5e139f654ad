package org.specrage.methods.ssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.DataException;
import org.specrage.linalg.CsrMatrix;

class EdgeListReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsWeightedAndUnweightedEdges() throws Exception {
        Path f = dir.resolve("edges.txt");
        Files.writeString(f, "# views\n0 1\n1,2,0.5\n\n3\t0 2\n");
        CsrMatrix g = EdgeListReader.read(f, 4);
        assertEquals(1.0, g.get(1, 0));
        assertEquals(0.5, g.get(2, 1));
        assertEquals(2.0, g.get(0, 3));
        assertEquals(6, g.nnz());
    }

    @Test
    void namesTheFileAndLineOfBadInput() throws Exception {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "0 1\n0 x\n");
        DataException e = assertThrows(DataException.class, () -> EdgeListReader.read(f, 3));
        assertTrue(e.getMessage().contains("bad.txt:2"), e.getMessage());
        Files.writeString(f, "0 5\n");
        assertEquals(DataException.Kind.ROW_MISMATCH, assertThrows(DataException.class, () -> EdgeListReader.read(f, 3)).kind());
        Files.writeString(f, "# nothing\n");
        assertEquals(DataException.Kind.EMPTY_VIEW, assertThrows(DataException.class, () -> EdgeListReader.read(f, 3)).kind());
        assertEquals(DataException.Kind.MISSING_FILE, assertThrows(DataException.class, () -> EdgeListReader.read(dir.resolve("none"), 3)).kind());
    }
}
