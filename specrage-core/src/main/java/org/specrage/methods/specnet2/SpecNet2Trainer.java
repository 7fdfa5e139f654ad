package org.specrage.methods.specnet2;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.Inference;
import org.specrage.methods.common.MiniBatchLoop;
import org.specrage.methods.common.RowInput;
import org.specrage.methods.common.Recovery;
import org.specrage.methods.common.StageReporter;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.common.StepFailure;
import org.specrage.methods.common.TrainingListener;
import org.specrage.nn.BatchSampler;
import org.specrage.nn.Mlp;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * SpecNet2's training loop: the objective's gradient with respect to the network output is formed
 * directly (see {@link SpecNet2Graph}) and back-propagated as the seed of the output. The value
 * monitored for the learning-rate schedule is the exact objective on all training rows, computed
 * once per epoch from a full forward pass (which also refreshes the NEIGHBOR mode's output cache).
 */
final class SpecNet2Trainer {
    static final String STAGE = "specnet2";
    private final Mlp net;
    private final RowInput x;
    /** The same rows with their own batch buffer, for the neighbour rows forwarded on {@link #neighbourTape}. */
    private final RowInput neighbourRows;
    private final Tape neighbourTape = new Tape();
    private final SpecNet2Graph graph;
    private final SpecNet2Options options;
    private final SplittableRandom random;
    private final TrainingListener listener;
    private final Tape tape = new Tape();
    private final int n;
    private final int k;
    private final int batch;
    // NEIGHBOR mode state: the output cache and its tracked moments
    private FMatrix cache;
    private final double[] s;
    private final double[] t;
    private final double[] wz;
    private final int[] stamp;
    private int stampValue;
    private int[] extra;
    private int[] position;
    private float[] seed;
    private double[] localDegrees;

    SpecNet2Trainer(Mlp net, RowInput x, SpecNet2Graph graph, SpecNet2Options options, SplittableRandom random, TrainingListener listener) {
        this.net = net;
        this.x = x;
        this.neighbourRows = x.withOwnBuffer();
        this.graph = graph;
        this.options = options;
        this.random = random;
        this.listener = listener;
        this.n = x.rows();
        this.k = options.embeddingDim();
        this.batch = options.gradient() == GradientMode.FULL ? n : Math.min(options.training().batchSize(), n);
        this.s = new double[k * k];
        this.t = new double[k];
        this.wz = new double[k];
        this.stamp = new int[n];
        this.position = new int[n];
        Arrays.fill(position, -1);
    }

    StageSummary train() {
        BatchSampler sampler = new BatchSampler(n, batch, true, random.nextLong());
        List<Tensor> parameters = net.parameters();
        refreshCache();
        return MiniBatchLoop.run(STAGE, parameters, options.training(), sampler, batch, listener, new MiniBatchLoop.Body() {
            @Override
            public double step(int[] order, int from) throws StepFailure {
                double loss = switch (options.gradient()) {
                    case FULL -> fullStep();
                    case LOCAL -> localStep(order, from);
                    case NEIGHBOR -> neighbourStep(order, from);
                };
                Recovery.requireFiniteGradients(parameters);
                return loss;
            }

            /** The exact objective on all training rows (which also refreshes the NEIGHBOR mode's cache). */
            @Override
            public double monitored(StageReporter reporter) {
                return refreshCache();
            }
        });
    }

    /** Forwards every row into the cache, recomputes the moments exactly and returns the objective. */
    double refreshCache() {
        cache = neighbourRows.apply(net, neighbourTape);
        graph.moments(cache, s, t);
        return graph.objective(cache);
    }

    private double fullStep() throws StepFailure {
        tape.reset();
        int[] all = identity();
        Tensor out = x.forward(net, tape, all, 0, n);
        float[] z = out.data();
        requireFinite(z);
        FMatrix zm = out.value();
        graph.moments(zm, s, t);
        float[] g = seedArray(n * k);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            graph.neighbourSum(i, z, k, wz);
            for (int a = 0; a < k; a++) trace += z[i * k + a] * wz[a];
            SpecNet2Graph.gradientRow(z, i * k, graph.degrees[i], wz, s, t, k, graph.volume, 1.0, g, i * k);
        }
        double loss = SpecNet2Graph.objective(trace, s, t, k, graph.volume);
        Recovery.requireFiniteLoss(loss);
        tape.backward(out, g);
        return loss;
    }

    /** The batch's own sub-graph: W_BB, its degrees and volume. */
    private double localStep(int[] order, int from) throws StepFailure {
        for (int i = 0; i < batch; i++) position[order[from + i]] = i;
        tape.reset();
        Tensor out = x.forward(net, tape, order, from, from + batch);
        float[] z = out.data();
        requireFinite(z);
        if (localDegrees == null) localDegrees = new double[batch];
        double[] degrees = localDegrees;
        Arrays.fill(degrees, 0);
        double volume = 0;
        for (int i = 0; i < batch; i++) {
            int row = order[from + i];
            for (int p = graph.w.rowStart[row]; p < graph.w.rowStart[row + 1]; p++) {
                if (position[graph.w.colIndex[p]] >= 0) degrees[i] += graph.w.values[p];
            }
            volume += degrees[i];
        }
        float[] g = seedArray(batch * k);
        double loss = 0;
        if (volume > 0) {
            Arrays.fill(s, 0);
            Arrays.fill(t, 0);
            for (int i = 0; i < batch; i++) SpecNet2Graph.addMoments(z, i * k, degrees[i], 1.0, k, s, t);
            double trace = 0;
            for (int i = 0; i < batch; i++) {
                int row = order[from + i];
                Arrays.fill(wz, 0);
                for (int p = graph.w.rowStart[row]; p < graph.w.rowStart[row + 1]; p++) {
                    int j = position[graph.w.colIndex[p]];
                    if (j < 0) continue;
                    double wij = graph.w.values[p];
                    for (int a = 0; a < k; a++) wz[a] += wij * z[j * k + a];
                }
                for (int a = 0; a < k; a++) trace += z[i * k + a] * wz[a];
                SpecNet2Graph.gradientRow(z, i * k, degrees[i], wz, s, t, k, volume, 1.0, g, i * k);
            }
            loss = SpecNet2Graph.objective(trace, s, t, k, volume);
        } else {
            Arrays.fill(g, 0f);
        }
        for (int i = 0; i < batch; i++) position[order[from + i]] = -1;
        Recovery.requireFiniteLoss(loss);
        tape.backward(out, g);
        return loss;
    }

    /**
     * The batch B with fresh outputs of B and its neighbours N(B): the cache rows of B and N(B) are
     * replaced (moments updated by subtracting the old rows and adding the new), then the gradient
     * rows of B use the fresh neighbour outputs and the tracked moments, scaled by n / m.
     */
    double neighbourStep(int[] order, int from) throws StepFailure {
        int stampNow = ++stampValue;
        for (int i = 0; i < batch; i++) stamp[order[from + i]] = stampNow;
        int extraCount = 0;
        for (int i = 0; i < batch; i++) {
            int row = order[from + i];
            for (int p = graph.w.rowStart[row]; p < graph.w.rowStart[row + 1]; p++) {
                int j = graph.w.colIndex[p];
                if (stamp[j] == stampNow) continue;
                stamp[j] = stampNow;
                if (extra == null || extraCount == extra.length) extra = Arrays.copyOf(extra == null ? new int[0] : extra, Math.max(16, 2 * extraCount));
                extra[extraCount++] = j;
            }
        }
        tape.reset();
        Tensor out = x.forward(net, tape, order, from, from + batch);
        float[] z = out.data();
        requireFinite(z);
        float[] c = cache.data;
        for (int i = 0; i < batch; i++) replaceCacheRow(order[from + i], z, i * k);
        int padded = paddedCount(extraCount);
        if (padded > extraCount) { // padding rows: computed, never used
            if (padded > extra.length) extra = Arrays.copyOf(extra, padded);
            Arrays.fill(extra, extraCount, padded, extra[0]);
        }
        for (int start = 0; start < padded; start += Inference.CHUNK) {
            int end = Math.min(padded, start + Inference.CHUNK);
            // a tape of their own, so that the batch's own rows stay on the main tape for its backward pass
            neighbourTape.reset();
            float[] fresh = neighbourRows.forward(net, neighbourTape, extra, start, end).data();
            requireFinite(fresh);
            for (int e = start; e < Math.min(end, extraCount); e++) replaceCacheRow(extra[e], fresh, (e - start) * k);
        }
        float[] g = seedArray(batch * k);
        double factor = (double) n / batch;
        double trace = 0;
        for (int i = 0; i < batch; i++) {
            int row = order[from + i];
            graph.neighbourSum(row, c, k, wz);
            for (int a = 0; a < k; a++) trace += c[row * k + a] * wz[a];
            SpecNet2Graph.gradientRow(c, row * k, graph.degrees[row], wz, s, t, k, graph.volume, factor, g, i * k);
        }
        double loss = SpecNet2Graph.objective(trace * factor, s, t, k, graph.volume);
        Recovery.requireFiniteLoss(loss);
        tape.backward(out, g);
        return loss;
    }

    /**
     * The neighbour rows' count rounded up so that the last chunk's size comes from a short ladder
     * (multiples of 16, each about 1/8 above the last). The tape pools its arrays by length: a row
     * count that changed at every step would allocate fresh buffers at every step, and the ladder
     * keeps the sizes few, at the cost of at most 1/8 more rows, plus 16.
     */
    static int paddedCount(int rows) {
        if (rows == 0) return 0;
        int full = (rows - 1) / Inference.CHUNK * Inference.CHUNK;
        int last = rows - full;
        int size = 16;
        while (size < last) size = Math.max(size + 16, (size + size / 8 + 15) / 16 * 16);
        return full + Math.min(size, Inference.CHUNK);
    }

    /** The output cache and the tracked S = Z^T D Z and t = d^T Z (for tests). */
    FMatrix cache() {
        return cache;
    }

    double[] trackedMoments() {
        double[] out = java.util.Arrays.copyOf(s, s.length + t.length);
        System.arraycopy(t, 0, out, s.length, t.length);
        return out;
    }

    private void replaceCacheRow(int row, float[] fresh, int offset) {
        float[] c = cache.data;
        double d = graph.degrees[row];
        SpecNet2Graph.addMoments(c, row * k, d, -1.0, k, s, t);
        System.arraycopy(fresh, offset, c, row * k, k);
        SpecNet2Graph.addMoments(c, row * k, d, 1.0, k, s, t);
    }

    private int[] identityRows;

    private int[] identity() {
        if (identityRows == null) {
            identityRows = new int[n];
            for (int i = 0; i < n; i++) identityRows[i] = i;
        }
        return identityRows;
    }

    private float[] seedArray(int length) {
        if (seed == null || seed.length != length) seed = new float[length];
        return seed;
    }

    private static void requireFinite(float[] z) throws StepFailure {
        for (float v : z) if (!Float.isFinite(v)) throw new StepFailure("the network output is not finite (" + v + ")");
    }
}
