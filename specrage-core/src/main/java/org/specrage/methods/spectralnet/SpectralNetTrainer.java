package org.specrage.methods.spectralnet;

import java.util.SplittableRandom;
import org.specrage.linalg.Blas;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.BatchAffinity;
import org.specrage.methods.common.MiniBatchLoop;
import org.specrage.methods.common.ModelFiles;
import org.specrage.methods.common.OrthoBatches;
import org.specrage.methods.common.Orthonormalizer;
import org.specrage.methods.common.Recovery;
import org.specrage.methods.common.RowAffinity;
import org.specrage.methods.common.RowInput;
import org.specrage.methods.common.StageReporter;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.common.StepFailure;
import org.specrage.methods.common.TrainingListener;
import org.specrage.nn.BatchSampler;
import org.specrage.nn.Mlp;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;
import org.specrage.tensor.linalg.Cholesky;
import org.specrage.tensor.linalg.NotPositiveDefiniteException;
import org.specrage.tensor.linalg.TriangularSolve;

/**
 * SpectralNet's training loop. Each step draws an ortho batch and, separately, a gradient batch:
 * A comes from the ortho batch's output (on the tape, or as a constant), the gradient batch's output
 * times A is the embedding, and the loss uses the gradient batch's affinity in the affinity space.
 * The learning rate drops on plateaus of the epoch's mean loss; training stops at the epoch limit
 * or once the learning rate is below its minimum.
 */
final class SpectralNetTrainer {
    static final String STAGE = "spectralnet";

    /** Test hook: may change a batch's network input (on the tape) before the forward pass. */
    interface BatchHook {
        void beforeForward(int step, boolean orthoBatch, float[] inputs, int rows, int cols);
    }

    static BatchHook hook; // only tests set it

    private final Mlp net;
    private final RowInput inputs;
    /** The same rows with their own batch buffer: the ortho batch shares the tape with the gradient batch. */
    private final RowInput orthoInputs;
    private final RowAffinity rowAffinity;
    private final SpectralNetOptions options;
    private final TrainingListener listener;
    private final SplittableRandom random;
    private final SpectralLoss spectralLoss;
    private final Orthonormalizer ortho;
    private final Tape tape = new Tape();
    private final Tape orthoTape = new Tape();
    private final int batch;
    private float[] w;
    private FMatrix projected;
    private FMatrix laplacianTimesY;
    private FMatrix embedded;
    private int stepCount;

    SpectralNetTrainer(Mlp net, RowInput inputs, RowInput affinitySpace, SpectralNetOptions options, double fixedSigma,
                       SplittableRandom random, TrainingListener listener) {
        this.net = net;
        this.inputs = inputs;
        this.orthoInputs = inputs.withOwnBuffer();
        this.options = options;
        this.listener = listener;
        this.random = random;
        this.spectralLoss = new SpectralLoss(options.normalizedLoss());
        this.ortho = new Orthonormalizer(options.ortho());
        this.batch = Math.min(options.training().batchSize(), inputs.rows());
        this.rowAffinity = new RowAffinity(affinitySpace, new BatchAffinity(options.neighbors(), options.scaleK(), options.scale(), fixedSigma), batch);
        if (batch < options.embeddingDim()) {
            throw new IllegalArgumentException("SpectralNet needs at least embedding-dim = " + options.embeddingDim()
                    + " rows per batch to orthonormalise, got " + batch);
        }
    }

    StageSummary train() {
        BatchSampler gradientBatches = new BatchSampler(inputs.rows(), batch, true, random.nextLong());
        OrthoBatches orthoBatches = new OrthoBatches(inputs.rows(), batch, random.nextLong());
        w = new float[batch * batch];
        return MiniBatchLoop.run(STAGE, net.parameters(), options.training(), gradientBatches, batch, listener, new MiniBatchLoop.Body() {
            @Override
            public double step(int[] order, int from) throws StepFailure {
                int orthoFrom = orthoBatches.nextStart();
                return SpectralNetTrainer.this.step(orthoBatches.order(), orthoFrom, order, from);
            }

            @Override
            public void epochReported(int epoch, StageReporter reporter) {
                ortho.reportJitter(epoch, reporter);
            }
        });
    }

