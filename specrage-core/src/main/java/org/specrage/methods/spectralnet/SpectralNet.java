package org.specrage.methods.spectralnet;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.specrage.cluster.KMeansResult;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.graph.Affinity;
import org.specrage.graph.KnnGraph;
import org.specrage.graph.KnnSearch;
import org.specrage.graph.Metric;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.autoencoder.Autoencoder;
import org.specrage.methods.common.BatchScale;
import org.specrage.methods.common.ClusterCentroids;
import org.specrage.methods.common.FourierFeatures;
import org.specrage.methods.common.Inference;
import org.specrage.methods.common.InputPipeline;
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
 * SpectralNet (Shaham et al., ICLR 2018): an MLP with an orthonormalisation layer trained on
 * mini-batches so that its output spans the bottom eigenvectors of the graph Laplacian, with
 * optional autoencoder codes as input and a Siamese net for the affinities.
 *
 * <p>Pipeline of {@link #fit}: scale the views (scalers fitted on the training rows, kept in the
 * model) and join them; train the autoencoder and switch to its codes (optional); train the Siamese
 * net (optional); compute the fixed bandwidth (FIXED scale only); map the network input to random
 * Fourier features (optional; affinities keep the untransformed input); train SpectralNet; compute the
 * orthonormalisation matrix A once more from the whole training set (so training embeddings satisfy
 * Y^T Y = n I exactly and out-of-sample rows use the same A); k-means on the training embedding.
 */
public final class SpectralNet {
    private SpectralNet() {
    }

    public static SpectralNetModel fit(MultiViewData train, SpectralNetOptions options, TrainingListener listener) {
        int n = train.rows();
        if (n < 2) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "SpectralNet needs at least 2 training rows, got " + n);
        if (options.k() > n) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "k (" + options.k() + ") is larger than the number of training rows (" + n + ")");
        }
        if (options.embeddingDim() > n) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "embedding dimension (" + options.embeddingDim()
                    + ") is larger than the number of training rows (" + n + ")");
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

        FMatrix space = x;
        long siameseSeed = random.nextLong();
        if (options.affinitySpace() == AffinitySpace.SIAMESE) {
            TrainedNetwork siamese = SiameseNet.train(x, options.siamese(), siameseSeed, listener);
            stages.add(siamese.summary());
            space = Inference.apply(siamese.network(), x);
        }

        double sigma = options.sigma();
        if (options.scale() == BatchScale.FIXED && sigma == 0) {
            FMatrix scaleSpace = space;
            double[] computed = new double[1];
            stages.add(StageReporter.untrained("scale", listener, () -> computed[0] = datasetScale(scaleSpace, options.scaleK())));
            sigma = computed[0];
        }

        long fourierSeed = random.nextLong();
        FourierFeatures fourier = options.fourierFeatures() > 0
                ? FourierFeatures.random(x.cols, options.fourierFeatures(), options.fourierScale(), fourierSeed) : null;
        if (fourier != null) x = fourier.apply(x);

        Mlp net = options.network().build(x.cols, options.embeddingDim(), random.nextLong());
        SpectralNetTrainer trainer = new SpectralNetTrainer(net, x, space, options, sigma, random.split(), listener);
        stages.add(trainer.train());

        FMatrix netInputs = x;
        DMatrix[] ortho = new DMatrix[1];
        FMatrix[] embedding = new FMatrix[1];
        stages.add(StageReporter.untrained("orthonormalisation", listener, () -> {
            FMatrix raw = Inference.apply(net, netInputs);
            try {
                ortho[0] = new Orthonormalizer(options.ortho()).constant(raw);
            } catch (StepFailure e) {
                throw new TrainingFailedException("SpectralNet: the trained network's output on the training set cannot be orthonormalised: "
                        + e.getMessage() + ". Try a lower learning rate or fewer clusters (k).");
            }
            embedding[0] = org.specrage.methods.common.ModelFiles.multiply(raw, ortho[0]);
        }));

        KMeansResult[] clusters = new KMeansResult[1];
        long kmeansSeed = random.nextLong();
        stages.add(StageReporter.untrained("k-means", listener,
                () -> clusters[0] = ClusterCentroids.fit(embedding[0], options.k(), options.kmeansRestarts(), kmeansSeed)));
        return new SpectralNetModel(options, pipeline[0], encoder, fourier, net, ortho[0], clusters[0].centroids(), stages, sigma);
    }

    /** The global bandwidth: median over training rows of the distance to their scale_k-th exact neighbour. */
    static double datasetScale(FMatrix space, int scaleK) {
        if (scaleK >= space.rows) throw new IllegalArgumentException("scale-k (" + scaleK + ") must be smaller than the number of rows (" + space.rows + ")");
        KnnGraph graph = KnnSearch.exact(space, scaleK, Metric.EUCLIDEAN, Progress.NONE);
        return Affinity.globalScale(graph, scaleK);
    }
}
