package org.specrage.data.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.Checksums;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.TestData;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void headerDetectedAndLabelsLastByDefault() throws IOException {
        Path p = write("a.csv", "x,y,class\n1,2,b\n3,4.5,a\n-1e2,0,b\n");
        MultiViewData d = DataLoader.load(p);
        assertEquals(3, d.rows());
        assertEquals(2, d.view(0).cols());
        assertArrayEquals(new float[]{1, 2, 3, 4.5f, -100, 0}, d.view(0).dense().data);
        assertArrayEquals(new int[]{1, 0, 1}, d.labels()); // names sorted: a -> 0, b -> 1
    }

    @Test
    void aDelimiterEndingEveryLineIsDropped() throws IOException {
        Path p = write("trailing.csv", "x,y,label,\n1,2,a,\n3,4,b,\n");
        MultiViewData d = DataLoader.load(p);
        assertArrayEquals(new float[]{1, 2, 3, 4}, d.view(0).dense().data);
        assertArrayEquals(new int[]{0, 1}, d.labels());
        // a tab ending every line of a TSV file
        MultiViewData tsv = DataLoader.load(write("trailing.tsv", "1\t2\t0\t\n3\t4\t1\t\n5\t6\t0\t\n"));
        assertArrayEquals(new float[]{1, 2, 3, 4, 5, 6}, tsv.view(0).dense().data);
        assertArrayEquals(new int[]{0, 1, 0}, tsv.labels());
        // on some lines only, the empty field is a missing label
        DataException e = assertThrows(DataException.class, () -> DataLoader.load(write("some.csv", "1,2,a\n3,4,\n")));
        assertTrue(e.getMessage().contains("empty label"), e.getMessage());
    }

    /** A common export layout: numeric column names, then "label" above numeric labels. */
    @Test
    void numericColumnNamesAboveNumericLabelsAreAHeader() throws IOException {
        Path p = write("numbered.csv", "0,1,2,label\n1,2,3,0\n4,5,6,1\n");
        MultiViewData d = DataLoader.load(p);
        assertEquals(2, d.rows());
        assertArrayEquals(new float[]{1, 2, 3, 4, 5, 6}, d.view(0).dense().data);
        assertArrayEquals(new int[]{0, 1}, d.labels());
    }

    /** Text labels under an unusual header: found because the id column is text only in the first line, or because the column was named. */
    @Test
    void aLabelsFileHeaderIsFoundByAnIdColumnOrByName() throws IOException {
        Path x = write("x3.csv", "1,2\n3,4\n5,6\n");
        Path y = write("y_id.csv", "id,cls\n0,a\n1,b\n2,a\n");
        MultiViewData d = DataLoader.load(x, LoadOptions.defaults().withLabelsFile(y));
        assertArrayEquals(new int[]{0, 1, 0}, d.labels());
        Path named = write("y_named.csv", "who,kind\nq,a\nr,b\ns,a\n");
        assertArrayEquals(new String[]{"a", "b", "a"}, CsvReader.readLabels(named, LoadOptions.defaults().withLabelColumn("kind")));
        // a numeric label is never a header cell, whatever the other column holds
        Path noHeader = write("y_noheader.csv", "n1,0\n1,1\n2,0\n");
        assertArrayEquals(new String[]{"0", "1", "0"}, CsvReader.readLabels(noHeader, LoadOptions.defaults()));
        // a column index works under a header too
        Path indexed = write("y_indexed.csv", "a,b,label\n1,2,x\n3,4,y\n");
        assertArrayEquals(new String[]{"x", "y"}, CsvReader.readLabels(indexed, LoadOptions.defaults().withLabelColumn("2")));
        assertArrayEquals(new String[]{"1", "3"}, CsvReader.readLabels(indexed, LoadOptions.defaults().withLabelColumn("0")));
    }

    @Test
    void noHeaderNumericLabelsKeepNumericOrder() throws IOException {
        Path p = write("b.csv", "1,2,10\n3,4,2\n5,6,1\n");
        MultiViewData d = DataLoader.load(p);
        assertEquals(3, d.rows());
        assertArrayEquals(new int[]{2, 1, 0}, d.labels()); // 1 < 2 < 10 numerically
    }

    @Test
    void labelColumnByNameIndexFirstOrNone() throws IOException {
        Path p = write("c.csv", "label,f1,f2\n7,0.5,1\n8,1.5,2\n");
        MultiViewData byName = DataLoader.load(p, LoadOptions.defaults().withLabelColumn("label"));
        assertArrayEquals(new float[]{0.5f, 1, 1.5f, 2}, byName.view(0).dense().data);
        assertArrayEquals(new int[]{0, 1}, byName.labels());
        MultiViewData byIndex = DataLoader.load(p, LoadOptions.defaults().withLabelColumn("0"));
        assertEquals(byName.view(0).dense(), byIndex.view(0).dense());
        MultiViewData first = DataLoader.load(p, LoadOptions.defaults().withLabelColumn("first"));
        assertEquals(byName.view(0).dense(), first.view(0).dense());
        MultiViewData none = DataLoader.load(p, LoadOptions.defaults().withLabelColumn("none"));
        assertFalse(none.hasLabels());
        assertEquals(3, none.view(0).cols());
        DataException e = assertThrows(DataException.class, () -> DataLoader.load(p, LoadOptions.defaults().withLabelColumn("species")));
        assertEquals(DataException.Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains("species") && e.getMessage().contains("c.csv"), e.getMessage());
    }

    @Test
    void tabsWhitespaceSemicolonsAndQuotes() throws IOException {
        float[] expected = {1, 2, 3, 4};
        assertArrayEquals(expected, DataLoader.load(write("t.tsv", "1\t2\t0\n3\t4\t1\n")).view(0).dense().data);
        assertArrayEquals(expected, DataLoader.load(write("w.txt", "  1   2  0\n3 4 1  \n\n")).view(0).dense().data);
        assertArrayEquals(expected, DataLoader.load(write("s.csv", "1;2;0\n3;4;1\n")).view(0).dense().data);
        MultiViewData q = DataLoader.load(write("q.csv", "\"a\",\"b\",\"name\"\n1,2,\"x, y\"\n3,4,\"z\"\n"));
        assertArrayEquals(expected, q.view(0).dense().data);
        assertArrayEquals(new int[]{0, 1}, q.labels());
        MultiViewData forced = DataLoader.load(write("f.csv", "1|2|0\n3|4|1\n"),
                LoadOptions.defaults().withDelimiter('|').withHeader(false));
        assertArrayEquals(expected, forced.view(0).dense().data);
    }

    @Test
    void gzippedCsv() throws IOException {
        Path p = dir.resolve("g.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("f,label\n0.25,1\n0.75,2\n".getBytes(StandardCharsets.UTF_8));
        }
        MultiViewData d = DataLoader.load(p);
        assertEquals("g", d.name());
        assertArrayEquals(new float[]{0.25f, 0.75f}, d.view(0).dense().data);
        assertArrayEquals(new int[]{0, 1}, d.labels());
    }

    @Test
    void labelsFileWithHeaderReplacesLabelColumnDefault() throws IOException {
        Path x = write("x.csv", "1,2\n3,4\n5,6\n");
        Path y = dir.resolve("y.csv");
        LabelsCsvWriter.write(y, new int[]{2, 0, 2});
        MultiViewData d = DataLoader.load(x, LoadOptions.defaults().withLabelsFile(y));
        assertEquals(2, d.view(0).cols()); // with a labels file no column is taken as labels
        assertArrayEquals(new int[]{1, 0, 1}, d.labels());
        assertEquals("label\n2\n0\n2\n", Files.readString(y));
    }

    /** scikit-learn's bundled iris.csv: first line "150,4,setosa,versicolor,virginica" is a header. */
    @Test
    void sklearnIris() {
        Path p = TestData.require(Paths.get("/usr/lib/python3/dist-packages/sklearn/datasets/data/iris.csv"));
        MultiViewData d = DataLoader.load(p);
        assertEquals(150, d.rows());
        assertEquals(4, d.view(0).cols());
        assertEquals(3, d.classCount());
        assertEquals(16175, Checksums.labelChecksum(d.labels()));
        assertEquals(2078.69999640435, Checksums.sum(d.view(0)), 1e-9);
        assertEquals(16710.49996984005, Checksums.weightedSum(d.view(0)), 1e-8);
    }

    @Test
    void sklearnDigitsGzip() {
        Path p = TestData.require(Paths.get("/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz"));
        MultiViewData d = DataLoader.load(p);
        assertEquals(1797, d.rows());
        assertEquals(64, d.view(0).cols());
        assertEquals(10, d.classCount());
        assertEquals(7264791, Checksums.labelChecksum(d.labels()));
        assertEquals(561718.0, Checksums.sum(d.view(0)));
        assertEquals(6728713.0, Checksums.weightedSum(d.view(0)));
    }
}
