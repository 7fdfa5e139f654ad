package org.specrage.methods.spectralnet;

import java.util.Map;
import org.specrage.methods.autoencoder.AutoencoderOptions;
import org.specrage.methods.common.BatchScale;
import org.specrage.methods.common.JsonOptions;
import org.specrage.methods.common.NeuralOptions;
import org.specrage.methods.common.SingleNetworkOptions;
import org.specrage.methods.common.SingleNetworkOptionsBuilder;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.methods.common.OptionsJson;
import org.specrage.methods.common.OrthoMethod;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.methods.siamese.SiameseOptions;
import org.specrage.nn.Activation;

/**
 * Options of {@link SpectralNet}. Build with {@link #builder(int)}; every value is checked when built.
 *
 * @param k                    number of clusters
 * @param embeddingDim         columns of the embedding (default k)
 * @param network              hidden layers (default 1024-1024-512 leaky ReLU, tanh output)
 * @param training             default 100 epochs, batch 1024, lr 1e-3, plateau factor 0.1 after 10 epochs, stop below lr 1e-8
 * @param neighbors            K of the per-batch kNN affinity (default 30)
 * @param scaleK               neighbour rank setting the Gaussian scale (default 15)
 * @param scale                LOCAL (default), BATCH_MEDIAN or FIXED
 * @param sigma                the FIXED bandwidth; 0 (default) computes it once from the training set's exact kNN graph
 * @param ortho                CHOLESKY (default) or QR
 * @param gradientThroughOrtho true (default, as the reference code): the gradient flows through A into the ortho batch;
 *                             false: A is a constant of each step
 * @param extraDimensions      p >= 0 columns learned beyond embeddingDim (default 0; fewer when a batch has under
 *                             embeddingDim + p rows); after training a Rayleigh-Ritz step on
 *                             the batch Laplacians keeps the best embeddingDim (see {@link SpectralRitz})
 * @param normalizedLoss       false (default): (1/m^2) sum W_ij |y_i - y_j|^2; true: the same on y_i / sqrt(d_i) (L_sym)
 * @param affinitySpace        INPUT (default) or SIAMESE
 * @param autoencoder          null (default) or the autoencoder whose codes replace the input
 * @param siamese              the Siamese net, used when affinitySpace is SIAMESE
 * @param preprocess           per-view scaling fitted on the training rows: minmax (default), standard, l2, tfidf, none
 * @param fourierFeatures      random Fourier features fed to the network instead of its raw input (0: none, default;
 *                             see {@link org.specrage.methods.common.FourierFeatures}); the affinities still use the input
 * @param fourierScale         standard deviation of the Fourier frequencies, in units of the (scaled) input (default 0.5)
 * @param kmeansRestarts       k-means restarts on the training embedding (default 10)
 * @param seed                 drives every random choice (default 0)
 */
