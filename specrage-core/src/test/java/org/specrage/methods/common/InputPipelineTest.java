package org.specrage.methods.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.io.Json;
import org.specrage.linalg.FMatrix;
import org.specrage.model.Manifest;
import org.specrage.model.ModelFormatException;

class InputPipelineTest {
    private static MultiViewData twoViews() {
        FMatrix a = new FMatrix(3, 2, new float[] {0, 10, 2, 20, 4, 40});
        FMatrix b = new FMatrix(3, 1, new float[] {1, 2, 4});
        return new MultiViewData(List.of(View.dense(a), View.dense(b)), null, "two");
    }

    @SuppressWarnings("unchecked")
    private static List<Manifest> reparse(InputPipeline p) {
        List<Object> parsed = (List<Object>) Json.parse(Json.write(p.toJson()));
        return parsed.stream().map(o -> new Manifest((Map<String, Object>) o, "input")).toList();
    }

    @Test
    void aSparseViewTooLargeToWriteOutDenselyFailsBeforeAllocating() {
        // 1000 x 1,000,000 with 1000 non-zeros: 4 GB dense
        int n = 1000, d = 1_000_000;
        int[] rows = new int[n], cols = new int[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
            cols[i] = i * 997;
            values[i] = 1;
        }
        MultiViewData wide = new MultiViewData(List.of(View.sparse(org.specrage.linalg.CsrMatrix.fromTriplets(n, d, rows, cols, values, n))), null, "wide");
        DataException e = assertThrows(DataException.class, () -> InputPipeline.requireDenseFits(wide, 2_000_000_000L));
        assertTrue(e.getMessage().contains("1000 rows x 1000000 columns is 4.0 GB") && e.getMessage().contains("SpecRaGE keeps sparse views sparse"), e.getMessage());
        InputPipeline.requireDenseFits(wide, 9_000_000_000L); // fits in half of 9 GB
        assertThrows(DataException.class, () -> InputPipeline.fit(wide, "none").features(wide), "the test JVM runs with -Xmx6g (pom.xml), under the 8 GB this needs");
        // dense data is already dense: nothing to check
        MultiViewData dense = new MultiViewData(List.of(View.dense(new FMatrix(3, 2))), null, "dense");
        InputPipeline.requireDenseFits(dense, 0);
    }

    /** LibSVM rows that do not use the last columns load narrower: a sparse view is widened with zeros, a dense one must match. */
    @Test
    void aNarrowerSparseViewIsWidenedToTheTrainingWidth() {
        org.specrage.linalg.CsrMatrix wide = org.specrage.linalg.CsrMatrix.fromTriplets(2, 3, new int[] {0, 1}, new int[] {0, 2}, new double[] {1, 2}, 2);
        MultiViewData train = new MultiViewData(List.of(View.sparse(wide)), null, "train");
        InputPipeline p = InputPipeline.fit(train, "none");
        org.specrage.linalg.CsrMatrix narrow = org.specrage.linalg.CsrMatrix.fromTriplets(2, 2, new int[] {0, 1}, new int[] {0, 1}, new double[] {5, 6}, 2);
        MultiViewData test = new MultiViewData(List.of(View.sparse(narrow)), null, "test");
        FMatrix x = p.features(test);
        assertEquals(3, x.cols);
        assertArrayEquals(new float[] {5, 0, 0, 0, 6, 0}, x.data);
        MultiViewData dense = new MultiViewData(List.of(View.dense(new FMatrix(2, 2))), null, "dense");
        DataException e = assertThrows(DataException.class, () -> p.features(dense));
        assertTrue(e.getMessage().contains("view 0 has 2 columns but the model's view 0 has 3"), e.getMessage());
        // one column short and labelled: most likely a CSV whose last feature was taken as labels
        MultiViewData labelled = new MultiViewData(List.of(View.dense(new FMatrix(2, 2))), new int[] {0, 1}, "labelled");
        e = assertThrows(DataException.class, () -> p.features(labelled));
        assertTrue(e.getMessage().contains("--label-column none"), e.getMessage());
    }

    @Test
    void scalesEachViewAndJoinsThem() throws ModelFormatException {
        InputPipeline p = InputPipeline.fit(twoViews(), "minmax");
        assertArrayEquals(new int[] {2, 1}, p.viewDims());
        assertEquals(3, p.inputDim());
        FMatrix x = p.features(twoViews());
        assertArrayEquals(new float[] {0, 0, 0, 0.5f, 1f / 3, 1f / 3, 1, 1, 1}, x.data, 1e-6f);
        InputPipeline restored = InputPipeline.fromJson(reparse(p));
        assertArrayEquals(x.data, restored.features(twoViews()).data);
    }

    @Test
    void rejectsDataOfAnotherShape() {
        InputPipeline p = InputPipeline.fit(twoViews(), "standard");
        MultiViewData one = twoViews().selectViews(0);
        DataException e = assertThrows(DataException.class, () -> p.features(one));
        assertTrue(e.getMessage().contains("trained on 2 views"), e.getMessage());
        MultiViewData swapped = twoViews().selectViews(1, 0);
        e = assertThrows(DataException.class, () -> p.features(swapped));
        assertTrue(e.getMessage().contains("view 0 has 1 columns"), e.getMessage());
    }

