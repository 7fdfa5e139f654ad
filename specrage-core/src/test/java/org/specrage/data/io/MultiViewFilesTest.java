package org.specrage.data.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.specrage.data.Checksums;
import org.specrage.data.MultiViewData;
import org.specrage.data.TestData;
import org.specrage.data.View;
import org.specrage.linalg.FMatrix;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads every shared multi-view MAT file and compares shapes, storage, class counts and
 * checksums with numbers computed by scipy.io.loadmat(mat_dtype=True) (values cast to float32 for
 * dense views, as the loader stores them; labels mapped to 0..C-1 by sorted value).
 */
class MultiViewFilesTest {
    record ViewGolden(int rows, int cols, boolean sparse, double sum, double weightedSum) {
    }

    record Golden(String file, int n, int classes, long labelChecksum, List<ViewGolden> views) {
        @Override
        public String toString() {
            return file;
        }
    }

    private static ViewGolden v(int rows, int cols, boolean sparse, double sum, double weightedSum) {
        return new ViewGolden(rows, cols, sparse, sum, weightedSum);
    }

    static List<Golden> files() {
        return List.of(
            new Golden("handwritten.mat", 2000, 10, 12295500L, List.of(
                    v(2000, 240, false, 1452834.0, 17411399.0),
                    v(2000, 76, false, 20068.876771458206, 239347.4625299845),
                    v(2000, 216, false, 137492808.0, 1669500962.0),
                    v(2000, 47, false, 8331824.365639082, 86698662.38553998),
                    v(2000, 64, false, 6794.8466254016475, 109062.68349087589),
                    v(2000, 6, false, 12632396.781185985, 54356691.82804382))),
            new Golden("BDGP.mat", 2500, 5, 8747500L, List.of(
                    v(2500, 1750, false, 32931.28185426351, 396597.37027475657),
                    v(2500, 79, false, 7131.0, 83475.0))),
            new Golden("MNIST_USPS.mat", 5000, 10, 56330494L, List.of(
                    v(5000, 784, false, 512762.1171875, 6164489.80859375),
                    v(5000, 784, false, 319696.99223860307, 3830503.6203748183))),
            new Golden("Hdigit.mat", 10000, 10, 307477500L, List.of(
                    v(10000, 784, false, 264042938.0, 3170945337.0),
                    v(10000, 256, false, 162495531.0, 1933943835.0))),
            new Golden("Reuters.mat", 1200, 6, 2498500L, List.of(
                    v(1200, 2000, true, 165418.539608, 2002102.2662960002),
                    v(1200, 2000, true, 164855.55009099998, 1977658.1096339999),
                    v(1200, 2000, true, 160747.645437, 1903800.086844),
                    v(1200, 2000, true, 162050.63676700002, 1909510.798472),
                    v(1200, 2000, true, 160097.38000499998, 1930554.062598))),
            new Golden("3Sources.mat", 169, 6, 30767L, List.of(
                    v(169, 3560, false, 37861.0, 436890.0),
                    v(169, 3631, false, 42341.0, 487822.0),
                    v(169, 3068, false, 33189.0, 378560.0))),
            new Golden("BBCSport.mat", 544, 5, 394534L, List.of(
                    v(544, 3183, true, 1669.2978863603316, 20075.641208225217),
                    v(544, 3203, true, 1681.9822617028753, 20207.76768605128))),
            new Golden("ORL.mat", 400, 40, 2089100L, List.of(
                    v(400, 512, false, 86667.7058274746, 1036017.010912545),
                    v(400, 59, false, 12900.735334843397, 153201.74891382456),
                    v(400, 864, false, 168364.89273538906, 2013767.927864994),
                    v(400, 254, false, 44895.79352969304, 536122.9275111482)))
);
    }

    @ParameterizedTest
    @MethodSource("files")
    void loadsLikeScipy(Golden g) {
        Path path = TestData.multiview(g.file());
        MultiViewData d = DataLoader.load(path, LoadOptions.defaults());
        assertEquals(g.n(), d.rows());
        assertEquals(g.views().size(), d.viewCount());
        assertTrue(d.hasLabels());
        assertEquals(g.classes(), d.classCount());
        assertEquals(g.labelChecksum(), Checksums.labelChecksum(d.labels()));
        for (int k = 0; k < g.views().size(); k++) {
            ViewGolden e = g.views().get(k);
            View v = d.view(k);
            String what = g.file() + " view " + k;
            assertEquals(e.rows(), v.rows(), what);
            assertEquals(e.cols(), v.cols(), what);
            assertEquals(e.sparse(), v.isSparse(), what);
            assertEquals(e.sum(), Checksums.sum(v), 1e-10 * Math.abs(e.sum()) + 1e-9, what);
            assertEquals(e.weightedSum(), Checksums.weightedSum(v), 1e-10 * Math.abs(e.weightedSum()) + 1e-9, what);
        }
    }

    @Test
    void handwrittenViewsAreNamedFromFeas() {
        MultiViewData d = DataLoader.load(TestData.multiview("handwritten.mat"), LoadOptions.defaults());
        assertEquals("pixel", d.view(0).name());
        assertEquals("mor", d.view(5).name());
        assertEquals("handwritten", d.name());
    }

    /** The v7.3 file holds BDGP.mat's first view split in three (h5py is not installed here). */
    @Test
    void bdgpV73EqualsBdgpFirstViewSplit() {
        MultiViewData v73 = DataLoader.load(TestData.multiview("BDGP_3view_v73.mat"), LoadOptions.defaults());
        MultiViewData v5 = DataLoader.load(TestData.multiview("BDGP.mat"), LoadOptions.defaults());
        assertEquals(2500, v73.rows());
        assertEquals(3, v73.viewCount());
        assertEquals(1000, v73.view(0).cols());
        assertEquals(500, v73.view(1).cols());
        assertEquals(250, v73.view(2).cols());
        assertEquals(5, v73.classCount());
        assertEquals("lateral_SIFT", v73.view(0).name());
        assertArrayEquals(v5.labels(), v73.labels());
        FMatrix joined = FMatrix.hconcat(List.of(v73.view(0).dense(), v73.view(1).dense(), v73.view(2).dense()));
        FMatrix expected = v5.view(0).dense();
        assertEquals(expected.rows, joined.rows);
        assertEquals(expected.cols, joined.cols);
        for (int i = 0; i < expected.data.length; i++) {
            assertEquals(expected.data[i], joined.data[i], 1e-6f * Math.max(1f, Math.abs(expected.data[i])), "entry " + i);
        }
    }
}
