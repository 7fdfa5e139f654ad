package org.specrage.methods.specrage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.specrage.data.MultiViewData;
import org.specrage.data.corrupt.CorruptedData;
import org.specrage.data.corrupt.Corruption;
import org.specrage.data.corrupt.CorruptionKind;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.linalg.FMatrix;

class ViewConsistencyTest {
    private static ViewInput[] inputs(MultiViewData data) {
        return ViewInput.all(data);
    }

    @Test
    void cleanViewsMarkNothing() {
        MultiViewData data = SpecRageTest.blobs(600, 3, 5);
        assertNull(ViewConsistency.check(inputs(data), new boolean[2], 3, 1));
    }

    @Test
    void outlierRowsOfOneViewAreMarkedInThatViewOnly() {
        // 20 columns: a row uniform in every column's range lies away from the blobs, as outliers in real views do
        MultiViewData clean = SyntheticData.multiViewBlobs(600, 3, 2, 20, 6);
        CorruptedData corrupted = Corruption.apply(clean, 1, 0.3, CorruptionKind.OUTLIER, 0, 7);
        boolean[][] marked = ViewConsistency.check(inputs(corrupted.data()), new boolean[2], 3, 1).marked();
        boolean[] hit = corrupted.hitMask();
        int hits = 0, found = 0, wrong = 0;
        for (int i = 0; i < hit.length; i++) {
            if (hit[i]) hits++;
            if (marked[1][i] && hit[i]) found++;
            if (marked[1][i] && !hit[i]) wrong++;
        }
        assertEquals(180, hits);
        // marking is per cluster: the few outliers that k-means puts in a clean cluster stay unmarked
        assertTrue(found >= 0.9 * hits, "found " + found + " of " + hits);
        assertTrue(wrong <= 0.02 * (hit.length - hits), "marked " + wrong + " clean rows");
        assertNull(marked[0], "the clean view marks rows");
    }

    @Test
    void aClusterThatTheOtherViewDoesNotSeeHasNoSupport() {
        // view 0: rows 0..99 in one cluster, 100..199 in another; view 1 splits the same rows by parity
        int[][] labels = new int[2][200];
        for (int i = 0; i < 200; i++) {
            labels[0][i] = i < 100 ? 0 : 1;
            labels[1][i] = i % 2;
        }
        assertTrue(ViewConsistency.support(labels, 0, 0, 2) < 1);
        for (int i = 0; i < 200; i++) labels[1][i] = i < 100 ? 1 : 0; // the same split, other names
        assertTrue(ViewConsistency.support(labels, 0, 0, 2) > 1);
    }

    @Test
    void droppingARowZeroesItsAffinityRowAndColumnInTheBatch() {
        float[] w = new float[9];
        java.util.Arrays.fill(w, 1f);
        boolean[] flagged = {false, false, false, true, false}; // data row 3 is batch row 1 (order[2 + 1])
        SpecRageTrainer.dropRows(flagged, new int[] {4, 0, 2, 3, 1}, 2, 3, w);
        assertArrayEquals(new float[] {1, 0, 1, 0, 0, 0, 1, 0, 1}, w);
    }

    @Test
    void chiSquareQuantileMatchesTables() {
        // 99.9% quantiles from tables: 27.877 (9 df), 43.820 (19 df); the Wilson-Hilferty approximation is within 1%
        assertEquals(27.877, ViewConsistency.chiSquareQuantile999(9), 0.01 * 27.877);
        assertEquals(43.820, ViewConsistency.chiSquareQuantile999(19), 0.01 * 43.820);
    }

    @Test
    void withNothingMarkedThePenaltyChangesNoNumber() {
        MultiViewData data = SpecRageTest.blobs(200, 2, 8);
        FMatrix off = SpecRage.fit(data, SpecRageTest.small(3).epochs(5).build()).transform(data);
        FMatrix on = SpecRage.fit(data, SpecRageTest.small(3).epochs(5).consistencyPenalty(0.003).build()).transform(data);
        assertArrayEquals(off.data, on.data);
    }

    @Test
    void markedRowsMoveTheirWeightOffTheContaminatedView() {
        MultiViewData clean = SpecRageTest.blobs(400, 2, 9);
        CorruptedData corrupted = Corruption.apply(clean, 1, 0.3, CorruptionKind.OUTLIER, 0, 10);
        MultiViewData data = corrupted.data();
        // the fusion network's own weights: the model's gate would zero them on the marked rows anyway
        SpecRageOptions.Builder o = SpecRageTest.small(3).epochs(30).temperature(1).preprocess("none");
        FMatrix without = networkWeights(SpecRage.fit(data, o.build()), data);
        FMatrix with = networkWeights(SpecRage.fit(data, o.consistencyPenalty(0.01).build()), data);
        boolean[] hit = corrupted.hitMask();
        double before = 0, after = 0;
        int count = 0;
        for (int i = 0; i < hit.length; i++) {
            if (!hit[i]) continue;
            before += without.get(i, 1);
            after += with.get(i, 1);
            count++;
        }
        assertTrue(after / count < 0.5 && after < before, "weight on the contaminated view: " + before / count + " -> " + after / count);
    }

    @Test
    void coTrainingBringsEachViewNetworkToTheFusedOutput() {
        MultiViewData clean = SyntheticData.multiViewBlobs(400, 3, 2, 20, 11);
        MultiViewData data = Corruption.apply(clean, 1, 0.3, CorruptionKind.OUTLIER, 0, 12).data();
        // no preprocessing, so that the networks read the data's own rows
        SpecRageOptions.Builder o = SpecRageTest.small(3).epochs(30).preprocess("none").consistencyPenalty(0.003);
        double without = viewToFusedDistance(SpecRage.fit(data, o.build()), data);
        double with = viewToFusedDistance(SpecRage.fit(data, o.coTraining(0.3).build()), data);
        assertTrue(with < 0.5 * without, "mean squared distance of the view outputs to the fused output: " + without + " -> " + with);
    }

    private static FMatrix networkWeights(SpecRageModel model, MultiViewData data) {
        org.specrage.tensor.Tape tape = new org.specrage.tensor.Tape();
        org.specrage.tensor.Tensor[] inputs = new org.specrage.tensor.Tensor[data.viewCount()];
        for (int v = 0; v < inputs.length; v++) inputs[v] = tape.input(data.view(v).dense());
        return model.network().weights(tape, inputs).value();
    }

    /** Mean over rows, views and columns of (g_v(x_i) - y~_i)^2. */
    private static double viewToFusedDistance(SpecRageModel model, MultiViewData data) {
        org.specrage.tensor.Tape tape = new org.specrage.tensor.Tape();
        org.specrage.tensor.Tensor[] inputs = new org.specrage.tensor.Tensor[data.viewCount()];
        for (int v = 0; v < inputs.length; v++) inputs[v] = tape.input(data.view(v).dense());
        SpecRageNetwork.Output out = model.network().forward(tape, inputs);
        FMatrix fused = out.fused().value();
        double sum = 0;
        for (org.specrage.tensor.Tensor view : out.views()) {
            FMatrix y = view.value();
            for (int i = 0; i < y.data.length; i++) sum += (y.data[i] - fused.data[i]) * (double) (y.data[i] - fused.data[i]);
        }
        return sum / (out.views().length * (double) fused.data.length);
    }
}
