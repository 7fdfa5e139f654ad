package org.specrage.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.Tensor;

class SchedulesTest {
    @Test
    void reduceOnPlateauWaitsPatienceEpochsThenCoolsDown() {
        Sgd sgd = new Sgd(List.of(Tensor.parameter(1, 1)), 1.0);
        ReduceLrOnPlateau schedule = new ReduceLrOnPlateau(sgd, 0.5, 2, 1e-4, 1, 0.2);
        double[] losses = {1.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9};
        // epoch: 0 best, 1 best, 2-3 bad (within patience), 4 bad -> halve; 5 cooldown; 6,7 bad, 8 bad -> halve;
        // 9 cooldown; 10,11,12 -> would halve to 0.125 but the floor is 0.2
        boolean[] expectReduced = {false, false, false, false, true, false, false, false, true, false, false};
        double[] expectLr = {1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25};
        for (int i = 0; i < losses.length; i++) {
            assertEquals(expectReduced[i], schedule.step(losses[i]), "epoch " + i);
            assertEquals(expectLr[i], sgd.learningRate(), 1e-12, "epoch " + i);
        }
        schedule.step(0.9);
        assertTrue(schedule.step(0.9));
        assertEquals(0.2, sgd.learningRate(), 1e-12);
        assertFalse(schedule.step(0.9) || schedule.step(0.9) || schedule.step(0.9) || schedule.step(0.9));
        assertEquals(0.2, sgd.learningRate(), 1e-12);
    }

    @Test
    void smallRelativeImprovementsDoNotCount() {
        Sgd sgd = new Sgd(List.of(Tensor.parameter(1, 1)), 1.0);
        ReduceLrOnPlateau schedule = new ReduceLrOnPlateau(sgd, 0.1, 0, 0.01, 0, 0);
        schedule.step(100);
        assertTrue(schedule.step(99.5)); // less than 1% better: a bad epoch, and patience is 0
        assertEquals(0.1, sgd.learningRate(), 1e-12);
    }

    @Test
    void earlyStoppingTracksTheBestEpoch() {
        EarlyStopping stop = new EarlyStopping(3, 0.01);
        double[] values = {5, 4, 3.995, 3.5, 3.6, 3.499, 3.7};
        boolean[] improved = {true, true, false, true, false, false, false};
        for (int i = 0; i < values.length; i++) {
            assertEquals(improved[i], stop.observe(values[i]), "epoch " + i);
            assertEquals(i == values.length - 1, stop.shouldStop(), "epoch " + i);
        }
        assertEquals(3.5, stop.best());
        assertEquals(3, stop.bestEpoch());
    }

    @Test
    void globalNormClipping() {
        Tensor a = Tensor.parameter(new FMatrix(1, 2, new float[] {0, 0}));
        Tensor b = Tensor.parameter(new FMatrix(1, 1, new float[] {0}));
        a.grad()[0] = 3f;
        a.grad()[1] = 0f;
        b.grad()[0] = 4f;
        assertEquals(5.0, GradientClipping.clipByGlobalNorm(List.of(a, b), 1.0), 1e-12);
        assertEquals(0.6f, a.grad()[0], 1e-6f);
        assertEquals(0.8f, b.grad()[0], 1e-6f);
        assertEquals(1.0, GradientClipping.clipByGlobalNorm(List.of(a, b), 2.0), 1e-5); // under the limit: unchanged
        assertEquals(0.6f, a.grad()[0], 1e-6f);
        float before = a.grad()[0];
        GradientClipping.clipByValue(List.of(a, b), 0.7);
        assertEquals(before, a.grad()[0]);
        assertEquals(0.7f, b.grad()[0]);
    }
}
