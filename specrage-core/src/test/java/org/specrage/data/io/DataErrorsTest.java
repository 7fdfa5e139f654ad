package org.specrage.data.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;
import org.specrage.data.DataException;
import org.specrage.data.DataException.Kind;
import org.specrage.data.MultiViewData;
import org.specrage.data.TestData;
import org.specrage.data.View;
import org.specrage.linalg.FMatrix;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each kind of bad input gives a DataException of the right kind whose message names the file and the problem. */
class DataErrorsTest {
    @TempDir
    Path dir;

    private static DataException expect(Kind kind, Executable body, String... messageParts) {
        DataException e = assertThrows(DataException.class, body);
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(kind.exitCode, e.exitCode());
        for (String part : messageParts) assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        return e;
    }

    private Path halfOf(Path source, String name) throws IOException {
        byte[] all = Files.readAllBytes(source);
        Path p = dir.resolve(name);
        Files.write(p, Arrays.copyOf(all, all.length / 2));
        return p;
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("nothing-here.mat");
        expect(Kind.MISSING_FILE, () -> DataLoader.load(p), "nothing-here.mat", "not found");
        expect(Kind.MISSING_FILE, () -> DataLoader.load(Resources.path("f4_c.npy"), LoadOptions.defaults().withLabelsFile(p)), "nothing-here.mat");
    }

    @Test
    void unknownFormat() throws IOException {
        Path p = dir.resolve("noise.bin");
        Files.write(p, new byte[]{1, 2, 3, 0, (byte) 200, 17, 99, 5});
        expect(Kind.UNKNOWN_FORMAT, () -> DataLoader.load(p), "noise.bin", "unrecognised");
        Path fakeMat = dir.resolve("fake.mat");
        Files.writeString(fakeMat, "hello");
        expect(Kind.UNKNOWN_FORMAT, () -> DataLoader.load(fakeMat), "fake.mat", "MATLAB");
    }

    @Test
    void truncatedNpy() {
        Path p = Resources.path("truncated.npy"); // a 10 x 10 float64 array cut in half
        expect(Kind.TRUNCATED, () -> DataLoader.load(p), "truncated.npy", "800 bytes");
    }

    @Test
    void truncatedMatV5Written() throws IOException {
        Path full = dir.resolve("full.mat");
        FMatrix m = new FMatrix(50, 40);
        for (int i = 0; i < m.data.length; i++) m.data[i] = (float) Math.sin(i);
        MatV5Writer.write(full, new MultiViewData(List.of(View.dense(m)), null, "full"));
        Path half = halfOf(full, "half.mat");
        expect(Kind.TRUNCATED, () -> DataLoader.load(half), "half.mat", "truncated");
    }

    @Test
    void truncatedSharedMatFiles() throws IOException {
        Path v5 = halfOf(TestData.multiview("handwritten.mat"), "handwritten_half.mat");
        expect(Kind.TRUNCATED, () -> DataLoader.load(v5), "handwritten_half.mat");
        Path v73 = halfOf(TestData.multiview("BDGP_3view_v73.mat"), "bdgp_half.mat");
        expect(Kind.TRUNCATED, () -> DataLoader.load(v73), "bdgp_half.mat", "HDF5");
    }

    @Test
    void idxShorterThanItsHeaderSays() throws IOException {
        byte[] full = IdxReaderTest.idxUnsignedBytes(new int[]{10, 2, 2}, new int[40]);
        Path plain = dir.resolve("short-idx3-ubyte");
        Files.write(plain, Arrays.copyOf(full, full.length - 5));
        expect(Kind.TRUNCATED, () -> DataLoader.load(plain), "short-idx3-ubyte", "[10, 2, 2]");
        Path gz = dir.resolve("short.idx.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(full, 0, full.length - 5);
        }
        expect(Kind.TRUNCATED, () -> DataLoader.load(gz), "short.idx.gz");
    }

