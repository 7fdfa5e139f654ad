package org.specrage.methods.spectralnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.specrage.data.MultiViewData;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.common.TrainingFailedException;
import org.specrage.methods.common.TrainingListener;
import org.specrage.metrics.ClusteringMetrics;

/** Injected failures through the trainer's test hook: training recovers, or stops with a clear message. */
class SpectralNetRobustnessTest {
    private final List<String> messages = new ArrayList<>();
    private final TrainingListener listener = new TrainingListener() {
        @Override
        public void message(String stage, String text) {
            messages.add(text);
        }
    };

    @AfterEach
    void removeHook() {
        SpectralNetTrainer.hook = null;
    }

    private static StageSummary trainingStage(SpectralNetModel model) {
        return model.stages().stream().filter(s -> s.stage().equals(SpectralNetTrainer.STAGE)).findFirst().orElseThrow();
    }

    @Test
    void recoversFromANanBatch() {
        SpectralNetTrainer.hook = (step, orthoBatch, inputs, rows, cols) -> {
            if (step == 7 && !orthoBatch) inputs[3] = Float.NaN;
        };
        MultiViewData data = SpectralNetTest.blobs();
        SpectralNetModel model = SpectralNet.fit(data, SpectralNetTest.small(150).build(), listener);
        assertEquals(1, trainingStage(model).recoveries());
        assertTrue(messages.stream().anyMatch(m -> m.contains("loss is NaN") && m.contains("fresh batch")), messages.toString());
        assertEquals(1.0, ClusteringMetrics.accuracy(data.labels(), model.predict(data)));
    }

    @Test
    void rankDeficientOrthoBatchIsSkipped() {
        for (boolean through : new boolean[] {true, false}) {
            messages.clear();
            // every row of the ortho batch of step 5 becomes the same point: its output has rank 1
            SpectralNetTrainer.hook = (step, orthoBatch, inputs, rows, cols) -> {
                if (step == 5 && orthoBatch) {
                    for (int r = 1; r < rows; r++) System.arraycopy(inputs, 0, inputs, r * cols, cols);
                }
            };
            MultiViewData data = SpectralNetTest.blobs();
            SpectralNetModel model = SpectralNet.fit(data, SpectralNetTest.small(150).gradientThroughOrtho(through).build(), listener);
            assertTrue(messages.stream().anyMatch(m -> m.contains("rank below its 3 columns (k plus extra_dimensions)") && m.contains("fresh batch")), messages.toString());
            assertEquals(1, trainingStage(model).recoveries());
            assertEquals(1.0, ClusteringMetrics.accuracy(data.labels(), model.predict(data)), "gradient through A " + through);
        }
    }

    @Test
    void persistentFailuresStopWithAClearMessage() {
        SpectralNetTrainer.hook = (step, orthoBatch, inputs, rows, cols) -> {
            if (step >= 3) inputs[0] = Float.POSITIVE_INFINITY;
        };
        TrainingFailedException e = assertThrows(TrainingFailedException.class,
                () -> SpectralNet.fit(SpectralNetTest.blobs(), SpectralNetTest.small(150).build(), listener));
        assertTrue(e.getMessage().startsWith("spectralnet: training stopped after 6 failed steps in a row"), e.getMessage());
        assertTrue(e.getMessage().contains("not finite") && e.getMessage().contains("Try a lower learning rate"), e.getMessage());
        assertTrue(messages.stream().anyMatch(m -> m.contains("learning rate halved")), messages.toString());
    }
}
