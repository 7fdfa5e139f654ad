package org.specrage.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.Tensor;

class ParameterFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripRestoresEveryValue() throws IOException {
        Mlp saved = Mlp.builder(3, 7, 2).seed(1).build();
        Path file = dir.resolve("sub/model.sprp");
        ParameterFile.save(saved, file);
        Mlp loaded = Mlp.builder(3, 7, 2).seed(2).build();
        ParameterFile.load(loaded, file);
        for (String name : saved.namedParameters().keySet()) {
            assertArrayEquals(saved.namedParameters().get(name).data(), loaded.namedParameters().get(name).data(), name);
        }
        assertEquals(ParameterFile.toBytes(values(saved)).length, Files.size(file));
    }

    @Test
    void layoutIsTheDocumentedOne() throws IOException {
        Map<String, FMatrix> one = new LinkedHashMap<>();
        one.put("w", new FMatrix(1, 2, new float[] {1.5f, -2f}));
        ByteBuffer b = ByteBuffer.wrap(ParameterFile.toBytes(one)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        b.get(magic);
        assertEquals("SPRGPARM", new String(magic, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(1, b.getInt()); // version
        assertEquals(1, b.getInt()); // entries
        assertEquals(1, b.getInt()); // name length
        assertEquals('w', b.get());
        assertEquals(1, b.getInt());
        assertEquals(2, b.getInt());
        assertEquals(1.5f, b.getFloat());
        assertEquals(-2f, b.getFloat());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b.array(), 0, b.position());
        assertEquals((int) crc.getValue(), b.getInt());
        assertEquals(0, b.remaining());
    }

    @Test
    void everyTruncationIsReported() {
        byte[] bytes = ParameterFile.toBytes(values(Mlp.builder(2, 3, 1).build()));
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            IOException e = assertThrows(IOException.class, () -> ParameterFile.fromBytes(cut), "length " + length);
            assertTrue(e.getMessage().contains("truncated"), length + ": " + e.getMessage());
        }
    }

    @Test
    void corruptionIsReported() {
        byte[] bytes = ParameterFile.toBytes(values(Mlp.builder(2, 3, 1).build()));
        byte[] flipped = bytes.clone();
        flipped[flipped.length - 6] ^= 0x10; // inside the last value (the output bias)
        assertMessage("checksum mismatch", flipped);
        byte[] shape = bytes.clone();
        shape[shape.length - 10] ^= 0x10; // the column count of the last entry
        assertMessage("truncated or corrupt", shape);
        byte[] magic = bytes.clone();
        magic[0] = 'X';
        assertMessage("bad magic", magic);
        byte[] version = bytes.clone();
        version[8] = 2;
        assertMessage("unsupported parameter file version 2", version);
        assertMessage("unexpected bytes after the checksum", Arrays.copyOf(bytes, bytes.length + 3));
    }

    @Test
    void loadingIntoADifferentModelNamesTheProblem() throws IOException {
        Path file = dir.resolve("m.sprp");
        ParameterFile.save(Mlp.builder(3, 7, 2).build(), file);
        IOException shape = assertThrows(IOException.class, () -> ParameterFile.load(Mlp.builder(3, 6, 2).build(), file));
        assertTrue(shape.getMessage().contains("'0.weight' is 3 x 7 in the file but 3 x 6 in the model"), shape.getMessage());
        IOException missing = assertThrows(IOException.class, () -> ParameterFile.load(Mlp.builder(3, 7, 2, 2).build(), file));
        assertTrue(missing.getMessage().contains("'2.weight' is missing"), missing.getMessage());
        IOException extra = assertThrows(IOException.class, () -> ParameterFile.load(Mlp.builder(3, 7, 2).bias(false).build(), file));
        assertTrue(extra.getMessage().contains("the file has parameter '0.bias'"), extra.getMessage());
    }

    @Test
    void snapshotRestoresValues() {
        Mlp mlp = Mlp.builder(2, 3, 1).seed(4).build();
        List<Tensor> params = mlp.parameters();
        float[] before = params.get(0).data().clone();
        ParameterSnapshot snapshot = new ParameterSnapshot(params);
        Arrays.fill(params.get(0).data(), 9f);
        snapshot.restore();
        assertArrayEquals(before, params.get(0).data());
    }

    private static void assertMessage(String expected, byte[] bytes) {
        IOException e = assertThrows(IOException.class, () -> ParameterFile.fromBytes(bytes));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static Map<String, FMatrix> values(Module m) {
        Map<String, FMatrix> out = new LinkedHashMap<>();
        m.namedParameters().forEach((k, v) -> out.put(k, v.value()));
        return out;
    }
}