public record SpectralNetOptions(int k, int embeddingDim, NetworkSpec network, TrainingOptions training, int neighbors,
                                 int scaleK, BatchScale scale, double sigma, OrthoMethod ortho, boolean gradientThroughOrtho,
                                 int extraDimensions, boolean normalizedLoss, AffinitySpace affinitySpace, AutoencoderOptions autoencoder,
                                 SiameseOptions siamese, String preprocess, int fourierFeatures, double fourierScale,
                                 int kmeansRestarts, long seed) implements SingleNetworkOptions {
    public SpectralNetOptions {
        NeuralOptions.checkShared(k, neighbors, scaleK, preprocess, kmeansRestarts);
        SingleNetworkOptions.checkSingleNetwork(embeddingDim, fourierFeatures, fourierScale);
        if (network == null || training == null || scale == null || ortho == null || affinitySpace == null) {
            throw new IllegalArgumentException("network, training, scale, ortho and affinity space must be given");
        }
        if (extraDimensions < 0) throw new IllegalArgumentException("extra dimensions must be at least 0, got " + extraDimensions);
        if (!(sigma >= 0 && Double.isFinite(sigma))) throw new IllegalArgumentException("sigma must be >= 0 (0: computed), got " + sigma);
        if (sigma > 0 && scale != BatchScale.FIXED) throw new IllegalArgumentException("sigma is only used with the fixed scale");
        if (affinitySpace == AffinitySpace.SIAMESE && siamese == null) throw new IllegalArgumentException("the siamese affinity space needs siamese options");
    }

    public static final NetworkSpec DEFAULT_NETWORK = new NetworkSpec(new int[] {1024, 1024, 512}, Activation.LEAKY_RELU, Activation.TANH);

    public static Builder builder(int k) {
        return new Builder(k);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads {@link #toJson()}'s keys; absent keys keep the defaults (k is required unless given as
     * defaultK > 0). Unknown keys are errors. A present "autoencoder" or "siamese" object (even
     * empty) switches that part on with its defaults.
     */
    public static SpectralNetOptions fromJson(Map<String, Object> values, int defaultK) {
        JsonOptions json = OptionsJson.reader(values, "spectralnet options", SpectralNetOptions.class);
        return builder(OptionsJson.clusters(json, defaultK)).read(json).build();
    }

    /** Mutable builder with the defaults; {@link #build()} validates. */
    public static final class Builder extends SingleNetworkOptionsBuilder<Builder> {
        private BatchScale scale = BatchScale.LOCAL;
        private double sigma;
        private OrthoMethod ortho = OrthoMethod.CHOLESKY;
        private boolean gradientThroughOrtho = true;
        private boolean normalizedLoss;
        private int extraDimensions;
        private AffinitySpace affinitySpace = AffinitySpace.INPUT;
        private SiameseOptions siamese;

        private Builder(int k) {
            super(k, DEFAULT_NETWORK, TrainingOptions.of(100), 30, 15);
        }

        private Builder(SpectralNetOptions o) {
            super(o);
            scale = o.scale;
            sigma = o.sigma;
            ortho = o.ortho;
            gradientThroughOrtho = o.gradientThroughOrtho;
            normalizedLoss = o.normalizedLoss;
            extraDimensions = o.extraDimensions;
            affinitySpace = o.affinitySpace;
            siamese = o.siamese;
        }

        private Builder read(JsonOptions json) {
            readShared(json);
            scale = json.enumValue("scale", BatchScale.class, scale);
            sigma = json.number("sigma", sigma);
            ortho = json.enumValue("ortho", OrthoMethod.class, ortho);
            gradientThroughOrtho = json.bool("gradient_through_ortho", gradientThroughOrtho);
            normalizedLoss = json.bool("normalized_loss", normalizedLoss);
            extraDimensions = json.integer("extra_dimensions", extraDimensions);
            // a "siamese" object without an explicit affinity_space means: use it (it would be dead weight otherwise)
            if (json.has("siamese") && !json.has("affinity_space")) affinitySpace = AffinitySpace.SIAMESE;
            affinitySpace = json.enumValue("affinity_space", AffinitySpace.class, affinitySpace);
            siamese = json.has("siamese") ? SiameseOptions.fromJson(json.object("siamese")) : null;
            if (affinitySpace == AffinitySpace.SIAMESE && siamese == null) siamese = SiameseOptions.defaults();
            return this;
        }

        public Builder scale(BatchScale v) { scale = v; return this; }
        /** A fixed bandwidth (switches the scale to FIXED). */
        public Builder sigma(double v) { sigma = v; scale = BatchScale.FIXED; return this; }
        public Builder ortho(OrthoMethod v) { ortho = v; return this; }
        public Builder gradientThroughOrtho(boolean v) { gradientThroughOrtho = v; return this; }
        public Builder normalizedLoss(boolean v) { normalizedLoss = v; return this; }
        public Builder extraDimensions(int v) { extraDimensions = v; return this; }
        public Builder affinitySpace(AffinitySpace v) { affinitySpace = v; return this; }
        /** Uses a Siamese net for the affinities (switches the affinity space to SIAMESE). */
        public Builder siamese(SiameseOptions v) { siamese = v; affinitySpace = v == null ? AffinitySpace.INPUT : AffinitySpace.SIAMESE; return this; }

        public SpectralNetOptions build() {
            return new SpectralNetOptions(k, embeddingDim, network, training, neighbors, scaleK, scale, sigma, ortho,
                    gradientThroughOrtho, extraDimensions, normalizedLoss, affinitySpace, autoencoder, siamese, preprocess, fourierFeatures, fourierScale,
                    kmeansRestarts, seed);
        }
    }
}
