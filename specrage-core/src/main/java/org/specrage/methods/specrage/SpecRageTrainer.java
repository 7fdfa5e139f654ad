package org.specrage.methods.specrage;

import java.util.SplittableRandom;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.BatchGraphCheck;
import org.specrage.methods.common.RowAffinity;
import org.specrage.methods.common.MiniBatchLoop;
import org.specrage.methods.common.OrthoBatches;
import org.specrage.methods.common.Orthonormalizer;
import org.specrage.methods.common.Recovery;
import org.specrage.methods.common.StageReporter;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.common.StepFailure;
import org.specrage.methods.common.TrainingListener;
import org.specrage.nn.BatchSampler;
import org.specrage.tensor.SparseRows;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * The SpecRaGE training loop. Each step draws an ortho batch and, separately, a gradient batch, both
 * of m = min(batch size, n) rows (so n below the batch size trains on full batches). A comes from
 * the ortho batch's fused output (on the tape, or as a constant); each view's kNN affinity is built
 * on the gradient batch in that view's affinity space (with at most m - 1 neighbours); the loss is
 * the fusion-weighted joint diagonalisation. The learning rate drops on plateaus of the epoch's mean
 * loss; failed steps (rank-deficient output, non-finite loss) are handled by {@link Recovery}.
 */
final class SpecRageTrainer {
    static final String STAGE = "specrage";

    private final SpecRageNetwork net;
    private final ViewInput[] inputs;
    private final ViewInput[] spaces;
    private final SpecRageOptions options;
    private final SplittableRandom random;
    private final TrainingListener listener;
    private boolean graphsChecked;
    private final RowAffinity[] affinities;
    private final Orthonormalizer ortho;
    private final Tape tape = new Tape();
    private final Tape orthoTape = new Tape();
    private final int batch;
    private final FMatrix[] w;
    private final double[] rowSums;
    private FMatrix constantA;
    /** Per view (null: none), the training rows whose view-v affinities are dropped ({@link ViewConsistency}). */
    private boolean[][] unsupported;
    /** 1/m where a batch row is marked in a view, else 0 (reused). */
    private FMatrix flaggedMask;
    /** Co-training: 1/(m V) for a batch row marked in no view, else 0; and the fused output as a constant (reused). */
    private FMatrix cleanRows;
    private FMatrix fusedTarget;
    private static final int ORTHO = 0, GRADIENT = 1;
    /** Per batch kind and view: the reused sparse rows of a sparse view (null for a dense one). */
    private final SparseRows[][] sparseBuffers;
    /** Per batch kind: the fusion network's joined sparse input. */
    private final SparseRows[] joinedBuffers;

    /**
     * @param inputs      each view's network input (training rows)
     * @param spaces      each view's rows in the space its affinity is computed in
     * @param fixedSigmas per view, the FIXED bandwidth (ignored for the other scales)
     */
    SpecRageTrainer(SpecRageNetwork net, ViewInput[] inputs, ViewInput[] spaces, double[] fixedSigmas, SpecRageOptions options,
                    SplittableRandom random, TrainingListener listener) {
        this.net = net;
        this.inputs = inputs;
        this.spaces = spaces;
        this.options = options;
        this.random = random;
        this.listener = listener;
        int n = inputs[0].rows();
        this.batch = Math.min(options.training().batchSize(), n);
        if (batch < options.k()) {
            throw new IllegalArgumentException("SpecRaGE needs at least k = " + options.k() + " rows per batch to orthonormalise, got " + batch);
        }
        int views = inputs.length;
        this.affinities = new RowAffinity[views];
        this.w = new FMatrix[views];
        for (int v = 0; v < views; v++) {
            affinities[v] = new RowAffinity(spaces[v].rowInput(), options.batchAffinity(batch, n, fixedSigmas[v]), batch);
            w[v] = new FMatrix(batch, batch);
        }
        this.ortho = new Orthonormalizer(options.ortho());
        this.rowSums = new double[batch];
        this.joinedBuffers = new SparseRows[] {ViewInput.joinedBuffer(inputs), ViewInput.joinedBuffer(inputs)};
        this.sparseBuffers = new SparseRows[2][views];
        for (int v = 0; v < views; v++) {
            sparseBuffers[ORTHO][v] = inputs[v].newSparseBuffer();
            sparseBuffers[GRADIENT][v] = inputs[v].newSparseBuffer();
        }
    }

    /** Rows whose affinities in a view are dropped, and whose fusion weight on it the loss charges ({@link SpecRageOptions#consistencyPenalty}). */
    SpecRageTrainer dropping(boolean[][] rows) {
        this.unsupported = rows;
        return this;
    }

    StageSummary train() {
        int n = inputs[0].rows();
        BatchSampler gradientBatches = new BatchSampler(n, batch, true, random.nextLong());
        OrthoBatches orthoBatches = new OrthoBatches(n, batch, random.nextLong());
        // the last parameters are kept: with one or two batches per epoch the epoch loss is too noisy
        // to pick a "best" epoch (restoring the luckiest batch's epoch throws progress away)
        StageSummary summary = MiniBatchLoop.run(STAGE, net.parameters(), options.training(), gradientBatches, batch, listener, new MiniBatchLoop.Body() {
            @Override
            public double step(int[] order, int from) throws StepFailure {
                int orthoFrom = orthoBatches.nextStart();
                return SpecRageTrainer.this.step(orthoBatches.order(), orthoFrom, order, from);
            }

            @Override
            public void epochReported(int epoch, StageReporter reporter) {
                ortho.reportJitter(epoch, reporter);
            }
        });
        tape.reset();
        orthoTape.reset();
        return summary;
    }

