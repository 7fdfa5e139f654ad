package org.specrage.data.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.TestData;
import org.specrage.linalg.FMatrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DataLoaderTest {
    @TempDir
    Path dir;

    @Test
    void detectsFormatsFromContentNotJustNames() throws IOException {
        assertEquals(DataFormat.NPY, FormatDetector.detect(Resources.path("f4_c.npy")));
        Path npyNoExt = dir.resolve("array.data");
        Files.copy(Resources.path("f4_c.npy"), npyNoExt);
        assertEquals(DataFormat.NPY, FormatDetector.detect(npyNoExt));
        assertEquals(DataFormat.MAT_V5, FormatDetector.detect(TestData.multiview("ORL.mat")));
        assertEquals(DataFormat.MAT_V73, FormatDetector.detect(TestData.multiview("BDGP_3view_v73.mat")));
        Path csv = dir.resolve("table.txt");
        Files.writeString(csv, "1,2,3\n4,5,6\n");
        assertEquals(DataFormat.CSV, FormatDetector.detect(csv));
        Path svm = dir.resolve("sparse.txt");
        Files.writeString(svm, "1 3:0.5 7:1\n0 1:2\n");
        assertEquals(DataFormat.LIBSVM, FormatDetector.detect(svm));
    }

    @Test
    void viewsFromSeveralFilesWithLabelsFile() {
        Path a = dir.resolve("pixels.npy");
        Path b = dir.resolve("edges.npy");
        Path y = dir.resolve("y.npy");
        NpyWriter.write(a, new FMatrix(3, 2, new float[]{1, 2, 3, 4, 5, 6}));
        NpyWriter.write(b, new FMatrix(3, 1, new float[]{7, 8, 9}));
        NpyWriter.writeLabels(y, new int[]{1, 1, 0}, true);
        MultiViewData d = DataLoader.loadViews(List.of(a, b), LoadOptions.defaults().withLabelsFile(y).withName("two"));
        assertEquals("two", d.name());
        assertEquals(2, d.viewCount());
        assertEquals("pixels", d.view(0).name());
        assertEquals("edges", d.view(1).name());
        assertArrayEquals(new int[]{1, 1, 0}, d.labels());
    }

    @Test
    void matVariablesOptionOverridesDetection() {
        Path p = TestData.multiview("MNIST_USPS.mat");
        MultiViewData second = DataLoader.load(p, LoadOptions.defaults().withMatVariables("X2", "none"));
        assertEquals(1, second.viewCount());
        assertEquals(784, second.view(0).cols());
        assertFalse(second.hasLabels());
        DataException e = assertThrows(DataException.class, () -> DataLoader.load(p, LoadOptions.defaults().withMatVariables("X1", "X2")));
        assertEquals(DataException.Kind.UNKNOWN_FORMAT, e.kind()); // X2 is a matrix, not a label vector
    }
}
