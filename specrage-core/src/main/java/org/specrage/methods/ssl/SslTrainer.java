package org.specrage.methods.ssl;

import org.specrage.data.augment.AugmentationPipeline;
import org.specrage.data.augment.ImageShape;
import org.specrage.linalg.FMatrix;
import org.specrage.nn.BatchSampler;
import org.specrage.optim.Adam;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;
import org.specrage.util.Progress;

/**
 * Trains an MLP encoder with a self-supervised loss: each step draws B training rows, makes two
 * augmented views of each ([view 0 rows; view 1 rows]), and minimises the loss on the projector
 * outputs with G = the views relation of the batch. Adam (decoupled weight decay), learning rate
 * warmed up linearly over the first 5% of the run, then cosine-decayed to 1% of its peak. With a
 * time limit the run's progress is the larger of the step fraction and the time fraction, so the
 * schedule completes by the limit even when the machine is slower than the epochs assumed.
 */
public final class SslTrainer {
    private SslTrainer() {
    }

    public static SslEncoder fit(FMatrix trainImages, SslOptions options) {
        return fit(trainImages, options, Progress.NONE);
    }

    public static SslEncoder fit(FMatrix trainImages, SslOptions options, Progress progress) {
        int n = trainImages.rows, p = trainImages.cols;
        int b = options.batchSize();
        if (n < b) throw new IllegalArgumentException("batch size " + b + " exceeds the " + n + " training rows");
        AugmentationPipeline augment = options.augmentation() != null ? options.augmentation() : AugmentationPipeline.defaultsFor(ImageShape.square(p));
        if (augment.shape().pixels() != p) throw new IllegalArgumentException("augmentation shape " + augment.shape() + " does not match " + p + " columns");
        SslLoss loss = options.effectiveLoss();
        SslNetwork network = new SslNetwork(p, options.encoderSizes(), options.projectorSizes(), options.activation(), options.seed());
        Adam adam = new Adam(network.parameters(), options.learningRate(), 0.9, 0.999, 1e-8, options.weightDecay(), true);
        BatchSampler sampler = new BatchSampler(n, b, true, options.seed() + 2);
        RelationBatch relation = RelationBatch.views(b, 2);
        FMatrix scaled = new FMatrix(b, p);
        FMatrix views = new FMatrix(2 * b, p);
        int[] identity = new int[b];
        for (int i = 0; i < b; i++) identity[i] = i;
        Tape tape = new Tape();

        long totalSteps = (long) options.epochs() * sampler.batches();
        double[] epochLosses = new double[options.epochs()];
        int epochsRun = 0;
        long step = 0;
        double augmentNanos = 0;
        boolean timedOut = false;
        long start = System.nanoTime();
        float scale = options.inputScale();
        progress.start("ssl " + options.method().cliName(), totalSteps);
        for (int epoch = 0; epoch < options.epochs() && !timedOut; epoch++) {
            sampler.shuffle();
            int[] order = sampler.order();
            double sum = 0;
            int count = 0;
            for (int batch = 0; batch < sampler.batches(); batch++) {
                long t0 = System.nanoTime();
                int from = sampler.batchStart(batch);
                for (int i = 0; i < b; i++) {
                    int src = order[from + i] * p, dst = i * p;
                    for (int c = 0; c < p; c++) scaled.data[dst + c] = trainImages.data[src + c] * scale;
                }
                long viewSeed = options.seed() * 0x9E3779B97F4A7C15L + step;
                augment.augmentRows(scaled, identity, 0, b, views, 0, viewSeed);
                augment.augmentRows(scaled, identity, 0, b, views, b, viewSeed);
                augmentNanos += System.nanoTime() - t0;

                tape.reset();
                Tensor z = network.forward(tape.input(views));
                Tensor value = loss.loss(tape, z, relation);
                float v = value.item();
                if (!Float.isFinite(v)) throw new org.specrage.methods.common.TrainingFailedException(loss.name() + " loss became " + v + " at epoch " + epoch + ", step " + step + ": lower the learning rate");
                tape.backward(value);
                double done = (double) step / totalSteps;
                if (options.maxSeconds() > 0) done = Math.max(done, (System.nanoTime() - start) / 1e9 / options.maxSeconds());
                adam.setLearningRate(learningRate(options.learningRate(), done));
                adam.step();
                adam.zeroGrad();
                sum += v;
                count++;
                step++;
                progress.advance(1);
                if (options.maxSeconds() > 0 && (System.nanoTime() - start) / 1e9 > options.maxSeconds()) {
                    timedOut = epoch < options.epochs() - 1 || batch < sampler.batches() - 1;
                    if (timedOut) break;
                }
            }
            epochLosses[epochsRun++] = sum / Math.max(1, count);
            progress.status(String.format(java.util.Locale.ROOT, "epoch %d loss %.5f", epoch + 1, sum / Math.max(1, count)));
        }
        tape.reset();
        progress.done();
        double seconds = (System.nanoTime() - start) / 1e9;
        SslTrainingHistory history = new SslTrainingHistory(SslExperiments.describe(loss), java.util.Arrays.copyOf(epochLosses, epochsRun),
                step, step * b, seconds, augmentNanos / 1e9, timedOut);
        return new SslEncoder(network, scale, history);
    }

    /** Fraction of the run spent warming up. */
    static final double WARMUP = 0.05;

    /** Learning rate at a fraction {@code done} of the run: linear warm-up, then cosine decay from the peak to 1% of it. */
    static double learningRate(double peak, double done) {
        double floor = 0.01 * peak;
        if (done < WARMUP) return floor + (peak - floor) * done / WARMUP;
        double progress = Math.min(1, (done - WARMUP) / (1 - WARMUP));
        return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
