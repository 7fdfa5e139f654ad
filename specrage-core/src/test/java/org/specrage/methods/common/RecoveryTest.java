package org.specrage.methods.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.FMatrix;
import org.specrage.optim.Adam;
import org.specrage.tensor.Tensor;

class RecoveryTest {
    private final List<String> messages = new ArrayList<>();
    private final TrainingListener listener = new TrainingListener() {
        @Override
        public void message(String stage, String text) {
            messages.add(stage + ": " + text);
        }
    };

    @Test
    void freshBatchThenRollbackWithHalvedRateThenStop() {
        Tensor p = Tensor.parameter(new FMatrix(1, 3, new float[] {1, 2, 3}));
        Adam adam = new Adam(List.of(p), 0.1);
        Recovery recovery = new Recovery("stage", List.of(p), adam, 3, listener);
        recovery.checkpoint();
        p.data()[0] = 42; // drift after the checkpoint
        recovery.failed(new StepFailure("loss is NaN"));
        assertEquals(42f, p.data()[0], "first failure: just a fresh batch");
        assertEquals(0.1, adam.learningRate());
        recovery.failed(new StepFailure("loss is NaN"));
        assertArrayEquals(new float[] {1, 2, 3}, p.data(), "second failure rolls back");
        assertEquals(0.05, adam.learningRate(), 1e-15);
        recovery.failed(new StepFailure("loss is NaN"));
        assertEquals(0.025, adam.learningRate(), 1e-15);
        TrainingFailedException e = assertThrows(TrainingFailedException.class, () -> recovery.failed(new StepFailure("loss is NaN")));
        assertTrue(e.getMessage().contains("4 failed steps in a row") && e.getMessage().contains("loss is NaN")
                && e.getMessage().contains("lower learning rate"), e.getMessage());
        assertEquals(3, messages.size());
        assertTrue(messages.get(0).contains("fresh batch") && messages.get(1).contains("rolled back"));
    }

    @Test
    void successesResetTheCountAndTakeCheckpoints() {
        Tensor p = Tensor.parameter(new FMatrix(1, 1, new float[] {5}));
        Adam adam = new Adam(List.of(p), 1);
        Recovery recovery = new Recovery("stage", List.of(p), adam, 1, listener);
        for (int round = 0; round < 5; round++) {
            recovery.failed(new StepFailure("x"));
            recovery.succeeded();
        }
        assertEquals(5, recovery.failures());
        p.data()[0] = 9;
        for (int i = 0; i < Recovery.CHECKPOINT_EVERY; i++) recovery.succeeded();
        p.data()[0] = 11;
        recovery.failed(new StepFailure("x"));
        assertThrows(TrainingFailedException.class, () -> recovery.failed(new StepFailure("x")));
    }

    @Test
    void totalFailuresAreCappedToo() {
        Tensor p = Tensor.parameter(new FMatrix(1, 1));
        Recovery recovery = new Recovery("stage", List.of(p), new Adam(List.of(p), 1), 2, listener);
        assertThrows(TrainingFailedException.class, () -> {
            for (int i = 0; i < 100; i++) {
                recovery.failed(new StepFailure("x"));
                recovery.succeeded();
            }
        });
        assertEquals(21, recovery.failures());
    }

    @Test
    void nonFiniteGradientsAndLossesAreDetected() {
        Tensor p = Tensor.parameter(new FMatrix(1, 2));
        Tensor q = Tensor.parameter(new FMatrix(3, 5));
        // finite extremes pass: the largest float, the smallest subnormal, negative values
        q.grad()[0] = Float.MAX_VALUE;
        q.grad()[1] = -Float.MAX_VALUE;
        q.grad()[2] = Float.MIN_VALUE;
        assertDoesNotThrow(() -> Recovery.requireFiniteGradients(List.of(p, q)));
        for (float bad : new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}) {
            q.grad()[14] = bad;
            assertThrows(StepFailure.class, () -> Recovery.requireFiniteGradients(List.of(p, q)), "gradient entry " + bad);
        }
        q.grad()[14] = 0;
        p.grad()[1] = Float.POSITIVE_INFINITY;
        assertThrows(StepFailure.class, () -> Recovery.requireFiniteGradients(List.of(p, q)));
        assertThrows(StepFailure.class, () -> Recovery.requireFiniteLoss(Double.NaN));
    }
}
