package org.specrage.data.corrupt;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

class CorruptionTest {
    private final MultiViewData data = SyntheticData.multiViewBlobs(400, 4, 2, 6, 1);

    private static float[] row(FMatrix m, int r) {
        return Arrays.copyOfRange(m.data, r * m.cols, (r + 1) * m.cols);
    }

    @Test
    void onlyTheChosenRowsOfTheChosenViewChange() {
        CorruptedData c = Corruption.apply(data, 1, 0.3, CorruptionKind.OUTLIER, 0.5, 7);
        assertEquals(120, c.hitRows().length);
        assertEquals(120, Arrays.stream(c.hitRows()).distinct().count());
        boolean[] hit = c.hitMask();
        FMatrix before = data.view(1).dense();
        FMatrix after = c.data().view(1).dense();
        for (int r = 0; r < 400; r++) {
            assertEquals(!hit[r], Arrays.equals(row(before, r), row(after, r)), "row " + r);
        }
        assertEquals(data.view(0).dense(), c.data().view(0).dense());
        assertArrayEquals(data.labels(), c.data().labels());
    }

    @Test
    void outliersStayInTheWidenedRange() {
        CorruptedData c = Corruption.apply(data, 0, 0.5, CorruptionKind.OUTLIER, 0.5, 3);
        FMatrix x = data.view(0).dense();
        FMatrix y = c.data().view(0).dense();
        for (int col = 0; col < x.cols; col++) {
            float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
            for (int r = 0; r < x.rows; r++) {
                min = Math.min(min, x.get(r, col));
                max = Math.max(max, x.get(r, col));
            }
            double range = max - min;
            for (int r : c.hitRows()) {
                assertTrue(y.get(r, col) >= min - 0.5 * range - 1e-4 && y.get(r, col) <= max + 0.5 * range + 1e-4);
            }
        }
    }

    @Test
    void gaussianNoiseHasTheAskedSpread() {
        MultiViewData big = SyntheticData.blobs(20000, 2, 3, 1.0, 5);
        CorruptedData c = Corruption.apply(big, 0, 1.0, CorruptionKind.GAUSSIAN, 0.5, 9);
        FMatrix x = big.view(0).dense();
        FMatrix y = c.data().view(0).dense();
        double mean = 0, std = 0, sq = 0;
        for (int r = 0; r < x.rows; r++) {
            mean += x.get(r, 0);
            sq += x.get(r, 0) * x.get(r, 0);
        }
        mean /= x.rows;
        std = Math.sqrt(sq / x.rows - mean * mean);
        double s2 = 0;
        for (int r = 0; r < x.rows; r++) s2 += Math.pow(y.get(r, 0) - x.get(r, 0), 2);
        assertEquals(0.5 * std, Math.sqrt(s2 / x.rows), 0.02 * std);
    }

    @Test
    void shuffleKeepsTheRowsButMovesThem() {
        CorruptedData c = Corruption.apply(data, 0, 0.25, CorruptionKind.SHUFFLE, 1.0, 4);
        FMatrix x = data.view(0).dense();
        FMatrix y = c.data().view(0).dense();
        List<String> before = new java.util.ArrayList<>();
        List<String> after = new java.util.ArrayList<>();
        int moved = 0;
        for (int r : c.hitRows()) {
            before.add(Arrays.toString(row(x, r)));
            after.add(Arrays.toString(row(y, r)));
            if (!Arrays.equals(row(x, r), row(y, r))) moved++;
        }
        java.util.Collections.sort(before);
        java.util.Collections.sort(after);
        assertEquals(before, after);
        assertEquals(c.hitRows().length, moved, "every hit row takes another's values");
        // two hit rows swap; one cannot be shuffled, which is an error rather than a row listed as hit but unchanged
        int n = data.rows();
        CorruptedData two = Corruption.apply(data, 0, 2.0 / n, CorruptionKind.SHUFFLE, 1.0, 4);
        int[] h = two.hitRows();
        assertArrayEquals(row(x, h[0]), row(two.data().view(0).dense(), h[1]));
        assertArrayEquals(row(x, h[1]), row(two.data().view(0).dense(), h[0]));
        DataException e = assertThrows(DataException.class, () -> Corruption.apply(data, 0, 1.0 / n, CorruptionKind.SHUFFLE, 1.0, 4));
        assertTrue(e.getMessage().contains("hits only one"), e.getMessage());
    }

    @Test
    void zeroWorksOnSparseViews() {
        CsrMatrix m = CsrMatrix.fromTriplets(4, 3, new int[] {0, 1, 2, 3}, new int[] {0, 1, 2, 0}, new double[] {1, 2, 3, 4}, 4);
        MultiViewData sparse = new MultiViewData(List.of(View.sparse(m)), new int[] {0, 1, 0, 1}, "s");
        CorruptedData c = Corruption.apply(sparse, 0, 0.5, CorruptionKind.ZERO, 1.0, 2);
        CsrMatrix z = c.data().view(0).sparse();
        assertEquals(2, z.nnz());
        for (int r : c.hitRows()) assertEquals(z.rowStart[r], z.rowStart[r + 1]);
    }

    @Test
    void sameSeedSameCorruption() {
        CorruptedData a = Corruption.apply(data, 0, 0.3, CorruptionKind.GAUSSIAN, 1.0, 11);
        CorruptedData b = Corruption.apply(data, 0, 0.3, CorruptionKind.GAUSSIAN, 1.0, 11);
        assertArrayEquals(a.hitRows(), b.hitRows());
        assertEquals(a.data().view(0).dense(), b.data().view(0).dense());
    }

    @Test
    void badArguments() {
        assertThrows(DataException.class, () -> Corruption.apply(data, 2, 0.3, CorruptionKind.ZERO, 1, 0));
        assertThrows(DataException.class, () -> Corruption.apply(data, 0, 1.3, CorruptionKind.ZERO, 1, 0));
        assertThrows(DataException.class, () -> Corruption.apply(data, 0, 0.3, CorruptionKind.GAUSSIAN, -1, 0));
        DataException noNoise = assertThrows(DataException.class, () -> Corruption.apply(data, 0, 0.3, CorruptionKind.GAUSSIAN, 0, 0));
        org.junit.jupiter.api.Assertions.assertTrue(noNoise.getMessage().contains("strength 0"), noNoise.getMessage());
    }
}
