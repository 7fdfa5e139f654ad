package org.specrage.methods.spectralnet;

import java.util.SplittableRandom;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.OutputColumns;
import org.specrage.methods.common.RowInput;
import org.specrage.methods.common.BatchScale;
import org.specrage.methods.common.FitStages;
import org.specrage.methods.common.FourierFeatures;
import org.specrage.methods.common.InputStages;
import org.specrage.methods.common.NetworkStack;
import org.specrage.methods.common.TrainingEmbedding;
import org.specrage.methods.common.TrainingListener;
import org.specrage.nn.Mlp;

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
        FitStages stages = new FitStages(listener);
        SplittableRandom random = new SplittableRandom(options.seed());
        InputStages.Preprocessed input = InputStages.preprocess(train, options.preprocess(), stages);
        InputStages.Encoded encoded = InputStages.encode(input.rows(), options.autoencoder(), random.nextLong(), stages);
        RowInput x = encoded.codes(); // a single sparse view stays sparse
        long siameseSeed = random.nextLong();
        RowInput space = options.affinitySpace() == AffinitySpace.SIAMESE
                ? RowInput.of(InputStages.siameseSpace(x, options.siamese(), siameseSeed, stages)) : x;

        double sigma = options.sigma();
        if (options.scale() == BatchScale.FIXED && sigma == 0) {
            sigma = stages.run("scale", () -> space.datasetScale(options.scaleK()));
        }

        long fourierSeed = random.nextLong();
        FourierFeatures fourier = options.fourierFeatures() > 0
                ? FourierFeatures.random(x.cols(), options.fourierFeatures(), options.fourierScale(), fourierSeed) : null;
        RowInput netInputs = fourier != null ? RowInput.of(fourier.apply(x.toDense())) : x;

        int outputs = OutputColumns.learned(options.embeddingDim(), options.extraDimensions(), options.training().batchSize(), n);
        Mlp net = options.network().build(netInputs.cols(), outputs, random.nextLong());
        stages.add(new SpectralNetTrainer(net, netInputs, space, options, sigma, random.split(), stages.listener()).train());

        FMatrix output = netInputs.apply(net);
        TrainingEmbedding orthonormal = stages.run("orthonormalisation",
                () -> TrainingEmbedding.orthonormalised(options.ortho(), output, "SpectralNet"));
        double fixedSigma = sigma;
        long ritzSeed = random.nextLong();
        TrainingEmbedding trained = outputs == options.embeddingDim() ? orthonormal : stages.run("rayleigh-ritz",
                () -> orthonormal.rotated(SpectralRitz.bottom(orthonormal.embedding(), space, options, fixedSigma, ritzSeed), output));
        // with the normalised loss, k-means runs on unit rows (Ng, Jordan and Weiss), as exact spectral clustering does
        FMatrix clustered = options.normalizedLoss() ? trained.embedding().unitRows() : trained.embedding();
        DMatrix centroids = InputStages.centroids(clustered, options.k(), options.kmeansRestarts(), random.nextLong(), stages);
        NetworkStack stack = new NetworkStack(input.pipeline(), encoded.encoder(), fourier, net, SpectralNetModel.NETWORK);
        return new SpectralNetModel(options, stack, trained.matrix(), centroids, stages.summaries(), sigma);
    }
}
