package org.specrage.methods.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.specrage.graph.ScaleMode;
import org.specrage.io.Json;
import org.specrage.methods.autoencoder.AutoencoderOptions;
import org.specrage.methods.siamese.SiameseOptions;
import org.specrage.methods.specnet2.GradientMode;
import org.specrage.methods.specnet2.SpecNet2Options;
import org.specrage.methods.specrage.AffinityNormalization;
import org.specrage.methods.specrage.FusionMode;
import org.specrage.methods.specrage.SpecRageOptions;
import org.specrage.methods.specrage.ViewMetric;
import org.specrage.methods.spectralnet.SpectralNetOptions;
import org.specrage.nn.Activation;

/**
 * Every options type's fromJson reads its toJson back, both the map itself (int[] values and all)
 * and the map written and parsed as JSON text. The options differ from the defaults in every key
 * (checked), so a key that fromJson drops would be caught.
 */
class OptionsJsonRoundTripTest {
    private static final TrainingOptions TRAINING = new TrainingOptions(7, 33, 2e-3, 0.5, 3, 1e-5, 4, 0.2, 2);
    private static final NetworkSpec NETWORK = new NetworkSpec(new int[] {16, 8}, Activation.SIGMOID, Activation.SOFTPLUS);
    private static final AutoencoderOptions AUTOENCODER = new AutoencoderOptions(new int[] {20, 12}, 4, Activation.TANH, TRAINING);
    private static final SiameseOptions SIAMESE = new SiameseOptions(NETWORK, 6, 3, 0.5, TRAINING);

    @Test
    void trainingOptions() {
        TrainingOptions d = TrainingOptions.of(100);
        assertDiffersInEveryKey(d.toJson(), TRAINING.toJson(), Set.of());
        assertRoundTrips(TRAINING, TRAINING.toJson(), m -> TrainingOptions.fromJson(new JsonOptions(m, "training"), d));
    }

    @Test
    void networkSpec() {
        NetworkSpec d = SpectralNetOptions.DEFAULT_NETWORK;
        assertDiffersInEveryKey(d.toJson(), NETWORK.toJson(), Set.of());
        assertRoundTrips(NETWORK, NETWORK.toJson(), m -> NetworkSpec.fromJson(new JsonOptions(m, "network"), d));
    }

    @Test
    void autoencoderOptions() {
        assertDiffersInEveryKey(AutoencoderOptions.defaults().toJson(), AUTOENCODER.toJson(), Set.of());
        assertRoundTrips(AUTOENCODER, AUTOENCODER.toJson(), m -> AutoencoderOptions.fromJson(new JsonOptions(m, "autoencoder")));
    }

    @Test
    void siameseOptions() {
        assertDiffersInEveryKey(SiameseOptions.defaults().toJson(), SIAMESE.toJson(), Set.of());
        assertRoundTrips(SIAMESE, SIAMESE.toJson(), m -> SiameseOptions.fromJson(new JsonOptions(m, "siamese")));
    }

    @Test
    void spectralNetOptions() {
        SpectralNetOptions o = SpectralNetOptions.builder(4).embeddingDim(5).network(NETWORK).training(TRAINING).neighbors(12, 4)
                .sigma(0.7).ortho(OrthoMethod.QR).gradientThroughOrtho(false).extraDimensions(2).normalizedLoss(true)
                .autoencoder(AUTOENCODER).siamese(SIAMESE).preprocess("standard").fourierFeatures(16, 0.3).kmeansRestarts(3).seed(42)
                .build();
        assertDiffersInEveryKey(SpectralNetOptions.builder(3).build().toJson(), o.toJson(), Set.of());
        assertRoundTrips(o, o.toJson(), m -> SpectralNetOptions.fromJson(m, -1));
    }

    @Test
    void specNet2Options() {
        SpecNet2Options o = SpecNet2Options.builder(4).embeddingDim(5).network(NETWORK).training(TRAINING).gradient(GradientMode.FULL)
                .neighbors(12, 4).scale(ScaleMode.LOCAL).autoencoder(AUTOENCODER).preprocess("l2").fourierFeatures(16, 0.3)
                .kmeansRestarts(3).clusteringRows(org.specrage.methods.specnet2.ClusteringRows.EMBEDDING).seed(42).build();
        assertDiffersInEveryKey(SpecNet2Options.builder(3).build().toJson(), o.toJson(), Set.of());
        assertRoundTrips(o, o.toJson(), m -> SpecNet2Options.fromJson(m, -1));
    }

    @Test
    void specRageOptionsWithSharedStages() {
        SpecRageOptions o = specRage().autoencoder(AUTOENCODER).siamese(SIAMESE).metrics(ViewMetric.COSINE).build();
        assertDiffersInEveryKey(SpecRageOptions.builder(3).build().toJson(), o.toJson(), Set.of("view_autoencoders", "view_siamese"));
        assertRoundTrips(o, o.toJson(), m -> SpecRageOptions.fromJson(m, -1));
    }

    @Test
    void specRageOptionsWithPerViewStages() {
        SpecRageOptions o = specRage().viewAutoencoders(AUTOENCODER, null).viewSiamese(null, SIAMESE)
                .metrics(ViewMetric.EUCLIDEAN, ViewMetric.COSINE).build();
        assertDiffersInEveryKey(SpecRageOptions.builder(3).build().toJson(), o.toJson(), Set.of("autoencoder", "siamese"));
        assertRoundTrips(o, o.toJson(), m -> SpecRageOptions.fromJson(m, -1));
    }

    private static SpecRageOptions.Builder specRage() {
        return SpecRageOptions.builder(4).network(NETWORK).fusion(FusionMode.UNIFORM).fusionHidden(9).temperature(2.5).training(TRAINING)
                .neighbors(12, 4).scale(BatchScale.LOCAL).normalization(AffinityNormalization.ROW).ortho(OrthoMethod.QR)
                .gradientThroughOrtho(false).batchNeighbors(false).extraDimensions(3).consistencyPenalty(0.01).coTraining(0.02).preprocess("none").kmeansRestarts(3).seed(42);
    }

    /** fromJson(toJson) and fromJson(parse(write(toJson))) both give the options back. */
    @SuppressWarnings("unchecked")
    private static <T> void assertRoundTrips(T options, Map<String, Object> json, Function<Map<String, Object>, T> fromJson) {
        assertEquals(options, fromJson.apply(json), "read from toJson() directly");
        assertEquals(options, fromJson.apply((Map<String, Object>) Json.parse(Json.write(json))), "read through JSON text");
    }

    /** Every key but the exempt ones holds another value than the defaults (compared as JSON text: int[] has no equals). */
    private static void assertDiffersInEveryKey(Map<String, Object> defaults, Map<String, Object> options, Set<String> exempt) {
        assertEquals(defaults.keySet(), options.keySet());
        for (String key : options.keySet()) {
            if (exempt.contains(key)) continue;
            assertNotEquals(Json.write(defaults.get(key)), Json.write(options.get(key)), "\"" + key + "\" has its default value");
        }
    }
}
