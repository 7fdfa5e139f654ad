package org.specrage.methods.spectralnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.specrage.data.MultiViewData;
import org.specrage.data.prep.Preprocessing;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.methods.common.OrthoMethod;
import org.specrage.methods.common.TrainingListener;
import org.specrage.metrics.ClusteringMetrics;
import org.specrage.metrics.Subspaces;
import org.specrage.nn.Activation;

class SpectralNetTest {
    static final NetworkSpec SMALL = new NetworkSpec(new int[] {64, 64}, Activation.LEAKY_RELU, Activation.TANH);

    static MultiViewData blobs() {
        return SyntheticData.blobs(300, 3, 4, 1.0, 5);
    }

    static SpectralNetOptions.Builder small(int epochs) {
        return SpectralNetOptions.builder(3).network(SMALL).epochs(epochs).batchSize(300).neighbors(10, 5).seed(2);
    }

    @Test
    void learnedEmbeddingSpansTheExactBottomEigenvectors() {
        MultiViewData data = blobs();
        FMatrix x = Preprocessing.fitTransform(data, data, "minmax").view(0).dense();
        var exact = ExactSpectrum.bottom(x, 10, 5, 3, false).vectors();
        for (OrthoMethod ortho : OrthoMethod.values()) {
            for (boolean through : new boolean[] {true, false}) {
                SpectralNetModel model = SpectralNet.fit(data, small(150).ortho(ortho).gradientThroughOrtho(through).build(), TrainingListener.NONE);
                double sine = Subspaces.largestAngleSine(model.transform(data).toDouble(), exact);
                assertTrue(sine < 0.05, ortho + ", gradient through A " + through + ": sine " + sine);
                assertEquals(1.0, ClusteringMetrics.accuracy(data.labels(), model.predict(data)));
            }
        }
    }

    @Test
    void normalizedLossFollowsTheSymmetricNormalizedLaplacian() {
        // its minimiser D^1/2 times the cluster indicators carries the degrees' noise, which the network smooths
        MultiViewData data = blobs();
        FMatrix x = Preprocessing.fitTransform(data, data, "minmax").view(0).dense();
        var exactSym = ExactSpectrum.bottom(x, 10, 5, 3, true).vectors();
        SpectralNetModel model = SpectralNet.fit(data, small(150).normalizedLoss(true).build(), TrainingListener.NONE);
        double sine = Subspaces.largestAngleSine(model.transform(data).toDouble(), exactSym);
        assertTrue(sine < 0.2, "sine " + sine);
        assertEquals(1.0, ClusteringMetrics.accuracy(data.labels(), model.predict(data)));
    }
}
