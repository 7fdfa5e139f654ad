package org.specrage.data.synthetic;

import org.junit.jupiter.api.Test;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.linalg.FMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticDataTest {
    /** Rows as "x,y,label" strings rounded to 1e-6, sorted: the point set regardless of shuffling. */
    private static List<String> pointSet(MultiViewData d) {
        List<String> out = new ArrayList<>();
        FMatrix x = d.view(0).dense();
        for (int r = 0; r < x.rows; r++) {
            out.add(String.format(java.util.Locale.ROOT, "%.6f,%.6f,%d", x.get(r, 0) + 0.0, x.get(r, 1) + 0.0, d.labels()[r])
                    .replace("-0.000000", "0.000000"));
        }
        out.sort(null);
        return out;
    }

    /** sklearn.datasets.make_moons(7, shuffle=False) and make_circles(8, shuffle=False, factor=0.5). */
    @Test
    void noiseFreePointsMatchSklearn() {
        List<String> moons = new ArrayList<>(List.of("1.000000,0.000000,0", "0.000000,1.000000,0", "-1.000000,0.000000,0",
                "0.000000,0.500000,1", "0.500000,-0.366025,1", "1.500000,-0.366025,1", "2.000000,0.500000,1"));
        moons.sort(null);
        assertEquals(moons, pointSet(SyntheticData.moons(7, 0, 1)));
        List<String> circles = new ArrayList<>(List.of("1.000000,0.000000,0", "0.000000,1.000000,0", "-1.000000,0.000000,0",
                "0.000000,-1.000000,0", "0.500000,0.000000,1", "0.000000,0.500000,1", "-0.500000,0.000000,1", "0.000000,-0.500000,1"));
        circles.sort(null);
        assertEquals(circles, pointSet(SyntheticData.circles(8, 0, 3)));
    }

    @Test
    void moonsClassMeansAndNoise() {
        MultiViewData d = SyntheticData.moons(200_000, 0.1, 7);
        FMatrix x = d.view(0).dense();
        double[] sx = new double[2], sy = new double[2];
        double outerSquaredRadius = 0;
        int[] count = new int[2];
        for (int r = 0; r < x.rows; r++) {
            int c = d.labels()[r];
            sx[c] += x.get(r, 0);
            sy[c] += x.get(r, 1);
            if (c == 0) outerSquaredRadius += (double) x.get(r, 0) * x.get(r, 0) + (double) x.get(r, 1) * x.get(r, 1);
            count[c]++;
        }
        // |(cos t, sin t) + e|^2 has mean 1 + 2 noise^2
        assertEquals(1.02, outerSquaredRadius / count[0], 0.003);
        assertArrayEquals(new int[]{100_000, 100_000}, count);
        // mean of (cos t, sin t) over t in [0, pi] is (0, 2/pi); the inner moon is shifted to (1, 1/2 - 2/pi)
        assertEquals(0, sx[0] / count[0], 0.005);
        assertEquals(2 / Math.PI, sy[0] / count[0], 0.005);
        assertEquals(1, sx[1] / count[1], 0.005);
        assertEquals(0.5 - 2 / Math.PI, sy[1] / count[1], 0.005);
        assertEquals(2, d.classCount());
    }

    @Test
    void circlesRadiiWithNoise() {
        MultiViewData d = SyntheticData.circles(100_000, 0.05, 0.3, 11);
        FMatrix x = d.view(0).dense();
        double[] r = new double[2];
        for (int i = 0; i < x.rows; i++) r[d.labels()[i]] += Math.hypot(x.get(i, 0), x.get(i, 1));
        assertEquals(1.0, r[0] / 50_000, 0.005);
        assertEquals(0.3, r[1] / 50_000, 0.01);
    }

    @Test
    void blobsSizesAndSpread() {
        MultiViewData d = SyntheticData.blobs(30_001, 3, 4, 2.0, 5);
        int[] count = new int[3];
        double[][] sum = new double[3][4], sq = new double[3][4];
        FMatrix x = d.view(0).dense();
        for (int r = 0; r < x.rows; r++) {
            int c = d.labels()[r];
            count[c]++;
            for (int j = 0; j < 4; j++) {
                sum[c][j] += x.get(r, j);
                sq[c][j] += (double) x.get(r, j) * x.get(r, j);
            }
        }
        assertArrayEquals(new int[]{10_001, 10_000, 10_000}, count);
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < 4; j++) {
                double mean = sum[c][j] / count[c];
                double std = Math.sqrt(sq[c][j] / count[c] - mean * mean);
                assertTrue(mean > -10.1 && mean < 10.1, "centre in the box");
                assertEquals(2.0, std, 0.05);
            }
        }
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        assertEquals(SyntheticData.moons(1000, 0.1, 42).view(0).dense(), SyntheticData.moons(1000, 0.1, 42).view(0).dense());
        assertNotEquals(SyntheticData.moons(1000, 0.1, 42).view(0).dense(), SyntheticData.moons(1000, 0.1, 43).view(0).dense());
        MultiViewData a = SyntheticData.multiViewBlobs(500, 3, 3, 5, 9), b = SyntheticData.multiViewBlobs(500, 3, 3, 5, 9);
        for (int v = 0; v < 3; v++) assertEquals(a.view(v).dense(), b.view(v).dense());
        assertArrayEquals(a.labels(), b.labels());
    }

    @Test
    void rotationIsOrthogonal() {
        int dim = 12;
        FMatrix q = SyntheticData.randomRotation(dim, new SplittableRandom(3));
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < dim; b++) {
                double dot = 0;
                for (int j = 0; j < dim; j++) dot += (double) q.get(a, j) * q.get(b, j);
                assertEquals(a == b ? 1 : 0, dot, 1e-6);
            }
        }
    }

    /** A rotation keeps row norms, so E|x_v|^2 - E|x_0|^2 = dim * (0.5 v)^2, the added noise. */
    @Test
    void laterViewsAreRotatedCopiesWithGrowingNoise() {
        int n = 40_000, dim = 6;
        MultiViewData d = SyntheticData.multiViewBlobs(n, 4, 3, dim, 21);
        assertEquals(3, d.viewCount());
        assertEquals(4, d.classCount());
        double base = meanSquaredNorm(d.view(0).dense());
        for (int v = 1; v < 3; v++) {
            FMatrix xv = d.view(v).dense();
            assertEquals(dim, xv.cols);
            double expected = dim * 0.25 * v * v;
            assertEquals(expected, meanSquaredNorm(xv) - base, 0.05 * expected + 0.3);
            assertNotEquals(d.view(0).dense(), xv);
        }
    }

    private static double meanSquaredNorm(FMatrix x) {
        double s = 0;
        for (float v : x.data) s += (double) v * v;
        return s / x.rows;
    }

    @Test
    void scalesLinearlyToMillionsOfRows() {
        long start = System.nanoTime();
        MultiViewData d = SyntheticData.moons(2_000_000, 0.05, 1);
        assertEquals(2_000_000, d.rows());
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "2M moons should take well under 20 s");
    }

    @Test
    void badArguments() {
        assertThrows(DataException.class, () -> SyntheticData.moons(0, 0.1, 1));
        assertThrows(DataException.class, () -> SyntheticData.circles(10, 0.1, 1.0, 1));
        assertThrows(DataException.class, () -> SyntheticData.blobs(10, 11, 2, 1, 1));
        assertThrows(DataException.class, () -> SyntheticData.blobs(10, 2, 2, -1, 1));
        assertThrows(DataException.class, () -> SyntheticData.multiViewBlobs(10, 2, 0, 2, 1));
    }
}
