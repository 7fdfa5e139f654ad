package org.specrage.methods.spectralnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.MultiViewData;
import org.specrage.data.Split;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.methods.Models;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.methods.common.TrainingListener;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.metrics.ClusteringMetrics;
import org.specrage.nn.Activation;

/**
 * Concentric circles: the radial indicator is sharp, which an MLP on raw 2-D coordinates does not find.
 * 200 epochs: with 100, 3 of 12 (split, seed) pairs stopped in a mixed local minimum; with 200, 20 of 20 separated.
 */
class FourierFeaturesCirclesTest {
    @TempDir
    Path tmp;

    @Test
    void separatesConcentricCirclesOnHeldOutPointsAndRoundTrips() throws IOException {
        MultiViewData data = SyntheticData.circles(800, 0.05, 0.5, 3);
        Split split = Split.random(800, 0.25, 11);
        MultiViewData train = data.selectRows(split.train()), test = data.selectRows(split.test());
        SpectralNetOptions o = SpectralNetOptions.builder(2).network(new NetworkSpec(new int[] {64, 64}, Activation.LEAKY_RELU, Activation.TANH))
                .training(TrainingOptions.of(200).withBatchSize(256).withLearningRate(1e-2).withSchedule(0.1, 30, 1e-8))
                .neighbors(10, 5).preprocess("standard").fourierFeatures(64, 0.5).seed(1).build();
        SpectralNetModel model = SpectralNet.fit(train, o, TrainingListener.NONE);
        double acc = ClusteringMetrics.accuracy(test.labels(), model.predict(test));
        assertTrue(acc >= 0.99, "held-out ACC " + acc);
        Path dir = tmp.resolve("circles");
        model.save(dir);
        assertArrayEquals(model.transform(test).data, Models.load(dir).transform(test).data);
    }
}
