package org.specrage.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

class ModelDirectoryTest {
    @TempDir
    Path tmp;

    private static Map<String, FMatrix> weights(float v) {
        Map<String, FMatrix> w = new LinkedHashMap<>();
        w.put("net.0.weight", new FMatrix(2, 3, new float[] {v, 2, 3, 4, 5, 6}));
        w.put("net.0.bias", new FMatrix(1, 3, new float[] {0.5f, -1, v}));
        return w;
    }

    private static Map<String, Object> manifest(String tag) {
        Map<String, Object> m = Manifest.newObject();
        m.put("method", "test");
        m.put("tag", tag);
        m.put("matrix", Manifest.matrix(new DMatrix(2, 2, new double[] {Math.PI, -1e-300, 1.0 / 3, 7})));
        return m;
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void roundTripKeepsEveryBit() throws IOException {
        Path dir = tmp.resolve("model");
        ModelDirectory.write(dir, manifest("a"), weights(1.25f));
        ModelDirectory.Stored s = ModelDirectory.read(dir);
        assertEquals("test", s.manifest().string("method"));
        assertEquals(ModelDirectory.FORMAT_VERSION, s.manifest().integer("format_version"));
        assertArrayEquals(new double[] {Math.PI, -1e-300, 1.0 / 3, 7}, s.manifest().matrix("matrix", 2, 2).data);
        assertArrayEquals(weights(1.25f).get("net.0.weight").data, s.weights().get("net.0.weight").data);
        assertEquals(List.of("net.0.weight", "net.0.bias"), List.copyOf(s.weights().keySet()));
    }

    @Test
    void rewritingReplacesTheModelAndRemovesOldWeights() throws IOException {
        Path dir = tmp.resolve("model");
        ModelDirectory.write(dir, manifest("a"), weights(1f));
        ModelDirectory.write(dir, manifest("b"), weights(2f));
        assertEquals("b", ModelDirectory.read(dir).manifest().string("tag"));
        assertEquals(2f, ModelDirectory.read(dir).weights().get("net.0.weight").data[0]);
        List<String> names = files(dir);
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.contains("manifest.json"));
    }

    @Test
    void aCrashBeforeTheManifestRenameLeavesThePreviousModel() throws IOException {
        Path dir = tmp.resolve("model");
        ModelDirectory.write(dir, manifest("old"), weights(1f));
        // what a writer leaves when it dies after writing new weights and a partial manifest
        Files.write(dir.resolve("weights-0123456789abcdef.sprp"), new byte[] {1, 2, 3});
        Files.writeString(dir.resolve(".manifest.json.tmp"), "{\"format\": \"specrage-mo");
        ModelDirectory.Stored s = ModelDirectory.read(dir);
        assertEquals("old", s.manifest().string("tag"));
        assertEquals(1f, s.weights().get("net.0.weight").data[0]);
        ModelDirectory.write(dir, manifest("new"), weights(3f)); // the next write cleans up
        assertEquals("new", ModelDirectory.read(dir).manifest().string("tag"));
        assertEquals(2, files(dir).size(), files(dir).toString());
    }

    @Test
    void truncatedOrCorruptedFilesFailClearly() throws IOException {
        Path dir = tmp.resolve("model");
        ModelDirectory.write(dir, manifest("a"), weights(1f));
        Path weightsFile = dir.resolve(files(dir).stream().filter(f -> f.startsWith("weights-")).findFirst().orElseThrow());
        byte[] good = Files.readAllBytes(weightsFile);

        Files.write(weightsFile, java.util.Arrays.copyOf(good, good.length - 7));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelDirectory.read(dir));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        byte[] flipped = good.clone();
        flipped[40] ^= 0x10;
        Files.write(weightsFile, flipped);
        e = assertThrows(ModelFormatException.class, () -> ModelDirectory.read(dir));
        assertTrue(e.getMessage().contains("corrupted"), e.getMessage());

        Files.write(weightsFile, good);
        Path manifestFile = dir.resolve(ModelDirectory.MANIFEST);
        String text = Files.readString(manifestFile);
        Files.writeString(manifestFile, text.substring(0, text.length() / 2));
        e = assertThrows(ModelFormatException.class, () -> ModelDirectory.read(dir));
        assertTrue(e.getMessage().contains("corrupted or truncated"), e.getMessage());

        Files.writeString(manifestFile, text.replace("\"format_version\": 1", "\"format_version\": 99"));
        e = assertThrows(ModelFormatException.class, () -> ModelDirectory.read(dir));
        assertTrue(e.getMessage().contains("unsupported model format version 99"), e.getMessage());

        Files.write(manifestFile, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
        e = assertThrows(ModelFormatException.class, () -> ModelDirectory.read(dir));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());

        Files.writeString(manifestFile, text);
        Files.delete(weightsFile);
        e = assertThrows(ModelFormatException.class, () -> ModelDirectory.read(dir));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    /** Every weight file ends with its own CRC, so only a digest of the file tells one intact file from another. */
    @Test
    void weightsOfAnotherModelAreRefused() throws IOException {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        ModelDirectory.write(a, manifest("a"), weights(1f));
        ModelDirectory.write(b, manifest("b"), weights(2f));
        Path aWeights = a.resolve(files(a).stream().filter(f -> f.startsWith("weights-")).findFirst().orElseThrow());
        Path bWeights = b.resolve(files(b).stream().filter(f -> f.startsWith("weights-")).findFirst().orElseThrow());
        assertEquals(Files.size(aWeights), Files.size(bWeights));
        Files.copy(bWeights, aWeights, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelDirectory.read(a));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void manifestsOfEarlierBuildsWithACrc32StillLoad() throws IOException {
        Path dir = tmp.resolve("old");
        ModelDirectory.write(dir, manifest("a"), weights(1f));
        Path weightsFile = dir.resolve(files(dir).stream().filter(f -> f.startsWith("weights-")).findFirst().orElseThrow());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(Files.readAllBytes(weightsFile));
        Path manifestFile = dir.resolve(ModelDirectory.MANIFEST);
        String text = Files.readString(manifestFile).replaceFirst("\"sha256\": *\"[0-9a-f]+\"", "\"crc32\": " + crc.getValue());
        Files.writeString(manifestFile, text);
        assertEquals(weights(1f), ModelDirectory.read(dir).weights());
        Files.writeString(manifestFile, text.replace("\"crc32\": " + crc.getValue(), "\"crc32\": " + (crc.getValue() + 1)));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelDirectory.read(dir));
        assertTrue(e.getMessage().contains("CRC-32"), e.getMessage());
    }

    @Test
    void missingDirectoryOrManifest() throws IOException {
        assertThrows(NoSuchFileException.class, () -> ModelDirectory.read(tmp.resolve("nowhere")));
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ModelDirectory.read(empty));
        assertTrue(e.getMessage().contains("manifest.json"), e.getMessage());
    }

    @Test
    void refusesToWriteIntoAnUnrelatedDirectory() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("docs"));
        Files.writeString(dir.resolve("notes.txt"), "keep me", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> ModelDirectory.write(dir, manifest("a"), weights(1f)));
        assertTrue(e.getMessage().contains("not a specrage model directory"), e.getMessage());
        assertEquals(List.of("notes.txt"), files(dir));
    }

    @Test
    void manifestGettersNameTheKey() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("n", "text");
        Manifest m = new Manifest(values, "where");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> m.integer("n"));
        assertTrue(e.getMessage().contains("\"n\"") && e.getMessage().contains("an integer"), e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> m.doubles("missing"));
        assertTrue(e.getMessage().contains("missing entry \"missing\""), e.getMessage());
    }
}
