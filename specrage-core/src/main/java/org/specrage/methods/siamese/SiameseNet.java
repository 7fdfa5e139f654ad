package org.specrage.methods.siamese;

import java.util.SplittableRandom;
import org.specrage.graph.KnnGraph;
import org.specrage.graph.Metric;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.MiniBatchLoop;
import org.specrage.methods.common.Recovery;
import org.specrage.methods.common.RowInput;
import org.specrage.methods.common.StageReporter;
import org.specrage.methods.common.StepFailure;
import org.specrage.methods.common.TrainedNetwork;
import org.specrage.methods.common.TrainingListener;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.nn.BatchSampler;
import org.specrage.nn.Mlp;
import org.specrage.tensor.RowOps;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * The Siamese affinity network (Shaham et al.): one MLP maps both points of a pair; positives are
 * exact nearest neighbours, negatives random non-neighbours, and the contrastive loss
 * mean(t d^2 + (1 - t) max(0, margin - d)^2), d the distance of the pair's outputs, pulls
 * neighbours together. A share of the points is held out: their pairs give the validation loss
 * that drives the learning-rate schedule and early stopping, and the best parameters are kept.
 */
public final class SiameseNet {
    public static final String STAGE = "siamese";
    private static final float DISTANCE_EPS = 1e-8f;

    private SiameseNet() {
    }

    /** Trains on the rows of x, finding the positives by exact kNN search. */
    public static TrainedNetwork train(FMatrix x, SiameseOptions options, long seed, TrainingListener listener) {
        return train(RowInput.of(x), options, seed, listener);
    }

    /** Trains on dense or sparse rows (sparse rows stay sparse, in the kNN search too), finding the positives by exact kNN search. */
    public static TrainedNetwork train(RowInput x, SiameseOptions options, long seed, TrainingListener listener) {
        if (options.neighbors() >= x.rows()) {
            throw new IllegalArgumentException("siamese neighbors (" + options.neighbors() + ") must be smaller than the number of rows (" + x.rows() + ")");
        }
        return train(x, x.knn(options.neighbors(), Metric.EUCLIDEAN), options, seed, listener);
    }

    /** Trains with the positives taken from the first {@code options.neighbors()} neighbours of a given exact kNN graph of x. */
    public static TrainedNetwork train(FMatrix x, KnnGraph graph, SiameseOptions options, long seed, TrainingListener listener) {
        return train(RowInput.of(x), graph, options, seed, listener);
    }

    private static TrainedNetwork train(RowInput x, KnnGraph graph, SiameseOptions options, long seed, TrainingListener listener) {
        if (graph.n() != x.rows()) throw new IllegalArgumentException("kNN graph has " + graph.n() + " points but the data " + x.rows() + " rows");
        if (x.rows() <= 2 * options.neighbors() + 1) {
            throw new IllegalArgumentException("the siamese net needs more than 2 * neighbors + 1 = " + (2 * options.neighbors() + 1) + " rows, got " + x.rows());
        }
        TrainingOptions t = options.training();
        SplittableRandom random = new SplittableRandom(seed);
        int[][] parts = holdOut(x.rows(), t.validationFraction(), random);
        SiamesePairs trainPairs = new SiamesePairs(parts[0], graph, options.neighbors(), random.split());
        SiamesePairs validationPairs = parts[1].length == 0 ? null : new SiamesePairs(parts[1], graph, options.neighbors(), random.split());
        Mlp net = options.network().build(x.cols(), options.outputDim(), random.nextLong());
        return new SiameseNet.Run(x, net, options, trainPairs, validationPairs, random, listener).train();
    }

    /** Anchors split into training and held-out points. */
    private static int[][] holdOut(int n, double fraction, SplittableRandom random) {
        int held = fraction > 0 ? (int) Math.min(n - 1, Math.max(1, Math.round(fraction * n))) : 0;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] validation = java.util.Arrays.copyOfRange(order, 0, held);
        int[] train = java.util.Arrays.copyOfRange(order, held, n);
        java.util.Arrays.sort(validation);
        java.util.Arrays.sort(train);
        return new int[][] {train, validation};
    }

    /** One training run (keeps the buffers of the steps); the body of its {@link MiniBatchLoop}. */
    private static final class Run implements MiniBatchLoop.Body {
        private final RowInput x;
        private final Mlp net;
        private final SiameseOptions options;
        private final SiamesePairs pairs;
        private final SiamesePairs validation;
        private final SplittableRandom random;
        private final TrainingListener listener;
        private final Tape tape = new Tape();
        private final int batch;
        private final int[] rows;
        private final FMatrix targets;
        private final FMatrix complements;

        Run(RowInput x, Mlp net, SiameseOptions options, SiamesePairs pairs, SiamesePairs validation, SplittableRandom random, TrainingListener listener) {
            this.x = x;
            this.net = net;
            this.options = options;
            this.pairs = pairs;
            this.validation = validation;
            this.random = random;
            this.listener = listener;
            this.batch = Math.min(options.training().batchSize(), pairs.size());
            this.rows = new int[2 * batch];
            this.targets = new FMatrix(batch, 1);
            this.complements = new FMatrix(batch, 1);
        }

        TrainedNetwork train() {
            BatchSampler sampler = new BatchSampler(pairs.size(), batch, true, random.nextLong());
            return new TrainedNetwork(net, MiniBatchLoop.run(STAGE, net.parameters(), options.training(), sampler, batch, listener, this));
        }

        @Override
        public void epochStarted(int epoch) {
            if (epoch > 0) pairs.redrawNegatives(random);
        }

        @Override
        public double monitored(StageReporter reporter) {
            return validation == null ? reporter.epochLoss() : validationLoss();
        }

        @Override
        public boolean monitorsValidation() {
            return validation != null;
        }

        @Override
        public boolean keepsBest() {
            return true;
        }

        /** Forward and backward of the pairs order[from .. from + batch); returns the loss. */
        @Override
        public double step(int[] order, int from) throws StepFailure {
            for (int i = 0; i < batch; i++) {
                int p = order[from + i];
                rows[i] = pairs.left[p];
                rows[batch + i] = pairs.right[p];
                targets.data[i] = pairs.target[p];
                complements.data[i] = 1f - pairs.target[p];
            }
            tape.reset();
            Tensor out = x.forward(net, tape, rows, 0, 2 * batch);
            Tensor diff = RowOps.sliceRows(out, 0, batch).sub(RowOps.sliceRows(out, batch, 2 * batch));
            Tensor d2 = diff.square().rowSum();
            Tensor hinge = d2.add(DISTANCE_EPS).sqrt().neg().add((float) options.margin()).relu().square();
            Tensor loss = tape.input(targets).mul(d2).add(tape.input(complements).mul(hinge)).mean();
            double value = loss.item();
            Recovery.requireFiniteLoss(value);
            tape.backward(loss);
            Recovery.requireFiniteGradients(net.parameters());
            return value;
        }

        /** The contrastive loss of the held-out pairs, in double. */
        private double validationLoss() {
            FMatrix y = x.apply(net);
            int d = y.cols;
            double total = 0;
            for (int p = 0; p < validation.size(); p++) {
                int a = validation.left[p] * d, b = validation.right[p] * d;
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double diff = (double) y.data[a + c] - y.data[b + c];
                    s += diff * diff;
                }
                double hinge = Math.max(0, options.margin() - Math.sqrt(s));
                total += validation.target[p] == 1f ? s : hinge * hinge;
            }
            return total / validation.size();
        }
    }
}