    @Test
    void statisticsOfTheWrongLengthAreAFormatError() {
        InputPipeline p = InputPipeline.fit(twoViews(), "minmax");
        List<Map<String, Object>> json = p.toJson();
        json.get(0).put("columns", 5);
        @SuppressWarnings("unchecked")
        List<Object> parsed = (List<Object>) Json.parse(Json.write(json));
        @SuppressWarnings("unchecked")
        List<Manifest> entries = parsed.stream().map(o -> new Manifest((Map<String, Object>) o, "input")).toList();
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> InputPipeline.fromJson(entries));
        assertTrue(e.getMessage().contains("2 values for 5 columns"), e.getMessage());
    }

    private static MultiViewData threeNamedViews() {
        FMatrix a = new FMatrix(3, 2, new float[] {0, 10, 2, 20, 4, 40});
        FMatrix b = new FMatrix(3, 1, new float[] {1, 2, 4});
        FMatrix c = new FMatrix(3, 1, new float[] {7, 3, 5});
        return new MultiViewData(List.of(View.dense(a).withName("pix"), View.dense(b).withName("fou"), View.dense(c).withName("kar")),
                null, "three");
    }

    @Test
    void aModelOfSomeViewsFindsThemByNameInTheWholeData() throws ModelFormatException {
        MultiViewData all = threeNamedViews();
        MultiViewData chosen = all.selectViews(2, 0);
        InputPipeline p = InputPipeline.fit(chosen, "minmax");
        FMatrix expected = p.features(chosen);
        assertArrayEquals(expected.data, p.features(all).data);
        InputPipeline restored = InputPipeline.fromJson(reparse(p)); // the names survive the manifest
        assertArrayEquals(new String[] {"kar", "pix"}, restored.viewNames());
        assertArrayEquals(expected.data, restored.features(all).data);
        // a name missing from the data, or present twice, picks nothing: the error names the model's views
        MultiViewData renamed = all.withViews(List.of(all.view(0).withName("pixel"), all.view(1), all.view(2)));
        DataException e = assertThrows(DataException.class, () -> p.features(renamed));
        assertTrue(e.getMessage().contains("trained on 2 views (kar, pix) but data set 'three' has 3"), e.getMessage());
        MultiViewData twice = all.withViews(List.of(all.view(0), all.view(1), all.view(2).withName("pix")));
        e = assertThrows(DataException.class, () -> p.features(twice));
        assertTrue(e.getMessage().contains("two of them named 'pix'"), e.getMessage());
        // as many views as the model, in another order: put back in the model's order by name
        assertArrayEquals(expected.data, p.features(all.selectViews(0, 2)).data);
        // names that do not match (files renamed between fit and use): taken by position
        MultiViewData otherNames = chosen.withViews(List.of(chosen.view(0).withName("a"), chosen.view(1).withName("b")));
        assertArrayEquals(expected.data, p.features(otherNames).data);
    }

    @Test
    void unnamedViewsAreNeverPickedAndOldManifestsWithoutNamesLoad() throws ModelFormatException {
        MultiViewData unnamed = twoViews();
        InputPipeline p = InputPipeline.fit(unnamed.selectViews(1), "minmax");
        DataException e = assertThrows(DataException.class, () -> p.features(unnamed));
        assertTrue(e.getMessage().contains("trained on 1 view but data set 'two' has 2"), e.getMessage());
        InputPipeline named = InputPipeline.fit(threeNamedViews(), "minmax");
        List<Map<String, Object>> json = named.toJson();
        for (Map<String, Object> entry : json) assertTrue(entry.remove("name") != null);
        @SuppressWarnings("unchecked")
        List<Object> parsed = (List<Object>) Json.parse(Json.write(json));
        @SuppressWarnings("unchecked")
        List<Manifest> entries = parsed.stream().map(o -> new Manifest((Map<String, Object>) o, "input")).toList();
        InputPipeline old = InputPipeline.fromJson(entries);
        assertArrayEquals(new String[3], old.viewNames());
        assertArrayEquals(named.features(threeNamedViews()).data, old.features(threeNamedViews()).data);
    }

    @Test
    void trainingDataWithoutVariationIsRefused() {
        View constant = View.dense(new FMatrix(3, 1, new float[] {4, 4, 4}));
        MultiViewData oneConstant = twoViews().withViews(List.of(twoViews().view(0), constant));
        InputPipeline.fit(oneConstant, "minmax"); // a missing view beside one that varies: a multi-view fit may down-weight it
        MultiViewData allConstant = twoViews().withViews(List.of(constant, constant));
        DataException e = assertThrows(DataException.class, () -> InputPipeline.fit(allConstant, "minmax"));
        assertTrue(e.getMessage().contains("data set 'two' has no variation: all its 3 training rows are the same in every view"), e.getMessage());
    }
}
