package org.specrage.methods.specnet2;

import java.util.SplittableRandom;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.graph.Affinity;
import org.specrage.graph.AffinityKind;
import org.specrage.graph.KnnGraph;
import org.specrage.graph.KnnSearch;
import org.specrage.graph.Metric;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.FitStages;
import org.specrage.methods.common.FourierFeatures;
import org.specrage.methods.common.Inference;
import org.specrage.methods.common.InputStages;
import org.specrage.methods.common.RowInput;
import org.specrage.methods.common.ModelFiles;
import org.specrage.methods.common.NetworkStack;
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
        FitStages stages = new FitStages(listener);
        SplittableRandom random = new SplittableRandom(options.seed());
        InputStages.Preprocessed input = InputStages.preprocess(train, options.preprocess(), stages);
        InputStages.Encoded encoded = InputStages.encode(input.rows(), options.autoencoder(), random.nextLong(), stages);
        RowInput x = encoded.codes();

        SpecNet2Graph graph = stages.run("kNN graph", () -> {
            CsrMatrix w = affinity;
            if (w == null) {
                KnnGraph knn = x.knn(options.neighbors(), Metric.EUCLIDEAN);
                w = Affinity.build(knn, AffinityKind.GAUSSIAN, options.scale(), options.scaleK());
            }
            return new SpecNet2Graph(w);
        });

        long fourierSeed = random.nextLong();
        FourierFeatures fourier = options.fourierFeatures() > 0
                ? FourierFeatures.random(x.cols(), options.fourierFeatures(), options.fourierScale(), fourierSeed) : null;
        // the network reads sparse rows as they are; Fourier features of them are dense
        RowInput netInputs = fourier != null ? RowInput.of(fourier.apply(x.toDense())) : x;

        Mlp net = options.network().build(netInputs.cols(), options.embeddingDim(), random.nextLong());
        stages.add(new SpecNet2Trainer(net, netInputs, graph, options, random.split(), stages.listener()).train());

        record Recovered(RayleighRitz.Result ritz, FMatrix embedding) {
        }
        Recovered recovered = stages.run("rayleigh-ritz", () -> {
            FMatrix z = netInputs.apply(net);
            RayleighRitz.Result ritz = RayleighRitz.solve(graph, z);
            return new Recovered(ritz, ModelFiles.multiply(z, ritz.recovery()));
        });
        RayleighRitz.Result ritz = recovered.ritz();
        DMatrix centroids = InputStages.centroids(options.clusteringRows().of(recovered.embedding(), options.k()), options.k(),
                options.kmeansRestarts(), random.nextLong(), stages);
        NetworkStack stack = new NetworkStack(input.pipeline(), encoded.encoder(), fourier, net, SpecNet2Model.NETWORK);
        return new SpecNet2Model(options, stack, ritz.recovery(), ritz.eigenvalues(), centroids, stages.summaries(), graph.volume);
    }
}
