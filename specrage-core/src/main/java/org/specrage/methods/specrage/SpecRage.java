package org.specrage.methods.specrage;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.specrage.cluster.KMeansResult;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.graph.Affinity;
import org.specrage.graph.KnnSearch;
import org.specrage.graph.Metric;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.autoencoder.Autoencoder;
import org.specrage.methods.common.BatchScale;
import org.specrage.methods.common.ClusterCentroids;
import org.specrage.methods.common.Inference;
import org.specrage.methods.common.InputPipeline;
import org.specrage.methods.common.ModelFiles;
import org.specrage.methods.common.Orthonormalizer;
import org.specrage.methods.common.StageReporter;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.common.StepFailure;
import org.specrage.methods.common.TrainedNetwork;
import org.specrage.methods.common.TrainingFailedException;
import org.specrage.methods.common.TrainingListener;
import org.specrage.methods.siamese.SiameseNet;
import org.specrage.nn.Mlp;
import org.specrage.util.Progress;

/**
 * SpecRaGE (Yacobi, Lindenbaum, Shaham, TMLR 2025): multi-view spectral embedding learnt by one
 * network per view, fused per sample with softmax weights from a fusion network, and trained on the
 * joint diagonalisation of the views' batch Laplacians, each view's affinity weighted by the fusion
 * weights (W~_ij = W_ij alpha_i alpha_j), so a view that disagrees with the embedding for a sample
 * (an outlier, noise) loses weight for that sample.
 *
 * <p>Pipeline of {@link #fit}: scale each view (scalers fitted on the training rows, kept in the
 * model); per view, train an autoencoder and switch to its codes (optional); per view, train a
 * Siamese net whose output is that view's affinity space (optional); scale rows to unit length for
 * cosine views; train; compute the orthonormalisation matrix A once more from the whole training set;
 * k-means on the training embedding.
 */
public final class SpecRage {
    private SpecRage() {
    }

    /** Trains on every row of {@code train} (labels are ignored). */
    public static SpecRageModel fit(MultiViewData train, SpecRageOptions options, TrainingListener listener) {
        int n = train.rows();
        int views = train.viewCount();
        options.checkViews(views);
        if (n < 2) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "SpecRaGE needs at least 2 training rows, got " + n);
        if (options.k() > n) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "k (" + options.k() + ") is larger than the number of training rows (" + n + ")");
        }
        if (listener == null) listener = TrainingListener.NONE;
        SplittableRandom random = org.specrage.util.Seeds.stream(options.seed(), "specrage");
        List<StageSummary> stages = new ArrayList<>();

        InputPipeline[] pipeline = new InputPipeline[1];
        FMatrix[][] features = new FMatrix[1][];
        stages.add(StageReporter.untrained("preprocess", listener, () -> {
            pipeline[0] = InputPipeline.fit(train, options.preprocess());
            features[0] = ViewRows.split(pipeline[0].features(train), pipeline[0].viewDims());
        }));
        FMatrix[] x = features[0];

        List<Mlp> encoders = null;
        long autoencoderSeed = random.nextLong();
        if (options.autoencoder() != null) {
            encoders = new ArrayList<>();
            SplittableRandom aeSeeds = new SplittableRandom(autoencoderSeed);
            for (int v = 0; v < views; v++) {
                Autoencoder.Result ae = Autoencoder.train(x[v], options.autoencoder(), aeSeeds.nextLong(), listener);
                stages.add(ae.summary());
                encoders.add(ae.encoder());
                x[v] = Inference.apply(ae.encoder(), x[v]);
            }
        }

        FMatrix[] spaces = x.clone();
        long siameseSeed = random.nextLong();
        if (options.siamese() != null) {
            SplittableRandom siameseSeeds = new SplittableRandom(siameseSeed);
            for (int v = 0; v < views; v++) {
                TrainedNetwork siamese = SiameseNet.train(x[v], options.siamese(), siameseSeeds.nextLong(), listener);
                stages.add(siamese.summary());
                spaces[v] = Inference.apply(siamese.network(), x[v]);
            }
        }
        for (int v = 0; v < views; v++) if (options.metric(v) == Metric.COSINE) spaces[v] = ViewRows.unitRows(spaces[v]);

        double[] sigmas = new double[views];
        if (options.scale() == BatchScale.FIXED) {
            stages.add(StageReporter.untrained("scale", listener, () -> {
                for (int v = 0; v < views; v++) sigmas[v] = datasetScale(spaces[v], options.scaleK());
            }));
        }

        int[] dims = new int[views];
        long[] netSeeds = new long[views + 1];
        for (int v = 0; v < views; v++) dims[v] = x[v].cols;
        for (int i = 0; i < netSeeds.length; i++) netSeeds[i] = random.nextLong();
        SpecRageNetwork net = SpecRageNetwork.create(dims, options.network(), options.k(), options.fusion(), options.fusionHidden(),
                options.temperature(), netSeeds);
        stages.add(new SpecRageTrainer(net, x, spaces, sigmas, options, random.split(), listener).train());

        DMatrix[] ortho = new DMatrix[1];
        FMatrix[] embedding = new FMatrix[1];
        stages.add(StageReporter.untrained("orthonormalisation", listener, () -> {
            FMatrix fused = FusedForward.apply(net, x).fused();
            try {
                ortho[0] = new Orthonormalizer(options.ortho()).constant(fused);
            } catch (StepFailure e) {
                throw new TrainingFailedException("SpecRaGE: the trained network's output on the training set cannot be orthonormalised: "
                        + e.getMessage() + ". Try a lower learning rate or fewer clusters (k).");
            }
            embedding[0] = ModelFiles.multiply(fused, ortho[0]);
        }));

        KMeansResult[] clusters = new KMeansResult[1];
        long kmeansSeed = random.nextLong();
        stages.add(StageReporter.untrained("k-means", listener,
                () -> clusters[0] = ClusterCentroids.fit(embedding[0], options.k(), options.kmeansRestarts(), kmeansSeed)));
        return new SpecRageModel(options, pipeline[0], encoders, net, ortho[0], clusters[0].centroids(), stages);
    }

    /** Trains without progress events. */
    public static SpecRageModel fit(MultiViewData train, SpecRageOptions options) {
        return fit(train, options, TrainingListener.NONE);
    }

    /** The global bandwidth of one view: median over training rows of the distance to their scale_k-th exact neighbour. */
    static double datasetScale(FMatrix space, int scaleK) {
        if (scaleK >= space.rows) throw new IllegalArgumentException("scale-k (" + scaleK + ") must be smaller than the number of rows (" + space.rows + ")");
        return Affinity.globalScale(KnnSearch.exact(space, scaleK, Metric.EUCLIDEAN, Progress.NONE), scaleK);
    }
}