    private double step(int[] orthoOrder, int orthoFrom, int[] order, int from) throws StepFailure {
        int step = stepCount++;
        tape.reset();
        if (!options.gradientThroughOrtho()) return constantOrthoStep(step, orthoOrder, orthoFrom, order, from);
        Tensor a = ortho.onTape(tape, forwardBatch(orthoInputs, step, true, orthoOrder, orthoFrom));
        Tensor y = forwardBatch(inputs, step, false, order, from).matmul(a);
        rowAffinity.compute(order, from, batch, w);
        Tensor loss = spectralLoss.loss(tape, y, w);
        double value = loss.item();
        Recovery.requireFiniteLoss(value);
        tape.backward(loss);
        Recovery.requireFiniteGradients(net.parameters());
        return value;
    }

    /**
     * A step with A a constant computed from the ortho batch (no gradient reaches the ortho batch).
     * The gradient G = (4/m^2) L Y A^T with respect to the gradient batch's output Y~ is projected off
     * span(Y~): those directions only rescale or mix the columns, which A undoes at the next step,
     * and left in they let the network shrink its outputs until they are rank-deficient.
     */
    private double constantOrthoStep(int step, int[] orthoOrder, int orthoFrom, int[] order, int from) throws StepFailure {
        Tensor orthoOut;
        if (hook != null) {
            orthoOut = forwardBatch(orthoInputs, step, true, orthoOrder, orthoFrom);
        } else {
            orthoTape.reset(); // no gradient reaches the ortho batch: a tape of its own
            orthoOut = orthoInputs.forward(net, orthoTape, orthoOrder, orthoFrom, orthoFrom + batch);
        }
        DMatrix a = ortho.constant(orthoOut.value());
        Tensor yTilde = forwardBatch(inputs, step, false, order, from);
        int m = batch, k = a.rows;
        float[] yt = yTilde.data();
        if (projected == null) {
            projected = new FMatrix(m, k);
            laplacianTimesY = new FMatrix(m, k);
            embedded = new FMatrix(m, k);
        }
        FMatrix y = ModelFiles.multiplyInto(yTilde.value(), a, embedded);
        rowAffinity.compute(order, from, batch, w);
        FMatrix lap = spectralLoss.laplacian(w, m);
        Blas.sgemm(false, false, 1f, lap, y, 0f, laplacianTimesY);
        double loss = 0;
        for (int i = 0; i < m * k; i++) loss += (double) y.data[i] * laplacianTimesY.data[i];
        loss *= 2.0 / ((double) m * m);
        Recovery.requireFiniteLoss(loss);
        // G = (4/m^2) (L Y) A^T, then G - Y~ (Y~^T Y~)^-1 Y~^T G
        float[] g = projected.data;
        double c = 4.0 / ((double) m * m);
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int j = 0; j < k; j++) s += laplacianTimesY.data[r * k + j] * a.data[i * k + j];
                g[r * k + i] = (float) (c * s);
            }
        }
        DMatrix gram = Orthonormalizer.gram(yTilde.value());
        DMatrix cross = new DMatrix(k, k);
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) cross.data[i * k + j] += (double) yt[r * k + i] * g[r * k + j];
        }
        DMatrix coefficients;
        try {
            DMatrix l = Cholesky.forward(gram);
            coefficients = TriangularSolve.forward(l, TriangularSolve.forward(l, cross, TriangularSolve.Side.LEFT, false),
                    TriangularSolve.Side.LEFT, true);
        } catch (NotPositiveDefiniteException e) {
            throw new StepFailure("the gradient batch's output is rank-deficient (" + e.getMessage() + ")");
        }
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int i = 0; i < k; i++) s += yt[r * k + i] * coefficients.data[i * k + j];
                g[r * k + j] -= (float) s;
            }
        }
        tape.backward(yTilde, g);
        Recovery.requireFiniteGradients(net.parameters());
        return loss;
    }

    /**
     * The network's output for rows order[from..from + batch) of the given rows, on the main tape.
     * Dense rows are copied onto the tape (where the test hook may change them); sparse rows go to the
     * first layer as they are (the hook is for dense inputs only).
     */
    private Tensor forwardBatch(RowInput rows, int step, boolean orthoBatch, int[] order, int from) {
        if (rows.isSparse()) {
            if (hook != null) throw new IllegalStateException("the test hook changes dense inputs; these rows are sparse");
            return rows.forward(net, tape, order, from, from + batch);
        }
        Tensor input = tape.inputRows(rows.toDense(), order, from, from + batch);
        if (hook != null) hook.beforeForward(step, orthoBatch, input.data(), input.rows, input.cols);
        return net.forward(input);
    }
}
