package org.specrage.methods.spectralnet;

import java.util.Map;
import java.util.Set;
import org.specrage.data.prep.Preprocessing;
import org.specrage.methods.autoencoder.AutoencoderOptions;
import org.specrage.methods.common.BatchScale;
import org.specrage.methods.common.JsonOptions;
import org.specrage.methods.common.NetworkSpec;
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
                                 boolean normalizedLoss, AffinitySpace affinitySpace, AutoencoderOptions autoencoder,
                                 SiameseOptions siamese, String preprocess, int fourierFeatures, double fourierScale,
                                 int kmeansRestarts, long seed) {
    public SpectralNetOptions {
        if (k < 1) throw new IllegalArgumentException("k (clusters) must be at least 1, got " + k);
        if (embeddingDim < 1) throw new IllegalArgumentException("embedding dimension must be at least 1, got " + embeddingDim);
        if (network == null || training == null || scale == null || ortho == null || affinitySpace == null) {
            throw new IllegalArgumentException("network, training, scale, ortho and affinity space must be given");
        }
        if (neighbors < 1) throw new IllegalArgumentException("neighbors must be at least 1, got " + neighbors);
        if (scaleK < 1 || scaleK > neighbors) throw new IllegalArgumentException("scale-k must be between 1 and neighbors (" + neighbors + "), got " + scaleK);
        if (!(sigma >= 0 && Double.isFinite(sigma))) throw new IllegalArgumentException("sigma must be >= 0 (0: computed), got " + sigma);
        if (sigma > 0 && scale != BatchScale.FIXED) throw new IllegalArgumentException("sigma is only used with the fixed scale");
        if (affinitySpace == AffinitySpace.SIAMESE && siamese == null) throw new IllegalArgumentException("the siamese affinity space needs siamese options");
        if (preprocess == null || !Preprocessing.KINDS.contains(preprocess)) {
            throw new IllegalArgumentException("preprocess must be one of " + Preprocessing.KINDS + ", got " + preprocess);
        }
        if (fourierFeatures < 0) throw new IllegalArgumentException("Fourier feature count must be >= 0, got " + fourierFeatures);
        if (!(fourierScale > 0 && Double.isFinite(fourierScale))) throw new IllegalArgumentException("Fourier scale must be positive, got " + fourierScale);
        if (kmeansRestarts < 1) throw new IllegalArgumentException("k-means restarts must be at least 1, got " + kmeansRestarts);
    }

    public static final NetworkSpec DEFAULT_NETWORK = new NetworkSpec(new int[] {1024, 1024, 512}, Activation.LEAKY_RELU, Activation.TANH);

    public static Builder builder(int k) {
        return new Builder(k);
    }

    public Builder toBuilder() {
        Builder b = new Builder(k);
        b.embeddingDim = embeddingDim;
        b.network = network;
        b.training = training;
        b.neighbors = neighbors;
        b.scaleK = scaleK;
        b.scale = scale;
        b.sigma = sigma;
        b.ortho = ortho;
        b.gradientThroughOrtho = gradientThroughOrtho;
        b.normalizedLoss = normalizedLoss;
        b.affinitySpace = affinitySpace;
        b.autoencoder = autoencoder;
        b.siamese = siamese;
        b.preprocess = preprocess;
        b.fourierFeatures = fourierFeatures;
        b.fourierScale = fourierScale;
        b.kmeansRestarts = kmeansRestarts;
        b.seed = seed;
        return b;
    }

    /** JSON-ready form with snake_case keys (stored in the model manifest; also the config-file format). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("k", k);
        m.put("embedding_dim", embeddingDim);
        m.put("network", network.toJson());
        m.put("training", training.toJson());
        m.put("neighbors", neighbors);
        m.put("scale_k", scaleK);
        m.put("scale", JsonOptions.name(scale));
        m.put("sigma", sigma);
        m.put("ortho", JsonOptions.name(ortho));
        m.put("gradient_through_ortho", gradientThroughOrtho);
        m.put("normalized_loss", normalizedLoss);
        m.put("affinity_space", JsonOptions.name(affinitySpace));
        m.put("autoencoder", autoencoder == null ? null : autoencoder.toJson());
        m.put("siamese", siamese == null ? null : siamese.toJson());
        m.put("preprocess", preprocess);
        m.put("fourier_features", fourierFeatures);
        m.put("fourier_scale", fourierScale);
        m.put("kmeans_restarts", kmeansRestarts);
        m.put("seed", seed);
        return m;
    }

    /**
     * Reads {@link #toJson()}'s keys; absent keys keep the defaults (k is required unless given as
     * defaultK > 0). Unknown keys are errors. A present "autoencoder" or "siamese" object (even
     * empty) switches that part on with its defaults.
     */
    public static SpectralNetOptions fromJson(Map<String, Object> values, int defaultK) {
        JsonOptions json = new JsonOptions(values, "spectralnet options");
        json.requireKnown(Set.of("k", "embedding_dim", "network", "training", "neighbors", "scale_k", "scale", "sigma", "ortho",
                "gradient_through_ortho", "normalized_loss", "affinity_space", "autoencoder", "siamese", "preprocess",
                "fourier_features", "fourier_scale", "kmeans_restarts", "seed"));
        int k = json.integer("k", defaultK);
        if (k < 1) throw new IllegalArgumentException("spectralnet options: \"k\" (clusters) is required");
        SpectralNetOptions d = builder(k).build();
        Builder b = d.toBuilder();
        b.embeddingDim = json.integer("embedding_dim", k);
        b.network = NetworkSpec.fromJson(json.object("network"), d.network);
        b.training = TrainingOptions.fromJson(json.object("training"), d.training);
        b.neighbors = json.integer("neighbors", d.neighbors);
        b.scaleK = json.integer("scale_k", Math.min(d.scaleK, b.neighbors));
        b.scale = json.enumValue("scale", BatchScale.class, d.scale);
        b.sigma = json.number("sigma", d.sigma);
        b.ortho = json.enumValue("ortho", OrthoMethod.class, d.ortho);
        b.gradientThroughOrtho = json.bool("gradient_through_ortho", d.gradientThroughOrtho);
        b.normalizedLoss = json.bool("normalized_loss", d.normalizedLoss);
        b.affinitySpace = json.enumValue("affinity_space", AffinitySpace.class, d.affinitySpace);
        b.autoencoder = json.has("autoencoder") ? AutoencoderOptions.fromJson(json.object("autoencoder")) : null;
        b.siamese = json.has("siamese") ? SiameseOptions.fromJson(json.object("siamese")) : null;
        if (b.affinitySpace == AffinitySpace.SIAMESE && b.siamese == null) b.siamese = SiameseOptions.defaults();
        b.preprocess = json.string("preprocess", d.preprocess);
        b.fourierFeatures = json.integer("fourier_features", d.fourierFeatures);
        b.fourierScale = json.number("fourier_scale", d.fourierScale);
        b.kmeansRestarts = json.integer("kmeans_restarts", d.kmeansRestarts);
        b.seed = json.longValue("seed", d.seed);
        return b.build();
    }

    /** Mutable builder with the defaults; {@link #build()} validates. */
    public static final class Builder {
        private final int k;
        private int embeddingDim;
        private NetworkSpec network = DEFAULT_NETWORK;
        private TrainingOptions training = TrainingOptions.of(100);
        private int neighbors = 30;
        private int scaleK = 15;
        private BatchScale scale = BatchScale.LOCAL;
        private double sigma;
        private OrthoMethod ortho = OrthoMethod.CHOLESKY;
        private boolean gradientThroughOrtho = true;
        private boolean normalizedLoss;
        private AffinitySpace affinitySpace = AffinitySpace.INPUT;
        private AutoencoderOptions autoencoder;
        private SiameseOptions siamese;
        private String preprocess = "minmax";
        private int fourierFeatures;
        private double fourierScale = 0.5;
        private int kmeansRestarts = 10;
        private long seed;

        private Builder(int k) {
            this.k = k;
            this.embeddingDim = k;
        }

        public Builder embeddingDim(int v) { embeddingDim = v; return this; }
        public Builder network(NetworkSpec v) { network = v; return this; }
        public Builder training(TrainingOptions v) { training = v; return this; }
        public Builder epochs(int v) { training = training.withEpochs(v); return this; }
        public Builder batchSize(int v) { training = training.withBatchSize(v); return this; }
        public Builder learningRate(double v) { training = training.withLearningRate(v); return this; }
        /** K and the scale rank together (scaleK <= neighbors). */
        public Builder neighbors(int v, int scaleRank) { neighbors = v; scaleK = scaleRank; return this; }
        public Builder scale(BatchScale v) { scale = v; return this; }
        /** A fixed bandwidth (switches the scale to FIXED). */
        public Builder sigma(double v) { sigma = v; scale = BatchScale.FIXED; return this; }
        public Builder ortho(OrthoMethod v) { ortho = v; return this; }
        public Builder gradientThroughOrtho(boolean v) { gradientThroughOrtho = v; return this; }
        public Builder normalizedLoss(boolean v) { normalizedLoss = v; return this; }
        public Builder affinitySpace(AffinitySpace v) { affinitySpace = v; return this; }
        /** Uses a Siamese net for the affinities (switches the affinity space to SIAMESE). */
        public Builder siamese(SiameseOptions v) { siamese = v; affinitySpace = v == null ? AffinitySpace.INPUT : AffinitySpace.SIAMESE; return this; }
        public Builder autoencoder(AutoencoderOptions v) { autoencoder = v; return this; }
        public Builder preprocess(String v) { preprocess = v; return this; }
        /** Random Fourier features of the network input: count frequencies with standard deviation scale. */
        public Builder fourierFeatures(int count, double scale) { fourierFeatures = count; fourierScale = scale; return this; }
        public Builder kmeansRestarts(int v) { kmeansRestarts = v; return this; }
        public Builder seed(long v) { seed = v; return this; }

        public SpectralNetOptions build() {
            return new SpectralNetOptions(k, embeddingDim, network, training, neighbors, scaleK, scale, sigma, ortho,
                    gradientThroughOrtho, normalizedLoss, affinitySpace, autoencoder, siamese, preprocess, fourierFeatures, fourierScale,
                    kmeansRestarts, seed);
        }
    }
}
