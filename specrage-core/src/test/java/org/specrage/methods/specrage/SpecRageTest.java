package org.specrage.methods.specrage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.graph.Metric;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.WideSparse;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.common.TrainingListener;
import org.specrage.metrics.ClusteringMetrics;

class SpecRageTest {
    /** Small networks and few epochs: these tests check behaviour, not the paper's numbers. */
    static SpecRageOptions.Builder small(int k) {
        return SpecRageOptions.builder(k).hidden(32, 32).epochs(20).neighbors(10, 5).seed(3);
    }

    static MultiViewData blobs(int n, int views, long seed) {
        return SyntheticData.multiViewBlobs(n, 3, views, 4, seed);
    }

    static void assertFinite(FMatrix x) {
        for (float v : x.data) assertTrue(Float.isFinite(v), "non-finite value " + v);
    }

    static void assertRowsSumToOne(FMatrix w) {
        for (int r = 0; r < w.rows; r++) {
            double s = 0;
            for (int c = 0; c < w.cols; c++) {
                assertTrue(w.get(r, c) >= 0);
                s += w.get(r, c);
            }
            assertEquals(1.0, s, 1e-5);
        }
    }

    @Test
    void fewerRowsThanTheBatchSizeTrainOnFullBatches() {
        MultiViewData data = blobs(60, 2, 1);
        SpecRageModel model = SpecRage.fit(data, small(3).batchSize(1024).build());
        FMatrix y = model.transform(data);
        assertEquals(60, y.rows);
        assertEquals(3, y.cols);
        assertFinite(y);
        assertRowsSumToOne(model.viewWeights(data));
        StageSummary train = model.stages().stream().filter(s -> s.stage().equals(SpecRageTrainer.STAGE)).findFirst().orElseThrow();
        assertEquals(20, train.epochs());
        assertEquals(20L * 60, train.samples());
    }

    @Test
    void batchesSmallerThanTheNeighbourCountUseAllTheirOtherRows() {
        MultiViewData data = blobs(100, 2, 2);
        SpecRageModel model = SpecRage.fit(data, small(3).batchSize(12).neighbors(30, 20).epochs(3).build());
        assertFinite(model.transform(data));
        StageSummary train = model.stages().stream().filter(s -> s.stage().equals(SpecRageTrainer.STAGE)).findFirst().orElseThrow();
        assertEquals(0, train.recoveries());
        assertTrue(Double.isFinite(train.finalLoss()));
    }

    @Test
    void extraColumnsShrinkToFitBatchesSmallerThanKPlusExtra() {
        // k = 3 plus 7 extra columns cannot be orthonormalised on 6-row batches: only 3 extra are learned
        MultiViewData data = blobs(60, 2, 4);
        SpecRageModel model = SpecRage.fit(data, small(3).batchSize(6).neighbors(4, 2).epochs(2).build());
        assertEquals(6, model.network().viewNetworks().get(0).outputSize());
        FMatrix y = model.transform(data);
        assertEquals(3, y.cols);
        assertFinite(y);
        StageSummary train = model.stages().stream().filter(s -> s.stage().equals(SpecRageTrainer.STAGE)).findFirst().orElseThrow();
        assertTrue(Double.isFinite(train.finalLoss()));
    }

