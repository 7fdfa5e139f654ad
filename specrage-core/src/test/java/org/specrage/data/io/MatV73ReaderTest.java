package org.specrage.data.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.linalg.CsrMatrix;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MATLAB-style HDF5 written with jhdf (no user block, no references): a dense matrix, a sparse
 * matrix as a data/ir/jc group, and labels, read back through the v7.3 reader.
 */
class MatV73ReaderTest {
    @TempDir
    Path dir;

    @Test
    void denseAndSparseVariablesChosenByName() {
        Path p = dir.resolve("h5.mat");
        try (WritableHdfFile f = HdfFile.write(p)) {
            // MATLAB 3 x 2 matrix [1 2; 3 4; 5 6]: HDF5 dims are reversed (2 x 3), rows of the HDF5 array are MATLAB columns
            WritableDataset a = f.putDataset("A", new double[][]{{1, 3, 5}, {2, 4, 6}});
            a.putAttribute("MATLAB_class", "double");
            // MATLAB 3 x 4 sparse with (0,1)=7, (2,1)=8, (1,3)=9, stored by column
            WritableGroup s = f.putGroup("S");
            s.putAttribute("MATLAB_class", "double");
            s.putAttribute("MATLAB_sparse", 3L);
            s.putDataset("data", new double[]{7, 8, 9});
            s.putDataset("ir", new long[]{0, 2, 1});
            s.putDataset("jc", new long[]{0, 0, 2, 2, 3});
            WritableDataset y = f.putDataset("labels", new double[][]{{4, 2, 4}});
            y.putAttribute("MATLAB_class", "double");
        }
        assertEquals(DataFormat.MAT_V73, FormatDetector.detect(p));
        MultiViewData d = DataLoader.load(p, LoadOptions.defaults().withMatVariables("A,S", "labels"));
        assertEquals(3, d.rows());
        assertArrayEquals(new float[]{1, 2, 3, 4, 5, 6}, d.view(0).dense().data);
        assertTrue(d.view(1).isSparse());
        CsrMatrix m = d.view(1).sparse();
        assertEquals(4, m.cols);
        assertArrayEquals(new int[]{0, 1, 2, 3}, m.rowStart);
        assertArrayEquals(new int[]{1, 3, 1}, m.colIndex);
        assertArrayEquals(new double[]{7, 9, 8}, m.values);
        assertArrayEquals(new int[]{1, 0, 1}, d.labels());

        // no variable named X/data/fea and two candidate matrices: auto-detection names them and gives up
        DataException e = assertThrows(DataException.class, () -> DataLoader.load(p));
        assertEquals(DataException.Kind.UNKNOWN_FORMAT, e.kind());
        assertTrue(e.getMessage().contains("A (3x2 double), S (3x4 sparse double)"), e.getMessage());
        MultiViewData onlyA = DataLoader.load(p, LoadOptions.defaults().withMatVariables("A", "none"));
        assertEquals(1, onlyA.viewCount());
        assertFalse(onlyA.hasLabels());
    }
}
