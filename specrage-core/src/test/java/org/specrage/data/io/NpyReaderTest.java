package org.specrage.data.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads .npy files written by NumPy (see the resources) and round-trips NpyWriter output. */
class NpyReaderTest {
    @TempDir
    Path dir;

    /** The resources hold (arange(12).reshape(3, 4) * 1.5 - 2) in several dtypes and orders. */
    @ParameterizedTest
    @ValueSource(strings = {"f4_c.npy", "f8_fortran.npy", "f8_big_endian.npy"})
    void floatArraysInAnyOrder(String file) {
        FMatrix m = NpyReader.readMatrix(Resources.path(file));
        assertEquals(3, m.rows);
        assertEquals(4, m.cols);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) assertEquals((r * 4 + c) * 1.5f - 2f, m.get(r, c), file + " " + r + "," + c);
        }
    }

    @Test
    void integerDtypes() {
        FMatrix i1 = NpyReader.readMatrix(Resources.path("i1.npy"));
        FMatrix u1 = NpyReader.readMatrix(Resources.path("u1.npy"));
        FMatrix i4 = NpyReader.readMatrix(Resources.path("i4.npy"));
        FMatrix i8 = NpyReader.readMatrix(Resources.path("i8.npy"));
        for (int k = 0; k < 12; k++) {
            assertEquals(k - 6, i1.data[k]);
            assertEquals(k * 20, u1.data[k]); // up to 220: unsigned, not wrapped to negative
            assertEquals(k * 1000 - 5000, i4.data[k]);
            assertEquals(k * 1e6f, i8.data[k]);
        }
    }

    @Test
    void fortranOrderedThreeDimensionalArrayFlattensInCOrder() {
        FMatrix m = NpyReader.readMatrix(Resources.path("u1_3d_fortran.npy"));
        assertEquals(2, m.rows);
        assertEquals(6, m.cols);
        for (int k = 0; k < 12; k++) assertEquals(k, m.data[k]);
    }

    @Test
    void labelVectors() {
        assertArrayEquals(new double[]{3, 1, 3, 7}, NpyReader.readVector(Resources.path("labels_i8.npy")));
        assertArrayEquals(new double[]{3, 1, 3, 7}, NpyReader.readVector(Resources.path("labels_i4.npy")));
        assertArrayEquals(new int[]{4}, NpyReader.shape(Resources.path("labels_i4.npy")));
    }

    @Test
    void dataWithLabelsFile() {
        Path x = dir.resolve("x.npy");
        NpyWriter.write(x, new FMatrix(4, 2, new float[]{1, 2, 3, 4, 5, 6, 7, 8}));
        MultiViewData d = DataLoader.load(x, LoadOptions.defaults().withLabelsFile(Resources.path("labels_i8.npy")));
        assertEquals("x", d.name());
        assertEquals(4, d.rows());
        assertArrayEquals(new int[]{1, 0, 1, 2}, d.labels()); // 1, 3, 7 -> 0, 1, 2
        assertEquals(3, d.classCount());
        assertArrayEquals(new float[]{1, 2, 3, 4, 5, 6, 7, 8}, d.view(0).dense().data);
    }

    @Test
    void writerRoundTrips() {
        FMatrix f = new FMatrix(3, 2, new float[]{1.25f, -2, Float.MIN_VALUE, 3e30f, 0, 7});
        DMatrix d = new DMatrix(2, 3, new double[]{Math.PI, -1e-300, 2, 3, 4, 5});
        int[] labels = {0, 5, 2, Integer.MAX_VALUE};
        NpyWriter.write(dir.resolve("f.npy"), f);
        NpyWriter.write(dir.resolve("d.npy"), d);
        NpyWriter.writeLabels(dir.resolve("l8.npy"), labels, true);
        NpyWriter.writeLabels(dir.resolve("l4.npy"), labels, false);
        assertEquals(f, NpyReader.readMatrix(dir.resolve("f.npy")));
        assertArrayEquals(d.data, NpyReader.readDoubleMatrix(dir.resolve("d.npy")).data);
        assertArrayEquals(new double[]{0, 5, 2, Integer.MAX_VALUE}, NpyReader.readVector(dir.resolve("l8.npy")));
        assertArrayEquals(new double[]{0, 5, 2, Integer.MAX_VALUE}, NpyReader.readVector(dir.resolve("l4.npy")));
        assertArrayEquals(new int[]{2, 3}, NpyReader.shape(dir.resolve("d.npy")));
        assertFalse(DataLoader.load(dir.resolve("f.npy")).hasLabels());
    }

    @Test
    void gzipCompressedFilesReadLikePlainOnes() throws IOException {
        for (String file : new String[]{"f8_fortran.npy", "u1_3d_fortran.npy", "i8.npy"}) {
            Path gz = gzip(Files.readAllBytes(Resources.path(file)), file + ".gz");
            assertEquals(NpyReader.readMatrix(Resources.path(file)), NpyReader.readMatrix(gz), file);
            assertArrayEquals(NpyReader.readDoubleMatrix(Resources.path(file)).data, NpyReader.readDoubleMatrix(gz).data, file);
            assertArrayEquals(NpyReader.shape(Resources.path(file)), NpyReader.shape(gz), file);
            MultiViewData loaded = DataLoader.load(gz); // found to be NumPy by its content, named without ".npy.gz"
            assertEquals(file.substring(0, file.length() - 4), loaded.name());
            assertEquals(NpyReader.readMatrix(Resources.path(file)), loaded.view(0).dense());
        }
        Path labels = gzip(Files.readAllBytes(Resources.path("labels_i8.npy")), "labels.npy.gz");
        assertArrayEquals(new double[]{3, 1, 3, 7}, NpyReader.readVector(labels));
    }

    @Test
    void versionTwoHeadersPlainAndCompressed() throws IOException {
        byte[] v1 = Files.readAllBytes(Resources.path("f4_c.npy"));
        int headerLen = ByteBuffer.wrap(v1, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
        ByteBuffer v2 = ByteBuffer.allocate(v1.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        v2.put(v1, 0, 6).put((byte) 2).put((byte) 0).putInt(headerLen).put(v1, 10, v1.length - 10);
        Path plain = dir.resolve("v2.npy");
        Files.write(plain, v2.array());
        FMatrix expected = NpyReader.readMatrix(Resources.path("f4_c.npy"));
        assertEquals(expected, NpyReader.readMatrix(plain));
        assertEquals(expected, NpyReader.readMatrix(gzip(v2.array(), "v2.npy.gz")));
    }

    @Test
    void aTruncatedCompressedFileSaysHowMuchDataItHolds() throws IOException {
        Path gz = gzip(Files.readAllBytes(Resources.path("truncated.npy")), "truncated.npy.gz"); // 10 x 10 float64 cut in half
        DataException e = assertThrows(DataException.class, () -> DataLoader.load(gz));
        assertEquals(DataException.Kind.TRUNCATED, e.kind());
        String plain = assertThrows(DataException.class, () -> DataLoader.load(Resources.path("truncated.npy"))).getMessage();
        String held = plain.substring(plain.indexOf("but only")); // "but only N bytes follow", N counted up front
        assertTrue(e.getMessage().contains("800 bytes") && e.getMessage().contains(held) && e.getMessage().contains("truncated.npy.gz"),
                e.getMessage() + " / " + plain);
        byte[] whole = Files.readAllBytes(Resources.path("f4_c.npy"));
        Path cutHeader = gzip(Arrays.copyOf(whole, 9), "cut.npy.gz");
        assertEquals(DataException.Kind.TRUNCATED, assertThrows(DataException.class, () -> DataLoader.load(cutHeader)).kind());
        // the compressed stream itself cut short: still read as NumPy, and reported as truncated
        byte[] compressed = Files.readAllBytes(gzip(whole, "whole.npy.gz"));
        Path cutStream = dir.resolve("cutstream.npy.gz");
        Files.write(cutStream, Arrays.copyOf(compressed, compressed.length - 12)); // the CRC and length trailer, and some data
        DataException cut = assertThrows(DataException.class, () -> DataLoader.load(cutStream));
        assertTrue(cut.kind() == DataException.Kind.TRUNCATED, cut.kind() + ": " + cut.getMessage());
    }

    @Test
    void versionTwoPreamblesCutShortAreTruncated() throws IOException {
        byte[] v1 = Files.readAllBytes(Resources.path("f4_c.npy"));
        for (int length : new int[] {10, 11}) { // inside the 4-byte header length of a version 2 file
            byte[] cut = Arrays.copyOf(v1, length);
            cut[6] = 2;
            Path p = dir.resolve("v2cut" + length + ".npy");
            Files.write(p, cut);
            DataException e = assertThrows(DataException.class, () -> NpyReader.readMatrix(p));
            assertEquals(DataException.Kind.TRUNCATED, e.kind(), e.getMessage());
        }
    }

    private Path gzip(byte[] content, String name) throws IOException {
        Path out = dir.resolve(name);
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out))) {
            os.write(content);
        }
        return out;
    }
}
