package org.specrage.data.prep;

import org.junit.jupiter.api.Test;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected values come from scikit-learn 1.2.1 (MinMaxScaler, StandardScaler, Normalizer, TfidfTransformer, MaxAbsScaler). */
class PreprocessingTest {
    static final FMatrix TRAIN = new FMatrix(5, 4, new float[]{1, 2, 5, -1, 3, 2, 0, 4, 0, 2, 1, 2, 7, 2, 3, -3, 2, 2, 2, 0.5f});
    static final FMatrix TEST = new FMatrix(2, 4, new float[]{8, 1, -1, 0, 0.5f, 2, 2.5f, 5});

    static final CsrMatrix COUNTS = sparse(new double[][]{{3, 0, 1, 0}, {2, 0, 0, 1}, {0, 1, 0, 0}, {4, 0, 2, 0}});
    static final CsrMatrix COUNTS_TEST = sparse(new double[][]{{1, 1, 0, 0}, {0, 0, 3, 2}, {0, 0, 0, 0}});

    static CsrMatrix sparse(double[][] rows) {
        int n = 0;
        for (double[] r : rows) for (double v : r) if (v != 0) n++;
        int[] ri = new int[n], ci = new int[n];
        double[] vi = new double[n];
        int k = 0;
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] != 0) {
                    ri[k] = r;
                    ci[k] = c;
                    vi[k++] = rows[r][c];
                }
            }
        }
        return CsrMatrix.fromTriplets(rows.length, rows[0].length, ri, ci, vi, n);
    }

    static void assertClose(double[] expected, FMatrix actual) {
        assertEquals(expected.length, actual.data.length);
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual.data[i], 1e-6 * Math.max(1, Math.abs(expected[i])), "entry " + i);
    }

    @Test
    void minMaxMatchesSklearnAndConstantColumnsMapToZero() {
        Scaler s = new MinMaxScaler().fit(View.dense(TRAIN));
        // scikit-learn gives x - min for a constant column (-1 and 0 here); we map it to 0
        assertClose(new double[]{8.0 / 7, 0, -0.2, 3.0 / 7, 0.5 / 7, 0, 0.5, 8.0 / 7}, s.transform(View.dense(TEST)).dense());
        assertArrayEquals(new double[]{0, 2, 0, -3}, s.statistics().get("min"));
        assertArrayEquals(new double[]{7, 2, 5, 4}, s.statistics().get("max"));
        FMatrix train = s.transform(View.dense(TRAIN)).dense();
        for (int r = 0; r < 5; r++) assertEquals(0f, train.get(r, 1));
    }

    @Test
    void minMaxOnSparseDividesByMaxAndStaysSparse() {
        Scaler s = new MinMaxScaler().fit(View.sparse(COUNTS));
        View out = s.transform(View.sparse(COUNTS_TEST));
        assertTrue(out.isSparse());
        assertClose(new double[]{0.25, 1, 0, 0, 0, 0, 1.5, 2, 0, 0, 0, 0}, out.toDense());
        assertEquals(4, out.sparse().nnz());
        Scaler dense = new MinMaxScaler().fit(View.dense(TRAIN));
        assertThrows(IllegalArgumentException.class, () -> dense.transform(View.sparse(COUNTS_TEST)));
    }

    @Test
    void standardMatchesSklearn() {
        StandardScaler s = new StandardScaler().fit(View.dense(TRAIN));
        double[] mean = {2.6, 2.0, 2.2, 0.5};
        double[] scale = {2.4166091947189146, 1.0, 1.7204650534085255, 2.4083189157584592};
        for (int c = 0; c < 4; c++) {
            assertEquals(mean[c], s.mean()[c], 1e-6);
            assertEquals(scale[c], s.scale()[c], 1e-6);
        }
        assertClose(new double[]{2.2345358992263935, -1.0, -1.8599622199011083, -0.20761369963434992,
                -0.8689861830324863, 0.0, 0.1743714581157288, 1.8685232967091492}, s.transform(View.dense(TEST)).dense());
    }

    @Test
    void standardOnSparseScalesWithoutCentring() {
        StandardScaler s = new StandardScaler().fit(View.sparse(COUNTS));
        assertArrayEquals(new double[]{1.479019945774904, 0.4330127018922193, 0.82915619758885, 0.4330127018922193}, s.scale(), 1e-12);
        View out = s.transform(View.sparse(COUNTS_TEST));
        assertTrue(out.isSparse());
        assertClose(new double[]{0.6761234037828132, 2.3094010767585034, 0, 0, 0, 0, 3.6181361349331636, 4.618802153517007, 0, 0, 0, 0}, out.toDense());
    }

    @Test
    void l2RowsAreUnitAndZeroRowsStayZero() {
        Scaler s = new L2RowNormalizer().fit(View.dense(TRAIN));
        assertClose(new double[]{0.9847319278346618, 0.12309149097933272, -0.12309149097933272, 0.0,
                0.08391813582966891, 0.33567254331867563, 0.4195906791483446, 0.8391813582966892}, s.transform(View.dense(TEST)).dense());
        View zero = s.transform(View.sparse(COUNTS_TEST));
        assertEquals(0, zero.sparse().rowStart[3] - zero.sparse().rowStart[2]);
        assertEquals(Map.of(), s.statistics());
    }

    @Test
    void tfIdfMatchesSklearnAndStaysSparse() {
        TfIdf t = new TfIdf().fit(View.sparse(COUNTS));
        assertArrayEquals(new double[]{1.2231435513142097, 1.916290731874155, 1.5108256237659907, 1.916290731874155}, t.idf(), 1e-12);
        View out = t.transform(View.sparse(COUNTS_TEST));
        assertTrue(out.isSparse());
        double[] expected = {0.5380289691033573, 0.8429263481500496, 0, 0, 0, 0, 0.763601512463994, 0.6456877962008426, 0, 0, 0, 0};
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], out.sparse().get(i / 4, i % 4), 1e-12);
        // the same on a dense copy
        assertClose(expected, new TfIdf().fit(View.dense(COUNTS.toDense())).transform(View.dense(COUNTS_TEST.toDense())).dense());
    }

    @Test
    void fittedOnTrainRowsOnlyAndRestoredFromStatistics() {
        FMatrix all = new FMatrix(7, 4);
        System.arraycopy(TRAIN.data, 0, all.data, 0, 20);
        System.arraycopy(TEST.data, 0, all.data, 20, 8);
        MultiViewData data = new MultiViewData(List.of(View.dense(all).withName("a"), View.sparse(sparse(new double[][]{
                {1, 0}, {0, 2}, {3, 0}, {0, 0}, {4, 4}, {9, 9}, {1, 1}}))), new int[]{0, 1, 0, 1, 0, 1, 0}, "d").withPredefinedTrainRows(5);
        int[] trainRows = {0, 1, 2, 3, 4};
        Preprocessing p = Preprocessing.fit(data, trainRows, "minmax");
        MultiViewData out = p.apply(data);
        assertEquals(5, out.predefinedTrainRows().getAsInt());
        assertArrayEquals(data.labels(), out.labels());
        assertEquals("a", out.view(0).name());
        assertEquals(8f / 7, out.view(0).dense().get(5, 0), 1e-6f); // test row scaled with train statistics
        assertEquals(9.0 / 4, out.view(1).sparse().get(5, 0), 1e-12); // max of train column 0 is 4
        MultiViewData same = Preprocessing.fitTransform(data.selectRows(trainRows), data, "minmax");
        assertEquals(out.view(0).dense(), same.view(0).dense());

        List<Scaler> restored = p.scalers().stream().map(s -> Preprocessing.restore(s.kind(), s.statistics())).toList();
        MultiViewData again = Preprocessing.of(restored).apply(data);
        assertEquals(out.view(0).dense(), again.view(0).dense());
        assertArrayEquals(out.view(1).sparse().values, again.view(1).sparse().values);

        Preprocessing perView = Preprocessing.fit(data, trainRows, "standard", "tfidf");
        assertEquals("standard", perView.scalers().get(0).kind());
        assertEquals("tfidf", perView.scalers().get(1).kind());
        assertSame(data.view(0), Preprocessing.fit(data, "none", "none").apply(data).view(0));
        DataException e = assertThrows(DataException.class, () -> Preprocessing.scaler("whiten"));
        assertTrue(e.getMessage().contains("whiten"));
    }
}
