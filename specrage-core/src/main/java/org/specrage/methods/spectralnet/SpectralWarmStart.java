package org.specrage.methods.spectralnet;

import java.util.SplittableRandom;
import org.specrage.eigen.DenseSymmetricEigen;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.BatchAffinity;
import org.specrage.methods.common.Recovery;
import org.specrage.methods.common.StageReporter;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.common.StepFailure;
import org.specrage.methods.common.TrainingListener;
import org.specrage.nn.BatchSampler;
import org.specrage.nn.Mlp;
import org.specrage.optim.Adam;
import org.specrage.tensor.Reductions;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * Optional start of SpectralNet from the exact answer on one batch: the bottom eigenvectors of one
 * random batch's graph (the graph a training step sees, solved densely: m x m with m the batch
 * size) become regression targets, and the network is fitted to them by mean squared error before
 * the spectral loss takes over. MLPs find smooth functions first; spectral training alone can stall
 * for thousands of steps at a smooth non-minimal eigenvector (e.g. an angular mode of two
 * concentric circles instead of their indicator), while regression reaches sharp targets directly.
 * The spectral loss is unchanged, so the end point is still its minimiser.
 */
final class SpectralWarmStart {
    static final String STAGE = "warm start";
    private static final int STEP_ROWS = 256;
    /** Regression diverges into saturated tanh outputs at the rates spectral training tolerates (1e-2). */
    static final double LEARNING_RATE = 1e-3;

    private SpectralWarmStart() {
    }

    static StageSummary run(Mlp net, FMatrix inputs, FMatrix space, SpectralNetOptions options, BatchAffinity affinity, int m,
                            SplittableRandom random, TrainingListener listener) {
        int epochs = options.warmStartEpochs();
        int n = inputs.rows, k = options.embeddingDim();
        int[] rows = sample(n, m, random);
        FMatrix targets = targets(space, rows, affinity, options.normalizedLoss(), k);
        int batch = Math.min(STEP_ROWS, m);
        BatchSampler sampler = new BatchSampler(m, batch, true, random.nextLong());
        Adam adam = new Adam(net.parameters(), Math.min(LEARNING_RATE, options.training().learningRate()));
        Recovery recovery = new Recovery(STAGE, net.parameters(), adam, options.training().maxConsecutiveFailures(), listener);
        StageReporter reporter = new StageReporter(STAGE, epochs, (long) sampler.batches() * batch, listener);
        Tape tape = new Tape();
        int[] chosen = new int[batch];
        for (int epoch = 0; epoch < epochs; epoch++) {
            reporter.startEpoch();
            sampler.shuffle();
            for (int b = 0; b < sampler.batches(); b++) {
                double loss = Double.NaN;
                try {
                    int from = sampler.batchStart(b);
                    for (int i = 0; i < batch; i++) chosen[i] = sampler.order()[from + i];
                    tape.reset();
                    Tensor out = net.forward(tape.inputRows(inputs, rowsOf(rows, chosen), 0, batch));
                    Tensor l = Reductions.mean(out.sub(tape.inputRows(targets, chosen, 0, batch)).square());
                    loss = l.item();
                    Recovery.requireFiniteLoss(loss);
                    tape.backward(l);
                    Recovery.requireFiniteGradients(net.parameters());
                    adam.step();
                    adam.zeroGrad();
                    recovery.succeeded();
                } catch (StepFailure failure) {
                    recovery.failed(failure);
                }
                reporter.step(batch, loss);
            }
            reporter.endEpoch(Double.NaN, adam.learningRate());
        }
        return reporter.finish(Double.NaN, recovery.failures(), "max epochs");
    }

    private static int[] buffer;

    /** The data rows of the chosen sample positions (reuses one buffer). */
    private static int[] rowsOf(int[] rows, int[] chosen) {
        if (buffer == null || buffer.length != chosen.length) buffer = new int[chosen.length];
        for (int i = 0; i < chosen.length; i++) buffer[i] = rows[chosen[i]];
        return buffer;
    }

    /** m distinct random rows. */
    static int[] sample(int n, int m, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return java.util.Arrays.copyOf(order, m);
    }

    /** Largest target magnitude: well inside tanh's range, where its gradient is not lost to saturation. */
    static final double TARGET_SCALE = 0.5;

    /** Bottom-k eigenvectors of the sample's batch graph, each column scaled to largest magnitude {@link #TARGET_SCALE}. */
    static FMatrix targets(FMatrix space, int[] rows, BatchAffinity affinity, boolean normalized, int k) {
        int m = rows.length, d = space.cols;
        float[] points = new float[m * d];
        for (int i = 0; i < m; i++) System.arraycopy(space.data, rows[i] * d, points, i * d, d);
        float[] w = new float[m * m];
        affinity.compute(points, m, d, w);
        double[] degree = new double[m];
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) degree[i] += w[i * m + j];
        DMatrix l = new DMatrix(m, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double v;
                if (normalized) v = degree[i] > 0 && degree[j] > 0 ? -w[i * m + j] / Math.sqrt(degree[i] * degree[j]) : 0;
                else v = -w[i * m + j];
                l.data[i * m + j] = v;
            }
            l.data[i * m + i] += normalized ? (degree[i] > 0 ? 1 : 0) : degree[i];
        }
        DMatrix v = DenseSymmetricEigen.smallest(l, k).vectors();
        FMatrix out = new FMatrix(m, k);
        for (int j = 0; j < k; j++) {
            double max = 0;
            for (int i = 0; i < m; i++) max = Math.max(max, Math.abs(v.data[i * k + j]));
            double scale = max > 0 ? TARGET_SCALE / max : 0;
            for (int i = 0; i < m; i++) out.data[i * k + j] = (float) (scale * v.data[i * k + j]);
        }
        return out;
    }
}
