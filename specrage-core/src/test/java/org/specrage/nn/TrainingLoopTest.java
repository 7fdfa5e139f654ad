package org.specrage.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.FMatrix;
import org.specrage.optim.Adam;
import org.specrage.tensor.Reductions;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;
import org.specrage.util.Parallel;

/** A mini-batch loop as the methods run it: shuffled batches, forward, backward, Adam. */
class TrainingLoopTest {
    private static final int N = 512, BATCH = 128, IN = 32;

    /** Trains for the given epochs and returns all final weights, concatenated. */
    private static float[] train(long seed, int epochs) {
        SplittableRandom random = new SplittableRandom(seed);
        FMatrix x = new FMatrix(N, IN), y = new FMatrix(N, 4);
        for (int i = 0; i < x.data.length; i++) x.data[i] = (float) random.nextDouble();
        for (int i = 0; i < y.data.length; i++) y.data[i] = (float) random.nextDouble();
        Mlp mlp = Mlp.builder(IN, 256, 256, 4).seed(seed).build();
        Adam adam = new Adam(mlp.parameters(), 1e-3);
        BatchSampler batches = new BatchSampler(N, BATCH, true, seed);
        Tape tape = new Tape();
        for (int e = 0; e < epochs; e++) {
            batches.shuffle();
            for (int b = 0; b < batches.batches(); b++) {
                tape.reset();
                int from = batches.batchStart(b), to = batches.batchEnd(b);
                Tensor out = mlp.forward(tape.inputRows(x, batches.order(), from, to));
                Tensor loss = Reductions.mean(out.sub(tape.inputRows(y, batches.order(), from, to)).square());
                tape.backward(loss);
                adam.step();
                adam.zeroGrad();
            }
        }
        List<Tensor> params = mlp.parameters();
        int total = 0;
        for (Tensor p : params) total += p.size();
        float[] all = new float[total];
        int offset = 0;
        for (Tensor p : params) {
            System.arraycopy(p.data(), 0, all, offset, p.size());
            offset += p.size();
        }
        return all;
    }

    @Test
    void oneThreadRunsAreBitForBitReproducible() {
        int previous = Parallel.threads();
        Parallel.setThreads(1);
        try {
            assertArrayEquals(train(21, 2), train(21, 2));
        } finally {
            Parallel.setThreads(previous);
        }
    }

    @Test
    void engineThreadCountDoesNotChangeResults() {
        // The engine's own loops split work without changing any sum's order.
        int previous = Parallel.threads();
        try {
            Parallel.setThreads(1);
            float[] one = train(22, 1);
            Parallel.setThreads(2);
            assertArrayEquals(one, train(22, 1));
        } finally {
            Parallel.setThreads(previous);
        }
    }

    @Test
    void stepsAfterWarmUpAllocateAlmostNothing() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int previous = Parallel.threads();
        Parallel.setThreads(1);
        try {
            MlpTrainingStep step = new MlpTrainingStep(new int[] {64, 256, 256, 10}, 256, 1);
            for (int i = 0; i < 5; i++) step.run();
            long before = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 20; i++) step.run();
            long perStep = (bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / 20;
            // one step's activations alone are 256 x (256 + 256 + 10) floats = 534 KB, plus gradients
            long activationBytes = 4L * 256 * (256 + 256 + 10);
            assertTrue(perStep < activationBytes / 100, "allocated " + perStep + " bytes per step");
            System.out.println("allocation per step after warm-up: " + perStep + " bytes; pooled " + step.tape().pooledBytes());
        } finally {
            Parallel.setThreads(previous);
        }
    }
}
