package org.specrage.methods.siamese;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.graph.KnnGraph;
import org.specrage.graph.KnnSearch;
import org.specrage.graph.Metric;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.EpochControl;
import org.specrage.methods.common.Inference;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.methods.common.TrainedNetwork;
import org.specrage.methods.common.TrainingListener;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.nn.Activation;
import org.specrage.util.Progress;

class SiameseNetTest {
    static SiameseOptions small(int epochs, int patience) {
        return SiameseOptions.defaults().withNetwork(new NetworkSpec(new int[] {32, 32}, Activation.RELU, Activation.IDENTITY)).withOutputDim(4)
                .withNeighbors(3).withTraining(new TrainingOptions(epochs, 64, 1e-3, 0.1, 5, 1e-7, patience, 0.2, 5));
    }

    @Test
    void pairsArePositiveNeighboursAndNegativeNonNeighbours() {
        FMatrix x = SyntheticData.blobs(50, 2, 3, 1.0, 1).view(0).dense();
        KnnGraph graph = KnnSearch.exact(x, 4, Metric.EUCLIDEAN, Progress.NONE);
        int[] anchors = {0, 7, 21};
        SiamesePairs pairs = new SiamesePairs(anchors, graph, 3, new SplittableRandom(2));
        assertEquals(18, pairs.size());
        for (int p = 0; p < pairs.size(); p++) {
            int a = pairs.left[p], b = pairs.right[p];
            boolean neighbour = false;
            for (int j = 0; j < 3; j++) neighbour |= graph.neighbor(a, j) == b;
            assertEquals(pairs.target[p] == 1f, neighbour, "pair " + p);
            assertTrue(a != b);
        }
        int[] before = pairs.right.clone();
        pairs.redrawNegatives(new SplittableRandom(9));
        boolean changed = false;
        for (int p = 0; p < pairs.size(); p++) {
            if (pairs.target[p] == 1f) assertEquals(before[p], pairs.right[p], "positives stay");
            else changed |= before[p] != pairs.right[p];
        }
        assertTrue(changed, "negatives are redrawn");
    }

    @Test
    void pullsNeighboursTogetherAndPushesOthersApart() {
        FMatrix x = SyntheticData.blobs(400, 4, 8, 1.0, 3).view(0).dense();
        TrainedNetwork trained = SiameseNet.train(x, small(30, 0), 5, TrainingListener.NONE);
        FMatrix y = Inference.apply(trained.network(), x);
        KnnGraph graph = KnnSearch.exact(x, 3, Metric.EUCLIDEAN, Progress.NONE);
        double positive = 0, random = 0;
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 400; i++) {
            positive += distance(y, i, graph.neighbor(i, 0));
            random += distance(y, i, r.nextInt(400));
        }
        assertTrue(positive * 5 < random, "neighbours " + positive / 400 + " vs random pairs " + random / 400);
        assertTrue(trained.summary().bestLoss() < 0.1, "validation loss " + trained.summary().bestLoss());
    }

    /** Bag-of-words rows (1% non-zero): each of 3 topics draws its 30 words mostly from its own 100-word vocabulary. */
    private static FMatrix topics(int n, int width, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FMatrix x = new FMatrix(n, width);
        for (int i = 0; i < n; i++) {
            int topic = i % 3;
            for (int w = 0; w < 30; w++) {
                int word = r.nextDouble() < 0.8 ? topic * 100 + r.nextInt(100) : r.nextInt(width);
                x.set(i, word, x.get(i, word) + 1);
            }
        }
        return x;
    }

    @Test
    void sparseRowsTrainLikeTheirDenseCopy() {
        FMatrix dense = topics(240, 3000, 4);
        org.specrage.methods.common.RowInput sparse = org.specrage.methods.common.RowInput.of(org.specrage.linalg.CsrMatrix.fromDense(dense));
        SiameseOptions o = small(8, 0);
        TrainedNetwork a = SiameseNet.train(dense, o, 5, TrainingListener.NONE);
        TrainedNetwork b = SiameseNet.train(sparse, o, 5, TrainingListener.NONE);
        // one network maps sparse rows as it maps their dense copy (only the summation order differs)
        FMatrix viaDense = Inference.apply(b.network(), dense);
        FMatrix viaSparse = sparse.apply(b.network());
        for (int i = 0; i < viaDense.data.length; i++) assertEquals(viaDense.data[i], viaSparse.data[i], 1e-5f * (1 + Math.abs(viaDense.data[i])));
        // the two runs see the same pairs from the same kNN graph; Adam lets rounding differences drift,
        // so they are compared by what they achieve: both pull the topics' neighbours together
        assertEquals(a.summary().epochs(), b.summary().epochs());
        assertEquals(a.summary().bestLoss(), b.summary().bestLoss(), 0.05 * a.summary().bestLoss());
        KnnGraph graph = KnnSearch.exact(dense, 3, Metric.EUCLIDEAN, Progress.NONE);
        for (FMatrix y : new FMatrix[] {Inference.apply(a.network(), dense), viaSparse}) {
            double positive = 0, random = 0;
            SplittableRandom r = new SplittableRandom(1);
            for (int i = 0; i < y.rows; i++) {
                positive += distance(y, i, graph.neighbor(i, 0));
                random += distance(y, i, r.nextInt(y.rows));
            }
            assertTrue(positive * 2 < random, "neighbours " + positive / y.rows + " vs random pairs " + random / y.rows);
        }
    }

    @Test
    void sameSeedSameNetworkAndEarlyStoppingStops() {
        FMatrix x = SyntheticData.blobs(120, 2, 3, 1.0, 3).view(0).dense();
        TrainedNetwork a = SiameseNet.train(x, small(200, 2), 5, TrainingListener.NONE);
        TrainedNetwork b = SiameseNet.train(x, small(200, 2), 5, TrainingListener.NONE);
        assertArrayEquals(a.network().parameters().get(0).data(), b.network().parameters().get(0).data());
        assertEquals(EpochControl.EARLY_STOPPING, a.summary().stopReason());
        assertTrue(a.summary().epochs() < 200);
    }

    @Test
    void rejectsTooFewRows() {
        FMatrix x = new FMatrix(5, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SiameseNet.train(x, small(1, 0), 1, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("more than 2 * neighbors + 1"), e.getMessage());
    }

    private static double distance(FMatrix y, int a, int b) {
        double s = 0;
        for (int c = 0; c < y.cols; c++) s += Math.pow(y.get(a, c) - y.get(b, c), 2);
        return Math.sqrt(s);
    }
}
