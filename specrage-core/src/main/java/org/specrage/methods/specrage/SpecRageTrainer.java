package org.specrage.methods.specrage;

import java.util.ArrayList;
import java.util.List;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.nn.BatchSampler;
import org.specrage.optim.Adam;
import org.specrage.optim.ReduceLrOnPlateau;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * The SpecRaGE training loop. Each step draws an ortho batch and an independent gradient batch
 * (both of m = min(batch size, n) rows, so n below the batch size trains on full batches), gets
 * the orthonormalisation matrix A from the ortho batch, builds each view's kNN affinity on the
 * gradient batch (in that view's affinity space, at most m - 1 neighbours), and takes an Adam step
 * on the joint-diagonalisation loss. Epoch losses drive the plateau schedule.
 */
final class SpecRageTrainer {
    private final SpecRageNetwork net;
    private final ViewRows[] inputs;
    private final ViewRows[] affinitySpaces;
    private final SpecRageOptions options;
    private final long seed;
    private static final boolean DEBUG = Boolean.getBoolean("specrage.debug");

    /** Epoch losses, timings and the final orthonormalisation (computed on all training rows). */
    record Result(FMatrix ortho, List<Double> epochLosses, double seconds, double samplesPerSecond, int failedSteps, String stopReason) {
    }

    /**
     * @param inputs         each view's network input rows
     * @param affinitySpaces each view's rows in the space its affinity is computed in (may be the same object as the input)
     */
    SpecRageTrainer(SpecRageNetwork net, ViewRows[] inputs, ViewRows[] affinitySpaces, SpecRageOptions options, long seed) {
        this.net = net;
        this.inputs = inputs;
        this.affinitySpaces = affinitySpaces;
        this.options = options;
        this.seed = seed;
    }

    Result train() {
        int n = inputs[0].rows();
        int views = inputs.length;
        int k = net.embeddingDim();
        int m = Math.min(options.batchSize(), n);
        if (m <= k) {
            throw new IllegalArgumentException("a batch of " + m + " rows cannot orthonormalise k = " + k
                    + " columns: use more training rows or a larger batch size");
        }
        BatchSampler gradBatches = new BatchSampler(n, m, true, seed);
        BatchSampler orthoBatches = new BatchSampler(n, m, true, seed ^ 0x9E3779B97F4A7C15L);
        Adam adam = new Adam(net.parameters(), options.learningRate());
        ReduceLrOnPlateau plateau = new ReduceLrOnPlateau(adam, options.lrFactor(), options.lrPatience(), 1e-4, 0, 0);
        InterimBatchAffinity affinity = new InterimBatchAffinity(options.neighbors(), options.scaleK());

        FMatrix[] orthoIn = new FMatrix[views];
        FMatrix[] gradIn = new FMatrix[views];
        FMatrix[] affinityIn = new FMatrix[views];
        FMatrix[] w = new FMatrix[views];
        for (int v = 0; v < views; v++) {
            orthoIn[v] = new FMatrix(m, inputs[v].cols());
            gradIn[v] = new FMatrix(m, inputs[v].cols());
            affinityIn[v] = affinitySpaces[v] == inputs[v] ? gradIn[v] : new FMatrix(m, affinitySpaces[v].cols());
            w[v] = new FMatrix(m, m);
        }
        Tape tape = new Tape();
        Tape orthoTape = new Tape();
        FMatrix aFloat = new FMatrix(k, k);
        List<Double> losses = new ArrayList<>();
        long start = System.nanoTime();
        long samples = 0;
        int failed = 0, consecutive = 0;
        String stop = "max epochs";
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            gradBatches.shuffle();
            orthoBatches.shuffle();
            double sum = 0;
            int count = 0;
            for (int b = 0; b < gradBatches.batches(); b++) {
                tape.reset();
                Tensor a;
                try {
                    a = orthoMatrix(tape, orthoTape, orthoBatches, b, orthoIn, aFloat);
                } catch (IllegalArgumentException e) { // rank-deficient ortho batch output
                    failed++;
                    if (DEBUG) System.err.println("epoch " + epoch + " batch " + b + ": " + e.getMessage());
                    if (++consecutive > 5) throw new IllegalStateException("training failed: " + e.getMessage(), e);
                    continue;
                }
                int[] order = gradBatches.order();
                int from = gradBatches.batchStart(b), to = gradBatches.batchEnd(b);
                Tensor[] in = new Tensor[views];
                for (int v = 0; v < views; v++) {
                    inputs[v].gather(order, from, to, gradIn[v]);
                    if (affinityIn[v] != gradIn[v]) affinitySpaces[v].gather(order, from, to, affinityIn[v]);
                    affinity.compute(affinityIn[v].data, m, affinityIn[v].cols, w[v].data);
                    in[v] = tape.input(gradIn[v]);
                }
                SpecRageNetwork.Output out = net.forward(tape, in);
                Tensor y = out.fused().matmul(a);
                Tensor loss = JointDiagonalizationLoss.of(tape, y, out.weights(), w);
                float value = loss.item();
                if (!Float.isFinite(value)) {
                    failed++;
                    if (++consecutive > 5) throw new IllegalStateException("training failed: the loss is " + value);
                    continue;
                }
                tape.backward(loss);
                adam.step();
                adam.zeroGrad();
                consecutive = 0;
                sum += value;
                count++;
                samples += m;
            }
            double epochLoss = count == 0 ? Double.NaN : sum / count;
            losses.add(epochLoss);
            if (DEBUG) System.err.printf("epoch %d loss %.6f lr %.2e%n", epoch, epochLoss, adam.learningRate());
            if (Double.isFinite(epochLoss)) plateau.step(epochLoss);
            if (adam.learningRate() < options.minLearningRate()) {
                stop = "min learning rate";
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        tape.reset();
        orthoTape.reset();
        FMatrix fused = FusedForward.apply(net, inputs).fused();
        FMatrix ortho = InterimOrthonormalizer.constant(fused).toFloat();
        return new Result(ortho, losses, seconds, samples / seconds, failed, stop);
    }

    /** A for this step: on the training tape (gradient through A) or a constant from a separate forward pass. */
    private Tensor orthoMatrix(Tape tape, Tape orthoTape, BatchSampler batches, int b, FMatrix[] buffers, FMatrix aFloat) {
        int[] order = batches.order();
        int from = batches.batchStart(b), to = batches.batchEnd(b);
        int views = buffers.length;
        Tape target = options.orthoGradient() ? tape : orthoTape;
        if (!options.orthoGradient()) orthoTape.reset();
        Tensor[] in = new Tensor[views];
        for (int v = 0; v < views; v++) {
            inputs[v].gather(order, from, to, buffers[v]);
            in[v] = target.input(buffers[v]);
        }
        Tensor fused = net.forward(target, in).fused();
        if (options.orthoGradient()) return InterimOrthonormalizer.onTape(tape, fused);
        DMatrix a = InterimOrthonormalizer.constant(fused.value());
        for (int i = 0; i < a.data.length; i++) aFloat.data[i] = (float) a.data[i];
        return tape.input(aFloat);
    }
}