    @Test
    void embeddingIsOrthonormalOnTheTrainingRows() {
        MultiViewData data = blobs(90, 2, 3);
        SpecRageModel model = SpecRage.fit(data, small(3).build());
        FMatrix y = model.transform(data);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double dot = 0;
                for (int i = 0; i < y.rows; i++) dot += (double) y.get(i, a) * y.get(i, b);
                assertEquals(a == b ? y.rows : 0, dot, 1e-3 * y.rows);
            }
        }
    }

    @Test
    void singleViewHasNoFusionNetwork() {
        MultiViewData data = blobs(90, 1, 4);
        SpecRageModel model = SpecRage.fit(data, small(3).build());
        assertFalse(model.hasFusionNetwork());
        FMatrix w = model.viewWeights(data);
        assertEquals(1, w.cols);
        for (float v : w.data) assertEquals(1f, v);
        assertTrue(ClusteringMetrics.accuracy(data.labels(), model.predict(data)) > 0.95);
    }

    @Test
    void uniformFusionWeighsEveryViewEqually() {
        MultiViewData data = blobs(90, 3, 5);
        SpecRageModel model = SpecRage.fit(data, small(3).fusion(FusionMode.UNIFORM).build());
        assertFalse(model.hasFusionNetwork());
        for (float v : model.viewWeights(data).data) assertEquals(1f / 3, v, 1e-7);
        assertTrue(model.network().parameters().size() == 3 * 6, "only the three view networks are trained");
    }

    @Test
    void learnedFusionGivesPerSampleWeights() {
        MultiViewData data = blobs(90, 3, 6);
        SpecRageModel model = SpecRage.fit(data, small(3).build());
        assertTrue(model.hasFusionNetwork());
        FMatrix w = model.viewWeights(data);
        assertEquals(3, w.cols);
        assertRowsSumToOne(w);
        boolean varies = false;
        for (int r = 1; r < w.rows; r++) varies |= w.get(r, 0) != w.get(0, 0);
        assertTrue(varies, "the weights depend on the sample");
    }

    @Test
    void clustersEasyMultiViewBlobsOnHeldOutRows() {
        MultiViewData data = blobs(300, 2, 7);
        org.specrage.data.Split split = org.specrage.data.Split.random(300, 0.2, 7);
        SpecRageModel model = SpecRage.fit(data.selectRows(split.train()), small(3).epochs(40).build());
        MultiViewData test = data.selectRows(split.test());
        assertTrue(ClusteringMetrics.accuracy(test.labels(), model.predict(test)) > 0.95);
        assertTrue(ClusteringMetrics.accuracy(test.labels(), model.cluster(test, 20, 1)) > 0.95);
    }

    /** Three topics over 90 words: each document draws 8 words of its topic and 2 random words. */
    static MultiViewData sparseTextAndDenseView(int n, long seed) {
        return sparseTextAndDenseView(n, seed, false);
    }

    /**
     * As above; with varyingLength a document has 4 to 203 words, 60% of them common words shared by
     * all topics (words 0-29, Zipf-like) and 40% from its topic (20 words each), as in real text,
     * where Euclidean distances between count vectors mostly measure document length.
     */
    static MultiViewData sparseTextAndDenseView(int n, long seed, boolean varyingLength) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] labels = new int[n];
        int[] rowStart = new int[n + 1];
        List<Integer> cols = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            java.util.TreeMap<Integer, Double> counts = new java.util.TreeMap<>();
            int length = varyingLength ? 4 + r.nextInt(200) : 10;
            for (int t = 0; t < length; t++) {
                int word;
                if (!varyingLength) word = t < 8 ? labels[i] * 30 + r.nextInt(30) : r.nextInt(90);
                else word = t < 0.4 * length ? 30 + labels[i] * 20 + r.nextInt(20) : commonWord(r);
                counts.merge(word, 1.0, Double::sum);
            }
            counts.forEach((c, v) -> {
                cols.add(c);
                vals.add(v);
            });
            rowStart[i + 1] = cols.size();
        }
        CsrMatrix text = new CsrMatrix(n, 90, rowStart, cols.stream().mapToInt(Integer::intValue).toArray(),
                vals.stream().mapToDouble(Double::doubleValue).toArray());
        FMatrix dense = new FMatrix(n, 2);
        for (int i = 0; i < n; i++) {
            dense.set(i, 0, (float) (labels[i] * 3 + r.nextDouble()));
            dense.set(i, 1, (float) r.nextDouble());
        }
        return new MultiViewData(List.of(View.sparse(text), View.dense(dense)), labels, "text");
    }

    /** One of 30 common words, word c with probability proportional to 1 / (c + 1). */
    private static int commonWord(SplittableRandom r) {
        double total = 0;
        for (int c = 0; c < 30; c++) total += 1.0 / (c + 1);
        double u = r.nextDouble() * total;
        for (int c = 0; c < 30; c++) {
            u -= 1.0 / (c + 1);
            if (u <= 0) return c;
        }
        return 29;
    }

    @Test
    void sparseViewWithCosineAffinity() {
        MultiViewData data = sparseTextAndDenseView(150, 8);
        assertTrue(data.view(0).isSparse());
        SpecRageModel model = SpecRage.fit(data, small(3).metrics(Metric.COSINE, Metric.EUCLIDEAN).preprocess("minmax").epochs(40).build());
        double acc = ClusteringMetrics.accuracy(data.labels(), model.predict(data));
        assertTrue(acc > 0.95, "ACC " + acc);
        MultiViewData textOnly = data.selectViews(0);
        SpecRageModel text = SpecRage.fit(textOnly, small(3).metrics(Metric.COSINE).epochs(40).build());
        double textAcc = ClusteringMetrics.accuracy(data.labels(), text.predict(textOnly));
        assertTrue(textAcc > 0.95, "text view alone: ACC " + textAcc);
        assertThrows(IllegalArgumentException.class, () -> SpecRage.fit(data, small(3).metrics(Metric.COSINE, Metric.COSINE, Metric.COSINE).build()));
    }

    @Test
    void autoMetricIsCosineForSparseViewsAndIsRecordedInTheModel() {
        MultiViewData data = sparseTextAndDenseView(150, 8, true);
        SpecRageModel model = SpecRage.fit(data, small(3).epochs(40).build());
        assertEquals(List.of(ViewMetric.COSINE, ViewMetric.EUCLIDEAN), model.specRageOptions().metrics());
        MultiViewData textOnly = data.selectViews(0);
        double auto = ClusteringMetrics.accuracy(data.labels(), SpecRage.fit(textOnly, small(3).epochs(40).build()).predict(textOnly));
        double euclidean = ClusteringMetrics.accuracy(data.labels(),
                SpecRage.fit(textOnly, small(3).metrics(Metric.EUCLIDEAN).epochs(40).build()).predict(textOnly));
        assertTrue(auto > 0.95, "auto (cosine) on documents of 4 to 203 words: ACC " + auto);
        assertTrue(euclidean < auto - 0.1, "the data must separate the metrics: Euclidean ACC " + euclidean + ", cosine " + auto);
        // word counts saved densely are still documents (5 of 100 words per row); the dense real view is not
        FMatrix counts = new FMatrix(data.rows(), 100);
        for (int i = 0; i < data.rows(); i++) for (int w = 0; w < 5; w++) counts.data[i * 100 + (i + 17 * w) % 100] = 1 + w;
        MultiViewData denseCounts = data.withViews(List.of(View.dense(counts), data.view(1)));
        assertEquals(List.of(ViewMetric.COSINE, ViewMetric.EUCLIDEAN), small(3).build().withMetricsResolved(denseCounts).metrics());
        // an autoencoder's codes are dense features: auto means Euclidean there
        SpecRageOptions withCodes = small(3).autoencoder(org.specrage.methods.autoencoder.AutoencoderOptions.defaults().withHidden(new int[] {16})
                .withCodeDim(4).withTraining(org.specrage.methods.common.TrainingOptions.of(1))).build();
        assertEquals(Metric.EUCLIDEAN, withCodes.metric(0, true));
    }

    /** The sparse first layers (view and fusion networks) only sum in another order than the dense ones. */
    @Test
    void aSparseViewTrainsAsItsDenseCopy() {
        MultiViewData data = sparseTextAndDenseView(150, 8, true);
        MultiViewData densified = new MultiViewData(List.of(View.dense(data.view(0).toDense()), data.view(1)), data.labels(), "dense copy");
        SpecRageOptions options = small(3).epochs(5).metrics(Metric.COSINE, Metric.EUCLIDEAN).build();
        SpecRageModel fromSparse = SpecRage.fit(data, options);
        SpecRageModel fromDense = SpecRage.fit(densified, options);
        FMatrix sparseEmbedding = fromSparse.transform(data);
        assertArrayEquals(fromDense.transform(densified).data, sparseEmbedding.data, 2e-4f);
        assertArrayEquals(fromSparse.transform(densified).data, sparseEmbedding.data, 1e-5f, "a model takes either form");
        assertArrayEquals(fromDense.predict(densified), fromSparse.predict(data));
    }

    /**
     * A 3000 x 200,000 bag-of-words view (15 words per row) would take 2.4 GB written out densely;
     * SpecRaGE keeps it sparse in the networks and in the batch affinities (about 50 MB allocated,
     * mostly the first layer's weights, gradients and Adam state; writing out the 64-row batches for
     * the affinities made it 100 MB). Allocation is counted on this thread.
     */
    @Test
    void aWideSparseViewIsNeverWrittenOutWhole() {
        MultiViewData data = wideSparseAndDenseView(3000, 200_000);
        SpecRageOptions options = SpecRageOptions.builder(2).hidden(8).epochs(1).batchSize(64).neighbors(5, 3).extraDimensions(0)
                .fusion(FusionMode.UNIFORM).preprocess("none").kmeansRestarts(1).seed(2).build();
        assertFitsWithoutTheDenseView(data, options, 30);
    }

    /**
     * A Siamese net on the wide view reads it as sparse rows too, and its positives come from the
     * sparse kNN search; its first layer (200,000 x 8, with gradients and Adam state) adds about 30 MB.
     */
    @Test
    void aSiameseNetOnAWideSparseViewKeepsItSparse() {
        MultiViewData data = wideSparseAndDenseView(3000, 200_000);
        org.specrage.methods.siamese.SiameseOptions siamese = org.specrage.methods.siamese.SiameseOptions.defaults()
                .withNetwork(new org.specrage.methods.common.NetworkSpec(new int[] {8}, org.specrage.nn.Activation.RELU, org.specrage.nn.Activation.IDENTITY))
                .withOutputDim(2).withTraining(org.specrage.methods.common.TrainingOptions.of(1).withBatchSize(128));
        SpecRageOptions options = SpecRageOptions.builder(2).hidden(8).epochs(1).batchSize(64).neighbors(5, 3).extraDimensions(0)
                .fusion(FusionMode.UNIFORM).preprocess("none").kmeansRestarts(1).seed(2).viewSiamese(siamese, null).build();
        SpecRageModel model = assertFitsWithoutTheDenseView(data, options, 15);
        assertEquals(1, model.stages().stream().filter(st -> st.stage().startsWith("siamese")).count());
    }

    /**
     * An autoencoder on the wide view reads it as sparse rows; only each batch's reconstruction
     * target (32 x 200,000) is written out densely. Its two wide layers (200,000 x 8 each, with
     * gradients, Adam state and the best-parameter copy) and the batch tensors take about 250 MB.
     */
    @Test
    void anAutoencoderOnAWideSparseViewKeepsItSparse() {
        MultiViewData data = wideSparseAndDenseView(3000, 200_000);
        org.specrage.methods.autoencoder.AutoencoderOptions ae = org.specrage.methods.autoencoder.AutoencoderOptions.defaults()
                .withHidden(8).withCodeDim(2).withTraining(org.specrage.methods.common.TrainingOptions.of(1).withBatchSize(32));
        SpecRageOptions options = SpecRageOptions.builder(2).hidden(8).epochs(1).batchSize(64).neighbors(5, 3).extraDimensions(0)
                .fusion(FusionMode.UNIFORM).preprocess("none").kmeansRestarts(1).seed(2).viewAutoencoders(ae, null).build();
        SpecRageModel model = assertFitsWithoutTheDenseView(data, options, 6);
        assertEquals(2, model.network().viewNetworks().get(0).inputSize(), "view 0 trains on its codes");
    }

    /** n rows of two classes: the sparse words view of {@link WideSparse#words} and a noisy dense one. */
    private static MultiViewData wideSparseAndDenseView(int n, int d) {
        MultiViewData words = WideSparse.words(n, d);
        SplittableRandom r = new SplittableRandom(6);
        FMatrix dense = new FMatrix(n, 2);
        for (int i = 0; i < n; i++) {
            dense.set(i, 0, (float) (words.labels()[i] + 0.3 * r.nextGaussian()));
            dense.set(i, 1, (float) r.nextGaussian());
        }
        return new MultiViewData(List.of(words.view(0), View.dense(dense)), words.labels(), "wide");
    }

    /** Fits and embeds, allocating (on this thread) less than 1/fraction of the sparse view written out densely. */
    private static SpecRageModel assertFitsWithoutTheDenseView(MultiViewData data, SpecRageOptions options, int fraction) {
        SpecRageModel[] model = new SpecRageModel[1];
        WideSparse.assertFitsWithoutTheDenseView(data, fraction, d -> (model[0] = SpecRage.fit(d, options)).transform(d));
        return model[0];
    }

    @Test
    void sameSeedSameModel() {
        MultiViewData data = blobs(80, 2, 9);
        SpecRageOptions options = small(3).epochs(5).build();
        FMatrix a = SpecRage.fit(data, options).transform(data);
        FMatrix b = SpecRage.fit(data, options).transform(data);
        assertArrayEquals(a.data, b.data);
        FMatrix c = SpecRage.fit(data, options.toBuilder().seed(4).build()).transform(data);
        assertFalse(java.util.Arrays.equals(a.data, c.data));
    }

    @Test
    void saveAndLoadGiveTheSameModel(@TempDir Path dir) throws Exception {
        MultiViewData data = blobs(80, 2, 10);
        SpecRageModel model = SpecRage.fit(data, small(3).epochs(5).build());
        model.save(dir);
        SpecRageModel loaded = SpecRageModel.load(dir);
        assertArrayEquals(model.transform(data).data, loaded.transform(data).data);
        assertArrayEquals(model.viewWeights(data).data, loaded.viewWeights(data).data);
        assertArrayEquals(model.predict(data), loaded.predict(data));
        assertEquals(model.specRageOptions(), loaded.specRageOptions());
        assertEquals(model.stages().size(), loaded.stages().size());
        org.specrage.methods.common.EmbeddingModel any = org.specrage.methods.Models.load(dir);
        assertTrue(any instanceof SpecRageModel);
        assertArrayEquals(model.transform(data).data, any.transform(data).data);
    }

    @Test
    void saveAndLoadWithEncodersAndUniformFusion(@TempDir Path dir) throws Exception {
        MultiViewData data = blobs(80, 2, 11);
        org.specrage.methods.autoencoder.AutoencoderOptions ae = org.specrage.methods.autoencoder.AutoencoderOptions.defaults()
                .withHidden(16).withCodeDim(3).withTraining(org.specrage.methods.common.TrainingOptions.of(3).withBatchSize(32));
        SpecRageModel model = SpecRage.fit(data, small(3).epochs(3).autoencoder(ae).fusion(FusionMode.UNIFORM).build());
        model.save(dir);
        SpecRageModel loaded = SpecRageModel.load(dir);
        assertArrayEquals(model.transform(data).data, loaded.transform(data).data);
        assertNull(loaded.network().fusionNetwork());
    }

    @Test
    void perViewAutoencodersAndSiameseNets(@TempDir Path dir) throws Exception {
        MultiViewData data = blobs(80, 2, 13);
        org.specrage.methods.autoencoder.AutoencoderOptions ae = org.specrage.methods.autoencoder.AutoencoderOptions.defaults()
                .withHidden(16).withCodeDim(3).withTraining(org.specrage.methods.common.TrainingOptions.of(3).withBatchSize(32));
        org.specrage.methods.siamese.SiameseOptions siamese = org.specrage.methods.siamese.SiameseOptions.defaults()
                .withNetwork(new org.specrage.methods.common.NetworkSpec(new int[] {16}, org.specrage.nn.Activation.RELU, org.specrage.nn.Activation.IDENTITY))
                .withOutputDim(3).withTraining(org.specrage.methods.common.TrainingOptions.of(2).withBatchSize(32));
        SpecRageOptions options = small(3).epochs(3).viewAutoencoders(ae, null).viewSiamese(null, siamese).build();
        SpecRageModel model = SpecRage.fit(data, options);
        assertEquals(1, model.stages().stream().filter(st -> st.stage().startsWith("autoencoder")).count());
        assertEquals(1, model.stages().stream().filter(st -> st.stage().startsWith("siamese")).count());
        assertEquals(3, model.network().viewNetworks().get(0).inputSize(), "view 0 trains on its codes");
        assertEquals(data.view(1).cols(), model.network().viewNetworks().get(1).inputSize(), "view 1 keeps its features");
        model.save(dir);
        SpecRageModel loaded = SpecRageModel.load(dir);
        assertArrayEquals(model.transform(data).data, loaded.transform(data).data);
        assertEquals(options.toBuilder().metrics(Metric.EUCLIDEAN, Metric.EUCLIDEAN).build(), loaded.specRageOptions());

        assertThrows(IllegalArgumentException.class, () -> SpecRage.fit(data, small(3).viewAutoencoders(ae).build()), "one entry for two views");
        assertNull(small(3).viewSiamese(siamese, null).siamese(siamese).build().viewSiamese(), "the later setter replaces the per-view nets");
        assertNull(small(3).viewAutoencoders(ae, null).autoencoder(ae).build().viewAutoencoders());
        java.util.Map<String, Object> both = new java.util.HashMap<>(options.toJson());
        both.put("siamese", java.util.Map.of());
        assertThrows(IllegalArgumentException.class, () -> SpecRageOptions.fromJson(both, -1), "both forms in a config file");
        // a manifest whose options and encoders disagree fails to load, instead of failing when saved again
        Path manifest = dir.resolve("manifest.json");
        String text = java.nio.file.Files.readString(manifest);
        java.nio.file.Files.writeString(manifest, text.replaceFirst("\"view_autoencoders\": *\\[", "\"view_autoencoders\": [null, "));
        assertThrows(org.specrage.model.ModelFormatException.class, () -> SpecRageModel.load(dir));
    }

    @Test
    void optionsRoundTripThroughJson() {
        SpecRageOptions o = SpecRageOptions.builder(4).temperature(300).neighbors(22, 17).metrics(Metric.COSINE, Metric.EUCLIDEAN)
                .fusion(FusionMode.UNIFORM).siamese(org.specrage.methods.siamese.SiameseOptions.defaults()).seed(9).build();
        SpecRageOptions perView = o.toBuilder().siamese(null)
                .viewAutoencoders(org.specrage.methods.autoencoder.AutoencoderOptions.defaults().withHidden(64).withCodeDim(5), null)
                .viewSiamese(null, org.specrage.methods.siamese.SiameseOptions.defaults()).build();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> perViewParsed = (java.util.Map<String, Object>) org.specrage.io.Json.parse(org.specrage.io.Json.write(perView.toJson()));
        assertEquals(perView, SpecRageOptions.fromJson(perViewParsed, -1));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> parsed = (java.util.Map<String, Object>) org.specrage.io.Json.parse(org.specrage.io.Json.write(o.toJson()));
        assertEquals(o, SpecRageOptions.fromJson(parsed, -1));
        assertThrows(IllegalArgumentException.class, () -> SpecRageOptions.fromJson(java.util.Map.of("k", 3L, "bogus", 1L), -1));
        assertEquals(List.of(ViewMetric.AUTO), SpecRageOptions.fromJson(java.util.Map.of("k", 3L), -1).metrics());
        assertEquals(List.of(ViewMetric.AUTO, ViewMetric.COSINE),
                SpecRageOptions.fromJson(java.util.Map.of("k", 3L, "metrics", List.of("auto", "cosine")), -1).metrics());
        assertThrows(IllegalArgumentException.class, () -> SpecRageOptions.fromJson(java.util.Map.of("k", 3L, "metrics", "manhattan"), -1));
    }

    @Test
    void rejectsBadInput() {
        MultiViewData data = blobs(60, 2, 12);
        SpecRageModel model = SpecRage.fit(data, small(3).epochs(2).build());
        assertThrows(org.specrage.data.DataException.class, () -> model.transform(data.selectViews(0)));
        assertThrows(org.specrage.data.DataException.class, () -> SpecRage.fit(data.selectRows(new int[] {0, 1}), small(3).build()));
        assertThrows(IllegalArgumentException.class, () -> SpecRageOptions.builder(3).temperature(0).build());
    }

    @Test
    void aViewWhoseBatchGraphFallsApartIsReported() {
        MultiViewData data = blobs(120, 2, 5);
        List<String> messages = new ArrayList<>();
        TrainingListener collect = new TrainingListener() {
            @Override
            public void message(String stage, String text) {
                messages.add(text);
            }
        };
        SpecRage.fit(data, small(3).epochs(1).build(), collect);
        assertTrue(messages.stream().noneMatch(m -> m.contains("connected components")), messages.toString());

        // view 1 becomes 8 distinct one-hot rows, 15 copies each: with 10 neighbours every row links only to its copies
        FMatrix copies = new FMatrix(120, 8);
        for (int i = 0; i < 120; i++) copies.data[i * 8 + i % 8] = 1f;
        MultiViewData duplicated = data.withViews(List.of(data.view(0), View.dense(copies)));
        SpecRage.fit(duplicated, small(3).epochs(1).build(), collect);
        assertTrue(messages.stream().anyMatch(m -> m.contains("view 1") && m.contains("8 connected components")), messages.toString());
    }
}