    private double step(int[] orthoOrder, int orthoFrom, int[] order, int from) throws StepFailure {
        int views = inputs.length;
        tape.reset();
        Tensor a;
        if (options.gradientThroughOrtho()) {
            a = ortho.onTape(tape, forward(tape, orthoOrder, orthoFrom, ORTHO).fused());
        } else {
            orthoTape.reset();
            Tensor orthoOut = forward(orthoTape, orthoOrder, orthoFrom, ORTHO).fused();
            DMatrix value = ortho.constant(orthoOut.value());
            int k = value.rows;
            if (constantA == null) constantA = new FMatrix(k, k);
            for (int i = 0; i < k * k; i++) constantA.data[i] = (float) value.data[i];
            a = tape.input(constantA);
        }
        SpecRageNetwork.Output out = forward(tape, order, from, GRADIENT);
        for (int v = 0; v < views; v++) {
            affinities[v].compute(order, from, batch, w[v].data);
            if (unsupported != null && unsupported[v] != null) dropRows(unsupported[v], order, from, batch, w[v].data);
            if (!graphsChecked) warnIfFragmented(v);
            options.normalization().apply(w[v].data, batch, rowSums);
        }
        graphsChecked = true;
        Tensor loss = JointDiagonalizationLoss.of(tape, out.fused().matmul(a), out.weights(), w, options.normalization());
        if (unsupported != null) {
            loss = loss.add(unsupportedWeight(out.weights(), order, from).mul((float) options.consistencyPenalty()));
            if (options.coTraining() > 0) loss = loss.add(coTraining(out, order, from).mul((float) options.coTraining()));
        }
        double value = loss.item();
        Recovery.requireFiniteLoss(value);
        tape.backward(loss);
        Recovery.requireFiniteGradients(net.parameters());
        return value;
    }

    /** Mean over unmarked batch rows and views of |g_v(x_i) - y~_i|^2, the fused output held constant. */
    private Tensor coTraining(SpecRageNetwork.Output out, int[] order, int from) {
        int m = batch, views = inputs.length;
        FMatrix fusedValue = out.fused().value();
        if (cleanRows == null) {
            cleanRows = new FMatrix(m, 1);
            fusedTarget = new FMatrix(fusedValue.rows, fusedValue.cols);
        }
        System.arraycopy(fusedValue.data, 0, fusedTarget.data, 0, fusedTarget.data.length);
        for (int i = 0; i < m; i++) {
            boolean marked = false;
            for (int v = 0; v < views; v++) marked |= unsupported[v] != null && unsupported[v][order[from + i]];
            cleanRows.data[i] = marked ? 0f : 1f / (m * views);
        }
        Tensor target = tape.input(fusedTarget), mask = tape.input(cleanRows), total = null;
        for (Tensor y : out.views()) {
            Tensor d = y.sub(target);
            Tensor term = d.mul(d).mul(mask).sum();
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    /** Mean over the batch of the fusion weight each row puts on views where its cluster is unsupported. */
    private Tensor unsupportedWeight(Tensor weights, int[] order, int from) {
        int m = batch, views = inputs.length;
        if (flaggedMask == null) flaggedMask = new FMatrix(m, views);
        for (int i = 0; i < m; i++) {
            for (int v = 0; v < views; v++) {
                flaggedMask.data[i * views + v] = unsupported[v] != null && unsupported[v][order[from + i]] ? 1f / m : 0f;
            }
        }
        return weights.mul(tape.input(flaggedMask)).sum();
    }

    /** Zeroes the rows and columns of an m x m batch affinity that belong to flagged rows (order[from + i]). */
    static void dropRows(boolean[] flagged, int[] order, int from, int m, float[] wv) {
        for (int i = 0; i < m; i++) {
            if (!flagged[order[from + i]]) continue;
            java.util.Arrays.fill(wv, i * m, (i + 1) * m, 0f);
            for (int j = 0; j < m; j++) wv[j * m + i] = 0f;
        }
    }

    /** Once, on the first batch: a view whose batch graph falls apart is reported, not silently trained on. */
    private void warnIfFragmented(int v) {
        String warning = BatchGraphCheck.fragmentationWarning("view " + v, w[v].data, batch,
                affinities[v].neighborsIn(batch), options.k());
        if (warning != null) listener.message(STAGE, warning);
    }

    /** The networks on rows order[from..from + batch); which (ORTHO or GRADIENT) picks the sparse buffers, as both batches live on one tape. */
    private SpecRageNetwork.Output forward(Tape on, int[] order, int from, int which) {
        ViewBatch[] in = new ViewBatch[inputs.length];
        for (int v = 0; v < inputs.length; v++) in[v] = inputs[v].batch(on, order, from, from + batch, sparseBuffers[which][v]);
        return net.forward(on, in, joinedBuffers[which]);
    }
}
