package org.specrage.methods.ssl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.data.augment.AugmentationPipeline;
import org.specrage.data.augment.GaussianNoise;
import org.specrage.data.augment.ImageShape;
import org.specrage.data.augment.RandomResizedCrop;
import org.specrage.linalg.FMatrix;

class SslTrainerTest {
    private static final ImageShape SHAPE = new ImageShape(8, 8);
    private static final int EPOCHS = 20;

    /** 8-bit 8 x 8 images: class 0 a vertical bar, class 1 a horizontal bar, at random positions, noisy. */
    private static FMatrix bars(int n, int[] labels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FMatrix x = new FMatrix(n, 64);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            int pos = 1 + r.nextInt(6);
            for (int a = 0; a < 8; a++) {
                for (int b = 0; b < 8; b++) {
                    boolean on = labels[i] == 0 ? b == pos : a == pos;
                    x.set(i, a * 8 + b, (float) Math.min(255, Math.max(0, (on ? 200 : 30) + 40 * FreeEmbedding.gaussian(r))));
                }
            }
        }
        return x;
    }

    private static SslOptions small(SslMethod method) {
        return SslOptions.defaults(method).withEncoderSizes(32, 16).withProjectorSizes(16).withBatchSize(64).withEpochs(EPOCHS)
                .withLearningRate(3e-3).withSeed(5)
                .withAugmentation(augmentation());
    }

    private static AugmentationPipeline augmentation() {
        return new AugmentationPipeline(SHAPE, List.of(RandomResizedCrop.of(0.6), GaussianNoise.unitRange(0.1)));
    }

    /**
     * What every loss asks for: two views of one image end up closer (in standardised projector
     * space) than views of different images, far more so than with the initial network.
     */
    @Test
    void everyMethodPullsTheViewsOfAnImageTogether() {
        int[] y = new int[512];
        FMatrix x = bars(512, y, 1);
        for (int i = 0; i < x.data.length; i++) x.data[i] /= 255f;
        AugmentationPipeline pipeline = augmentation();
        int[] rows = new int[512];
        for (int i = 0; i < 512; i++) rows[i] = i;
        FMatrix v1 = new FMatrix(512, 64), v2 = new FMatrix(512, 64);
        pipeline.augmentRows(x, rows, 0, 512, v1, 0, 99);
        pipeline.augmentRows(x, rows, 0, 512, v2, 0, 100);
        for (SslMethod m : SslMethod.values()) {
            SslOptions o = small(m).withInputScale(1f);
            SslEncoder before = new SslEncoder(new SslNetwork(64, o.encoderSizes(), o.projectorSizes(), o.activation(), o.seed()), 1f, null);
            SslEncoder after = SslTrainer.fit(x, o);
            double[] losses = after.history().epochLosses();
            assertEquals(EPOCHS, losses.length);
            assertTrue(losses[EPOCHS - 1] < losses[0], m + " loss did not decrease: " + java.util.Arrays.toString(losses));
            double initial = alignment(before, v1, v2), trained = alignment(after, v1, v2);
            assertTrue(trained < 0.5 * initial && trained < 0.3, m + ": positive / negative distance ratio " + initial + " -> " + trained);
            assertEquals(16, after.transform(x).cols);
        }
    }

    /** Mean squared distance between the two views of an image over that between views of different images. */
    private static double alignment(SslEncoder encoder, FMatrix v1, FMatrix v2) {
        FMatrix a = standardized(encoder.project(v1)), b = standardized(encoder.project(v2));
        double positive = 0, negative = 0;
        int n = a.rows, k = a.cols;
        for (int i = 0; i < n; i++) {
            int j = (i + 1 + i % 7) % n;
            for (int c = 0; c < k; c++) {
                positive += Math.pow(a.get(i, c) - b.get(i, c), 2);
                negative += Math.pow(a.get(i, c) - b.get(j, c), 2);
            }
        }
        return positive / negative;
    }

    private static FMatrix standardized(FMatrix z) {
        FMatrix out = z.copy();
        for (int c = 0; c < z.cols; c++) {
            double mean = 0, var = 0;
            for (int i = 0; i < z.rows; i++) mean += z.get(i, c) / z.rows;
            for (int i = 0; i < z.rows; i++) var += Math.pow(z.get(i, c) - mean, 2) / z.rows;
            for (int i = 0; i < z.rows; i++) out.set(i, c, (float) ((z.get(i, c) - mean) / Math.sqrt(var + 1e-12)));
        }
        return out;
    }

    @Test
    void trainingIsReproducibleForASeed() {
        int[] y = new int[256];
        FMatrix x = bars(256, y, 3);
        SslOptions o = small(SslMethod.VICREG).withEpochs(2);
        FMatrix a = SslTrainer.fit(x, o).transform(x);
        FMatrix b = SslTrainer.fit(x, o).transform(x);
        assertArrayEquals(a.data, b.data);
        FMatrix c = SslTrainer.fit(x, o.withSeed(6)).transform(x);
        assertTrue(!java.util.Arrays.equals(a.data, c.data));
    }

    @Test
    void modelRoundTripsThroughItsDirectoryAndKeepsTheTrainingCentroids(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        int[] y = new int[256];
        FMatrix x = bars(256, y, 7);
        SslOptions o = small(SslMethod.VICREG).withEpochs(1);
        SslEncoder encoder = SslTrainer.fit(x, o);
        org.specrage.data.MultiViewData train = new org.specrage.data.MultiViewData(
                List.of(org.specrage.data.View.dense(x)), y, "bars");
        SslModel model = SslModel.of(encoder, o, train, 2, 5);
        assertArrayEquals(encoder.transform(x).data, model.transform(train).data, "the model is the encoder's representation");
        model.save(dir.resolve("m"));
        org.specrage.methods.common.EmbeddingModel loaded = org.specrage.methods.Models.load(dir.resolve("m"));
        assertEquals("vicreg", loaded.method());
        assertArrayEquals(model.transform(train).data, loaded.transform(train).data);
        assertArrayEquals(model.centroids().data, loaded.centroids().data);
        assertArrayEquals(model.predict(train), loaded.predict(train));
        assertEquals(List.of("encoder", "k-means"), loaded.stages().stream().map(org.specrage.methods.common.StageSummary::stage).toList());
        // rows of the wrong width are refused rather than mapped
        assertThrows(RuntimeException.class, () -> loaded.transform(new FMatrix(3, 63)));
    }

    @Test
    void transformInChunksMatchesRowByRow() {
        int[] y = new int[1300];
        FMatrix x = bars(1300, y, 4);
        SslEncoder encoder = SslTrainer.fit(x, small(SslMethod.SIMCLR).withEpochs(1));
        FMatrix all = encoder.transform(x);
        FMatrix last = encoder.transform(new FMatrix(1, 64, java.util.Arrays.copyOfRange(x.data, 1299 * 64, 1300 * 64)));
        for (int c = 0; c < all.cols; c++) assertEquals(last.get(0, c), all.get(1299, c), 1e-4f * Math.max(1, Math.abs(last.get(0, c))));
    }

    @Test
    void timeLimitStopsTraining() {
        int[] y = new int[512];
        FMatrix x = bars(512, y, 5);
        SslEncoder e = SslTrainer.fit(x, small(SslMethod.BARLOW_TWINS).withEpochs(1000).withMaxSeconds(0.2));
        assertTrue(e.history().stoppedByTimeLimit());
        assertTrue(e.history().steps() >= 1 && e.history().epochLosses().length < 1000);
    }

    @Test
    void methodNamesAndBadOptions() {
        assertEquals(SslMethod.BARLOW_TWINS, SslMethod.parse("Barlow-Twins"));
        assertEquals(SslMethod.SIMCLR, SslMethod.parse("simclr"));
        assertThrows(IllegalArgumentException.class, () -> SslMethod.parse("byol"));
        VicRegLoss v = (VicRegLoss) SslMethod.VICREG.defaultLoss(100);
        assertEquals(0.5, v.alpha(), 1e-12);
        assertEquals(0.25, v.gamma(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> SslOptions.defaults(SslMethod.VICREG).withBatchSize(1));
        assertThrows(IllegalArgumentException.class, () -> SslTrainer.fit(new FMatrix(10, 64), small(SslMethod.VICREG)));
        assertEquals(1e-3, SslTrainer.learningRate(1e-3, SslTrainer.WARMUP), 1e-12);
        assertEquals(1e-5, SslTrainer.learningRate(1e-3, 1.0), 1e-12);
        assertEquals(1e-5, SslTrainer.learningRate(1e-3, 0.0), 1e-12);
        assertEquals(0.505e-3, SslTrainer.learningRate(1e-3, (1 + SslTrainer.WARMUP) / 2), 1e-12);
    }
}
