package org.specrage.data.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.Checksums;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.Split;
import org.specrage.data.TestData;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** IDX bytes built from the format description: 0, 0, type, ndims, big-endian dims, then the values. */
    static byte[] idxUnsignedBytes(int[] dims, int[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(0);
        out.writeByte(0);
        out.writeByte(0x08);
        out.writeByte(dims.length);
        for (int d : dims) out.writeInt(d);
        for (int v : values) out.writeByte(v);
        return bytes.toByteArray();
    }

    private Path save(String name, byte[] content, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(content);
        }
        return p;
    }

    @Test
    void imagesFlattenToRowsWithUnscaledBytes() throws IOException {
        int[] pixels = {0, 1, 2, 255, 128, 7, 9, 10}; // two 2x2 images
        Path p = save("train-images-idx3-ubyte", idxUnsignedBytes(new int[]{2, 2, 2}, pixels), false);
        MultiViewData d = DataLoader.load(p);
        assertEquals(2, d.rows());
        assertEquals(4, d.view(0).cols());
        assertArrayEquals(new float[]{0, 1, 2, 255, 128, 7, 9, 10}, d.view(0).dense().data);
    }

    @Test
    void aTruncatedFileSaysHowManyValuesItHolds() throws IOException {
        byte[] whole = idxUnsignedBytes(new int[]{3, 2, 2}, new int[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        Path p = save("cut-images-idx3-ubyte", java.util.Arrays.copyOf(whole, whole.length - 5), false);
        org.specrage.data.DataException e = assertThrows(org.specrage.data.DataException.class, () -> DataLoader.load(p));
        assertTrue(e.getMessage().contains("(12 values) but the file ends after 7 values"), e.getMessage());
    }

    @Test
    void bigEndianFloatType() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000D02); // float, 2 dims
        out.writeInt(1);
        out.writeInt(3);
        out.writeFloat(1.5f);
        out.writeFloat(-2f);
        out.writeFloat(1e-3f);
        MultiViewData d = DataLoader.load(save("x.idx", bytes.toByteArray(), true));
        assertArrayEquals(new float[]{1.5f, -2f, 1e-3f}, d.view(0).dense().data);
    }

    @Test
    void directoryOfGzippedTrainAndTestFiles() throws IOException {
        Path mnist = Files.createDirectory(dir.resolve("mini"));
        dir = mnist;
        save("train-images-idx3-ubyte.gz", idxUnsignedBytes(new int[]{3, 1, 2}, new int[]{1, 2, 3, 4, 5, 6}), true);
        save("train-labels-idx1-ubyte.gz", idxUnsignedBytes(new int[]{3}, new int[]{9, 0, 9}), true);
        save("t10k-images-idx3-ubyte.gz", idxUnsignedBytes(new int[]{1, 1, 2}, new int[]{7, 8}), true);
        save("t10k-labels-idx1-ubyte.gz", idxUnsignedBytes(new int[]{1}, new int[]{4}), true);
        MultiViewData d = DataLoader.load(mnist);
        assertEquals("mini", d.name());
        assertEquals(4, d.rows());
        assertArrayEquals(new float[]{1, 2, 3, 4, 5, 6, 7, 8}, d.view(0).dense().data);
        assertArrayEquals(new int[]{2, 0, 2, 1}, d.labels()); // 0, 4, 9 -> 0, 1, 2
        assertEquals(3, d.predefinedTrainRows().getAsInt());
        assertTrue(d.describe().contains("first 3 rows train"));
        // the test files alone: the folder says what it lacks, and the images still read by name
        Path testOnly = Files.createDirectory(mnist.resolveSibling("testonly"));
        Files.copy(mnist.resolve("t10k-images-idx3-ubyte.gz"), testOnly.resolve("t10k-images-idx3-ubyte.gz"));
        org.specrage.data.DataException e = org.junit.jupiter.api.Assertions.assertThrows(org.specrage.data.DataException.class,
                () -> DataLoader.load(testOnly));
        assertTrue(e.getMessage().contains("test images (t10k-images-idx3-ubyte) but no training images"), e.getMessage());
        assertEquals(1, DataLoader.load(testOnly.resolve("t10k-images-idx3-ubyte.gz")).rows());
    }

    @Test
    void labelCountDifferentFromImageCount() throws IOException {
        Path mnist = Files.createDirectory(dir.resolve("bad"));
        dir = mnist;
        save("train-images-idx3-ubyte", idxUnsignedBytes(new int[]{2, 1, 1}, new int[]{1, 2}), false);
        save("train-labels-idx1-ubyte", idxUnsignedBytes(new int[]{3}, new int[]{0, 1, 1}), false);
        DataException e = assertThrows(DataException.class, () -> DataLoader.load(mnist));
        assertEquals(DataException.Kind.LABEL_MISMATCH, e.kind());
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte"), e.getMessage());
    }

    /** Fashion-MNIST from the Debian package; checksums from numpy over the gunzipped IDX bytes. */
    @Test
    void fashionMnist() {
        Path p = TestData.fashionMnist();
        MultiViewData d = DataLoader.load(p);
        assertEquals(70000, d.rows());
        assertEquals(784, d.view(0).cols());
        assertFalse(d.view(0).isSparse());
        assertEquals(10, d.classCount());
        assertEquals(60000, d.predefinedTrainRows().getAsInt());
        int[] counts = new int[10];
        for (int y : d.labels()) counts[y]++;
        int[] expected = new int[10];
        Arrays.fill(expected, 7000);
        assertArrayEquals(expected, counts);
        assertEquals(11012948768L, Checksums.labelChecksum(d.labels()));
        assertEquals(4004583251.0, Checksums.sum(d.view(0)));
        assertEquals(48046404603.0, Checksums.weightedSum(d.view(0)));
        Split s = Split.predefined(d.rows(), d.predefinedTrainRows().getAsInt());
        assertEquals(10000, s.test().length);
    }
}
