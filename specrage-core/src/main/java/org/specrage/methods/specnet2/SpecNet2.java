package org.specrage.methods.specnet2;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.specrage.cluster.KMeansResult;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.graph.Affinity;
import org.specrage.graph.AffinityKind;
import org.specrage.graph.KnnGraph;
import org.specrage.graph.KnnSearch;
import org.specrage.graph.Metric;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.autoencoder.Autoencoder;
import org.specrage.methods.common.ClusterCentroids;
import org.specrage.methods.common.FourierFeatures;
import org.specrage.methods.common.Inference;
import org.specrage.methods.common.InputPipeline;
import org.specrage.methods.common.ModelFiles;
import org.specrage.methods.common.StageReporter;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.common.TrainingListener;
import org.specrage.nn.Mlp;
import org.specrage.util.Progress;

/**
 * SpecNet2 (Chen, Li and Cheng, MSML 2022): an orthogonalisation-free objective whose minimisers
 * span the top non-trivial eigenvectors of W v = lambda D v, trained with full, local or
 * neighbour-sampled gradients, followed by the Rayleigh-Ritz recovery of eigenvectors and
 * eigenvalues, which also maps new rows.
 *
 * <p>Pipeline of {@link #fit}: scale and join the views; optional autoencoder codes; the exact kNN
 * graph of the training rows with Gaussian weights (sigma^2 convention, global or local scale);
 * training; Rayleigh-Ritz on all training rows; k-means on the recovered eigenvectors.
 */
public final class SpecNet2 {
    private SpecNet2() {
    }

    public static SpecNet2Model fit(MultiViewData train, SpecNet2Options options, TrainingListener listener) {
        return fit(train, null, options, listener);
    }

    /**
     * As {@link #fit(MultiViewData, SpecNet2Options, TrainingListener)} with a given affinity
     * matrix over the training rows (n x n sparse, symmetric, non-negative) instead of the kNN graph;
     * null builds the kNN graph.
     */
    public static SpecNet2Model fit(MultiViewData train, CsrMatrix affinity, SpecNet2Options options, TrainingListener listener) {
        int n = train.rows();
        if (options.k() > n) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "k (" + options.k() + ") is larger than the number of training rows (" + n + ")");
        }
        if (options.embeddingDim() >= n) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "embedding dimension (" + options.embeddingDim()
                    + ") must be smaller than the number of training rows (" + n + ")");
        }
        if (affinity != null && (affinity.rows != n || affinity.cols != n)) {
            throw new IllegalArgumentException("the affinity is " + affinity.rows + " x " + affinity.cols + " but there are " + n + " training rows");
        }
        if (affinity == null && options.neighbors() >= n) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "neighbors (" + options.neighbors()
                    + ") must be smaller than the number of training rows (" + n + ")");
        }
        if (listener == null) listener = TrainingListener.NONE;
        SplittableRandom random = new SplittableRandom(options.seed());
        List<StageSummary> stages = new ArrayList<>();

        InputPipeline[] pipeline = new InputPipeline[1];
        FMatrix[] features = new FMatrix[1];
        stages.add(StageReporter.untrained("preprocess", listener, () -> {
            pipeline[0] = InputPipeline.fit(train, options.preprocess());
            features[0] = pipeline[0].features(train);
        }));
        FMatrix x = features[0];

        Mlp encoder = null;
        long autoencoderSeed = random.nextLong();
        if (options.autoencoder() != null) {
            Autoencoder.Result ae = Autoencoder.train(x, options.autoencoder(), autoencoderSeed, listener);
            stages.add(ae.summary());
            encoder = ae.encoder();
            x = Inference.apply(encoder, x);
        }

        SpecNet2Graph[] graph = new SpecNet2Graph[1];
        FMatrix graphInputs = x;
        stages.add(StageReporter.untrained("kNN graph", listener, () -> {
            CsrMatrix w = affinity;
            if (w == null) {
                KnnGraph knn = KnnSearch.exact(graphInputs, options.neighbors(), Metric.EUCLIDEAN, Progress.NONE);
                w = Affinity.build(knn, AffinityKind.GAUSSIAN, options.scale(), options.scaleK());
            }
            graph[0] = new SpecNet2Graph(w);
        }));

        long fourierSeed = random.nextLong();
        FourierFeatures fourier = options.fourierFeatures() > 0
                ? FourierFeatures.random(x.cols, options.fourierFeatures(), options.fourierScale(), fourierSeed) : null;
        if (fourier != null) x = fourier.apply(x);

        Mlp net = options.network().build(x.cols, options.embeddingDim(), random.nextLong());
        stages.add(new SpecNet2Trainer(net, x, graph[0], options, random.split(), listener).train());

        FMatrix netInputs = x;
        RayleighRitz.Result[] ritz = new RayleighRitz.Result[1];
        FMatrix[] embedding = new FMatrix[1];
        stages.add(StageReporter.untrained("rayleigh-ritz", listener, () -> {
            FMatrix z = Inference.apply(net, netInputs);
            ritz[0] = RayleighRitz.solve(graph[0], z);
            embedding[0] = ModelFiles.multiply(z, ritz[0].recovery());
        }));

        KMeansResult[] clusters = new KMeansResult[1];
        long kmeansSeed = random.nextLong();
        stages.add(StageReporter.untrained("k-means", listener,
                () -> clusters[0] = ClusterCentroids.fit(embedding[0], options.k(), options.kmeansRestarts(), kmeansSeed)));
        return new SpecNet2Model(options, pipeline[0], encoder, fourier, net, ritz[0].recovery(), ritz[0].eigenvalues(),
                clusters[0].centroids(), stages, graph[0].volume);
    }
}