    @Test
    void nonFiniteValuesNamedByViewRowAndColumn() throws IOException {
        expect(Kind.NON_FINITE, () -> DataLoader.load(Resources.path("nan.npy")), "nan.npy", "view 0", "row 1", "column 1", "NaN");
        Path csv = dir.resolve("inf.csv");
        Files.writeString(csv, "1,2,0\n3,inf,1\n");
        expect(Kind.NON_FINITE, () -> DataLoader.load(csv), "inf.csv", "row 1 column 1", "Infinity");
        Path missing = dir.resolve("gap.csv");
        Files.writeString(missing, "1,2,0\n3,,1\n");
        expect(Kind.NON_FINITE, () -> DataLoader.load(missing), "gap.csv", "line 2", "missing value");
        FMatrix bad = new FMatrix(2, 2, new float[]{0, 0, 0, Float.NEGATIVE_INFINITY});
        expect(Kind.NON_FINITE, () -> new MultiViewData(List.of(View.dense(new FMatrix(2, 1)), View.dense(bad).withName("pix")), null, "d"),
                "view 1 ('pix') row 1 column 1");
    }

    @Test
    void viewsWithDifferentRowCounts() throws IOException {
        expect(Kind.ROW_MISMATCH, () -> new MultiViewData(List.of(View.dense(new FMatrix(3, 2)), View.dense(new FMatrix(4, 2))), null, "d"),
                "view 1 has 4 rows", "view 0 has 3");
        Path a = dir.resolve("a.npy");
        Path b = dir.resolve("b.npy");
        NpyWriter.write(a, new FMatrix(3, 2));
        NpyWriter.write(b, new FMatrix(5, 2));
        expect(Kind.ROW_MISMATCH, () -> DataLoader.loadViews(List.of(a, b), LoadOptions.defaults()), "b.npy", "5 rows");
        // a MAT file whose views disagree, with no labels to say which orientation is right
        MatFile mat = Mat5.newMatFile().addArray("X1", Mat5.newMatrix(4, 3)).addArray("X2", Mat5.newMatrix(5, 6));
        Path p = dir.resolve("mismatch.mat");
        Mat5.writeToFile(mat, p.toFile());
        expect(Kind.ROW_MISMATCH, () -> DataLoader.load(p), "mismatch.mat", "view 1 is 5 x 6");
        // same dimension, different sample counts (a training and a test matrix, say): never read as 3 samples
        MatFile sameWidth = Mat5.newMatFile().addArray("X1", Mat5.newMatrix(40, 3)).addArray("X2", Mat5.newMatrix(10, 3));
        Path q = dir.resolve("samewidth.mat");
        Mat5.writeToFile(sameWidth, q.toFile());
        expect(Kind.ROW_MISMATCH, () -> DataLoader.load(q), "samewidth.mat", "[40 x 3, 10 x 3]", "one row per sample");
        // views stored features x samples (more samples than features) are still read the right way round
        MatFile featuresBySamples = Mat5.newMatFile().addArray("X1", Mat5.newMatrix(4, 30)).addArray("X2", Mat5.newMatrix(7, 30));
        Path t = dir.resolve("transposed.mat");
        Mat5.writeToFile(featuresBySamples, t.toFile());
        MultiViewData read = DataLoader.load(t, LoadOptions.defaults());
        assertEquals(30, read.rows());
        assertEquals(4, read.view(0).cols());
        assertEquals(7, read.view(1).cols());
        // square views are refused too (at least as many features as samples)
        MatFile square = Mat5.newMatFile().addArray("X1", Mat5.newMatrix(30, 30)).addArray("X2", Mat5.newMatrix(4, 30));
        Path sq = dir.resolve("square.mat");
        Mat5.writeToFile(square, sq.toFile());
        expect(Kind.ROW_MISMATCH, () -> DataLoader.load(sq), "square.mat", "[30 x 30, 4 x 30]");
        // with a label vector, its length orients the views, also when the labels themselves are not read
        MatFile labelled = Mat5.newMatFile().addArray("X1", Mat5.newMatrix(50, 20)).addArray("X2", Mat5.newMatrix(3, 20))
                .addArray("Y", Mat5.newMatrix(20, 1));
        Path lab = dir.resolve("labelled.mat");
        Mat5.writeToFile(labelled, lab.toFile());
        for (LoadOptions o : List.of(LoadOptions.defaults(), LoadOptions.defaults().withLabelColumn("none"))) {
            MultiViewData wide = DataLoader.load(lab, o);
            assertEquals(20, wide.rows());
            assertEquals(50, wide.view(0).cols());
            assertEquals(3, wide.view(1).cols());
        }
    }

