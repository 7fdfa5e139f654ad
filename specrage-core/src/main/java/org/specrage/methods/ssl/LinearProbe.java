package org.specrage.methods.ssl;

import java.util.List;
import org.specrage.linalg.FMatrix;
import org.specrage.nn.BatchSampler;
import org.specrage.optim.Adam;
import org.specrage.tensor.MatrixOps;
import org.specrage.tensor.Reductions;
import org.specrage.tensor.Softmax;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * Multinomial logistic regression on fixed features, fitted on training rows only: features are
 * standardised with the training rows' mean and standard deviation, then softmax cross-entropy
 * plus an L2 penalty on the weights is minimised with mini-batch Adam (cosine-decayed learning
 * rate). The standard "linear probe" of self-supervised representations.
 */
public final class LinearProbe {
    /**
     * @param epochs       passes over the training rows
     * @param batchSize    rows per step
     * @param learningRate Adam's initial learning rate
     * @param l2           weight of (1/2) ||W||^2 added to the mean cross-entropy
     * @param seed         drives initialisation and batches
     */
    public record Options(int epochs, int batchSize, double learningRate, double l2, long seed) {
        public Options {
            if (epochs < 1) throw new IllegalArgumentException("epochs must be positive, got " + epochs);
            if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
            LossTerms.requirePositive("learning rate", learningRate);
            LossTerms.requireNonNegative("l2", l2);
        }

        /** 30 epochs, batch 512, learning rate 1e-2, l2 1e-4, seed 0. */
        public static Options defaults() {
            return new Options(30, 512, 1e-2, 1e-4, 0);
        }

        public Options withSeed(long value) {
            return new Options(epochs, batchSize, learningRate, l2, value);
        }

        public Options withEpochs(int value) {
            return new Options(value, batchSize, learningRate, l2, seed);
        }
    }

    private final float[] mean;
    private final float[] invStd;
    private final FMatrix weights;
    private final float[] bias;

    private LinearProbe(float[] mean, float[] invStd, FMatrix weights, float[] bias) {
        this.mean = mean;
        this.invStd = invStd;
        this.weights = weights;
        this.bias = bias;
    }

    /** Fits the probe on training features and labels 0..C-1 (C = largest label + 1). */
    public static LinearProbe fit(FMatrix features, int[] labels, Options options) {
        if (labels.length != features.rows) throw new IllegalArgumentException(features.rows + " feature rows but " + labels.length + " labels");
        int classes = 0;
        for (int y : labels) {
            if (y < 0) throw new IllegalArgumentException("labels must be >= 0 (unlabelled rows cannot train a probe), got " + y);
            classes = Math.max(classes, y + 1);
        }
        if (classes < 2) throw new IllegalArgumentException("a probe needs at least two classes");
        int n = features.rows, d = features.cols;
        float[] mean = new float[d], invStd = new float[d];
        double[] s = new double[d], s2 = new double[d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                double v = features.data[i * d + c];
                s[c] += v;
                s2[c] += v * v;
            }
        }
        for (int c = 0; c < d; c++) {
            double m = s[c] / n, var = Math.max(0, s2[c] / n - m * m);
            mean[c] = (float) m;
            invStd[c] = var > 1e-12 ? (float) (1 / Math.sqrt(var)) : 1f;
        }
        FMatrix x = standardize(features, mean, invStd);
        FMatrix oneHot = new FMatrix(n, classes);
        for (int i = 0; i < n; i++) oneHot.data[i * classes + labels[i]] = 1f;

        Tensor w = Tensor.parameter(d, classes);
        Tensor b = Tensor.parameter(1, classes);
        Adam adam = new Adam(List.of(w, b), options.learningRate());
        int batch = Math.min(options.batchSize(), n);
        BatchSampler sampler = new BatchSampler(n, batch, false, options.seed());
        Tape tape = new Tape();
        long total = (long) options.epochs() * sampler.batches(), step = 0;
        float l2 = (float) options.l2();
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            sampler.shuffle();
            for (int k = 0; k < sampler.batches(); k++) {
                int from = sampler.batchStart(k), to = sampler.batchEnd(k);
                tape.reset();
                Tensor xb = tape.inputRows(x, sampler.order(), from, to);
                Tensor yb = tape.inputRows(oneHot, sampler.order(), from, to);
                Tensor logits = MatrixOps.linear(xb, tape.watch(w), tape.watch(b));
                Tensor nll = Reductions.mean(Softmax.rowLogSumExp(logits).sub(logits.mul(yb).rowSum()));
                Tensor loss = l2 > 0 ? nll.add(tape.watch(w).square().sum().mul(0.5f * l2)) : nll;
                tape.backward(loss);
                adam.setLearningRate(options.learningRate() * 0.5 * (1 + Math.cos(Math.PI * step / total)) + 1e-6);
                adam.step();
                adam.zeroGrad();
                step++;
            }
        }
        tape.reset();
        return new LinearProbe(mean, invStd, new FMatrix(d, classes, w.data().clone()), b.data().clone());
    }

    private static FMatrix standardize(FMatrix f, float[] mean, float[] invStd) {
        int d = f.cols;
        FMatrix out = new FMatrix(f.rows, d);
        for (int i = 0; i < f.rows; i++) {
            for (int c = 0; c < d; c++) out.data[i * d + c] = (f.data[i * d + c] - mean[c]) * invStd[c];
        }
        return out;
    }

    /** The most likely class of each row. */
    public int[] predict(FMatrix features) {
        int d = mean.length, classes = bias.length;
        if (features.cols != d) throw new IllegalArgumentException("features have " + features.cols + " columns, the probe was fitted on " + d);
        int[] out = new int[features.rows];
        double[] z = new double[d];
        for (int i = 0; i < features.rows; i++) {
            for (int c = 0; c < d; c++) z[c] = (features.data[i * d + c] - mean[c]) * invStd[c];
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double score = bias[k];
                for (int c = 0; c < d; c++) score += z[c] * weights.data[c * classes + k];
                if (score > bestScore) {
                    bestScore = score;
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** Fraction of rows whose predicted class equals the label. */
    public double accuracy(FMatrix features, int[] labels) {
        if (labels.length != features.rows) throw new IllegalArgumentException(features.rows + " feature rows but " + labels.length + " labels");
        int[] p = predict(features);
        int right = 0;
        for (int i = 0; i < p.length; i++) if (p[i] == labels[i]) right++;
        return p.length == 0 ? Double.NaN : (double) right / p.length;
    }

    public int classCount() {
        return bias.length;
    }

    /** The weights (features x classes) on standardised features (a copy). */
    public FMatrix weights() {
        return weights.copy();
    }

    /** The class biases (a copy). */
    public float[] bias() {
        return bias.clone();
    }

    /** The rows standardised with the training statistics. */
    public FMatrix standardizeFeatures(FMatrix features) {
        if (features.cols != mean.length) throw new IllegalArgumentException("features have " + features.cols + " columns, the probe was fitted on " + mean.length);
        return standardize(features, mean, invStd);
    }
}
