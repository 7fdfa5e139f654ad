package org.specrage.methods.spectralnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.Split;
import org.specrage.data.View;
import org.specrage.io.Json;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.Models;
import org.specrage.methods.autoencoder.AutoencoderOptions;
import org.specrage.methods.common.EmbeddingModel;
import org.specrage.methods.common.Orthonormalizer;
import org.specrage.methods.common.TrainingListener;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.metrics.ClusteringMetrics;
import org.specrage.model.ModelFormatException;

class SpectralNetModelTest {
    static SpectralNetModel model;
    static MultiViewData data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void fit() {
        data = SpectralNetTest.blobs();
        model = SpectralNet.fit(data, SpectralNetTest.small(60).build(), TrainingListener.NONE);
    }

    @Test
    void trainingEmbeddingIsOrthonormalAndPredictUsesTheStoredCentroids() {
        FMatrix y = model.transform(data);
        DMatrix gram = Orthonormalizer.gram(y);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) assertEquals(i == j ? 300.0 : 0.0, gram.get(i, j), 1e-2);
        // predicting a subset gives the same ids as predicting it within the whole set: nothing is refitted
        int[] all = model.predict(data);
        int[] rows = {5, 17, 230};
        int[] some = model.predict(data.selectRows(rows));
        for (int i = 0; i < rows.length; i++) assertEquals(all[rows[i]], some[i]);
        assertEquals(3, model.clusters());
        assertEquals(3, model.embeddingDim());
        assertArrayEquals(new int[] {4}, model.inputDims());
        assertTrue(model.eigenvalues().isEmpty());
    }

    @Test
    void heldOutRowsAreEmbeddedWithTheTrainingScalers() {
        Split split = Split.random(data.rows(), 0.3, 99);
        MultiViewData train = data.selectRows(split.train()), test = data.selectRows(split.test());
        SpectralNetModel m = SpectralNet.fit(train, SpectralNetTest.small(60).build(), TrainingListener.NONE);
        assertEquals(1.0, ClusteringMetrics.accuracy(test.labels(), m.predict(test)));
        // raw rows given as a matrix or a view give the same numbers as the data set
        assertArrayEquals(m.transform(test).data, m.transform(test.view(0).dense()).data);
        assertArrayEquals(m.transform(test).data, m.transform(View.dense(test.view(0).dense())).data);
        DataException e = assertThrows(DataException.class, () -> m.transform(new FMatrix(3, 5)));
        assertTrue(e.getMessage().contains("5 columns but the model's view 0 has 4"), e.getMessage());
    }

    @Test
    void saveAndLoadGiveIdenticalNumbers() throws IOException {
        Path dir = tmp.resolve("model");
        model.save(dir);
        EmbeddingModel loaded = Models.load(dir);
        assertTrue(loaded instanceof SpectralNetModel);
        assertArrayEquals(model.transform(data).data, loaded.transform(data).data);
        assertArrayEquals(model.predict(data), loaded.predict(data));
        assertArrayEquals(model.centroids().data, loaded.centroids().data);
        assertEquals(model.spectralNetOptions(), ((SpectralNetModel) loaded).spectralNetOptions());
        assertEquals(Json.write(model.options()), Json.write(loaded.options()));
        assertEquals(model.stages(), loaded.stages());
        assertEquals(model.seed(), loaded.seed());
    }

    @Test
    void aFreshProcessLoadsTheSameModel() throws Exception {
        Path dir = tmp.resolve("model");
        model.save(dir);
        Path out = tmp.resolve("out.bin");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TransformInFreshProcess.class.getName(), dir.toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        FMatrix expected = model.transform(data);
        int[] labels = model.predict(data);
        try (DataInputStream in = new DataInputStream(Files.newInputStream(out))) {
            assertEquals(expected.rows, in.readInt());
            assertEquals(expected.cols, in.readInt());
            for (float v : expected.data) assertEquals(Float.floatToRawIntBits(v), in.readInt());
            for (int l : labels) assertEquals(l, in.readInt());
        }
    }

    @Test
    void modelWithAnEncoderRoundTrips() throws IOException {
        AutoencoderOptions ae = AutoencoderOptions.defaults().withHidden(16).withCodeDim(3)
                .withTraining(new TrainingOptions(5, 64, 1e-3, 0.1, 5, 1e-7, 0, 0.1, 5));
        SpectralNetModel m = SpectralNet.fit(data, SpectralNetTest.small(10).autoencoder(ae).build(), TrainingListener.NONE);
        assertEquals(List.of("preprocess", "autoencoder", "spectralnet", "orthonormalisation", "k-means"),
                m.stages().stream().map(s -> s.stage()).toList());
        Path dir = tmp.resolve("ae");
        m.save(dir);
        assertArrayEquals(m.transform(data).data, Models.load(dir).transform(data).data);
    }

    @Test
    void damagedModelsFailClearly() throws IOException {
        Path dir = tmp.resolve("model");
        model.save(dir);
        Path manifest = dir.resolve("manifest.json");
        String text = Files.readString(manifest);

        Files.writeString(manifest, text.replace("\"method\": \"spectralnet\"", "\"method\": \"deepcluster\""));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Models.load(dir));
        assertTrue(e.getMessage().contains("unknown method \"deepcluster\""), e.getMessage());

        Files.writeString(manifest, text.replace("\"embedding_dim\": 3", "\"embedding_dim\": 4"));
        e = assertThrows(ModelFormatException.class, () -> Models.load(dir));
        assertTrue(e.getMessage().contains("fewer than embedding_dim 4"), e.getMessage());
        // fewer embedding columns than network outputs is legal only with a matching (outputs x embedding_dim) matrix
        Files.writeString(manifest, text.replace("\"embedding_dim\": 3", "\"embedding_dim\": 2"));
        e = assertThrows(ModelFormatException.class, () -> Models.load(dir));
        assertTrue(e.getMessage().contains("ortho_matrix"), e.getMessage());

        Files.writeString(manifest, text.replace("\"input_dims\": [4]", "\"input_dims\": [5]"));
        e = assertThrows(ModelFormatException.class, () -> Models.load(dir));
        assertTrue(e.getMessage().contains("input_dims"), e.getMessage());

        // the options repeat k and embedding_dim (indented deeper): an edit to that copy alone is caught
        Files.writeString(manifest, text.replace("\n    \"embedding_dim\": 3", "\n    \"embedding_dim\": 2"));
        e = assertThrows(ModelFormatException.class, () -> Models.load(dir));
        assertTrue(e.getMessage().contains("options give embedding_dim = 2 but the manifest's \"embedding_dim\" is 3"), e.getMessage());
        Files.writeString(manifest, text.replace("\n    \"k\": 3", "\n    \"k\": 2"));
        e = assertThrows(ModelFormatException.class, () -> Models.load(dir));
        assertTrue(e.getMessage().contains("options give k = 2 but the manifest's \"clusters\" is 3"), e.getMessage());
    }

    @Test
    void optionsRoundTripThroughJsonAndRejectMistakes() {
        SpectralNetOptions o = SpectralNetOptions.builder(7).embeddingDim(9).neighbors(12, 4).sigma(0.5).normalizedLoss(true)
                .ortho(org.specrage.methods.common.OrthoMethod.QR).gradientThroughOrtho(false).preprocess("standard")
                .autoencoder(AutoencoderOptions.defaults()).siamese(org.specrage.methods.siamese.SiameseOptions.defaults())
                .fourierFeatures(32, 0.25).seed(-3).build();
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) Json.parse(Json.write(o.toJson()));
        assertEquals(o, SpectralNetOptions.fromJson(parsed, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpectralNetOptions.fromJson(Map.of("k", 3L, "neighbours", 10L), -1));
        assertTrue(e.getMessage().contains("unknown option \"neighbours\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralNetOptions.fromJson(Map.of("k", 3L, "scale", "global"), -1));
        assertTrue(e.getMessage().contains("local, batch-median, fixed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralNetOptions.builder(3).neighbors(5, 9).build());
        assertTrue(e.getMessage().contains("scale-k must be between 1 and neighbors (5), got 9"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralNetOptions.builder(3).preprocess("zscore!").build());
        assertTrue(e.getMessage().contains("preprocess must be one of"), e.getMessage());
        assertEquals(3, SpectralNetOptions.fromJson(Map.of(), 3).k(), "k from the caller");
    }

    @Test
    void aSiameseObjectTurnsTheSiameseAffinitySpaceOn() {
        SpectralNetOptions on = SpectralNetOptions.fromJson(Map.of("k", 3L, "siamese", Map.of()), -1);
        assertEquals(AffinitySpace.SIAMESE, on.affinitySpace());
        // an explicit choice is kept, so model manifests load exactly as they were written
        SpectralNetOptions kept = SpectralNetOptions.fromJson(Map.of("k", 3L, "siamese", Map.of(), "affinity_space", "input"), -1);
        assertEquals(AffinitySpace.INPUT, kept.affinitySpace());
    }
}