    @Test
    void labelCountMismatch() throws IOException {
        Path labels = dir.resolve("labels.csv");
        LabelsCsvWriter.write(labels, new int[]{0, 1, 0, 1, 1});
        expect(Kind.LABEL_MISMATCH, () -> DataLoader.load(Resources.path("f4_c.npy"), LoadOptions.defaults().withLabelsFile(labels)),
                "labels.csv", "5 labels", "3 rows");
        expect(Kind.LABEL_MISMATCH, () -> new MultiViewData(List.of(View.dense(new FMatrix(3, 1))), new int[]{0, 1}, "d"), "2 labels for 3 rows");
        MatFile mat = Mat5.newMatFile().addArray("X", Mat5.newMatrix(4, 3)).addArray("Y", Mat5.newMatrix(6, 1));
        Path p = dir.resolve("badlabels.mat");
        Mat5.writeToFile(mat, p.toFile());
        expect(Kind.LABEL_MISMATCH, () -> DataLoader.load(p), "badlabels.mat", "4 x 3", "6 labels");
    }

    @Test
    void textLabelsInAMatFileAreNamedNotDropped() throws IOException {
        MatFile mat = Mat5.newMatFile().addArray("X", Mat5.newMatrix(4, 3)).addArray("Y", Mat5.newString("abab"));
        Path p = dir.resolve("charlabels.mat");
        Mat5.writeToFile(mat, p.toFile());
        expect(Kind.UNKNOWN_FORMAT, () -> DataLoader.load(p), "charlabels.mat", "'Y'", "char", "--labels FILE", "--label-column none");
        // either remedy loads it
        assertFalse(DataLoader.load(p, LoadOptions.defaults().withLabelColumn("none")).hasLabels());
        Path labels = dir.resolve("labels.csv");
        LabelsCsvWriter.write(labels, new int[]{0, 1, 0, 1});
        assertArrayEquals(new int[]{0, 1, 0, 1}, DataLoader.load(p, LoadOptions.defaults().withLabelsFile(labels)).labels());
        // a CSV-style label column means nothing to a MAT file: refused rather than ignored
        expect(Kind.INVALID_ARGUMENT, () -> DataLoader.load(p, LoadOptions.defaults().withLabelColumn("0")), "charlabels.mat", "CSV/TSV");
    }

    @Test
    void emptyView() throws IOException {
        Path headerOnly = dir.resolve("empty.csv");
        Files.writeString(headerOnly, "a,b,label\n");
        expect(Kind.EMPTY_VIEW, () -> DataLoader.load(headerOnly), "empty.csv", "no data lines");
        expect(Kind.EMPTY_VIEW, () -> new MultiViewData(List.of(View.dense(new FMatrix(3, 2)), View.dense(new FMatrix(3, 0))), null, "d"),
                "view 1", "empty", "3 x 0");
        Path onlyLabels = dir.resolve("labels-only.csv");
        Files.writeString(onlyLabels, "1\n2\n");
        expect(Kind.EMPTY_VIEW, () -> DataLoader.load(onlyLabels), "labels-only.csv", "2 x 0");
    }

    @Test
    void invalidArguments() {
        MultiViewData d = new MultiViewData(List.of(View.dense(new FMatrix(3, 2))), null, "small");
        expect(Kind.INVALID_ARGUMENT, () -> d.selectViews(0, 5), "view index 5", "1 view", "small");
        expect(Kind.INVALID_ARGUMENT, () -> new MultiViewData(List.of(), null, "none"), "no views");
        expect(Kind.INVALID_ARGUMENT, () -> DataLoader.load(TestData.multiview("ORL.mat"),
                LoadOptions.defaults().withMatVariables("Z", null)), "ORL.mat", "no variable 'Z'", "X (1x4 cell)");
    }
}
