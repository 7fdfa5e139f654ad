package org.specrage.methods.specnet2;

import java.util.Map;
import java.util.Set;
import org.specrage.data.prep.Preprocessing;
import org.specrage.graph.ScaleMode;
import org.specrage.methods.autoencoder.AutoencoderOptions;
import org.specrage.methods.common.JsonOptions;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.nn.Activation;

/**
 * Options of {@link SpecNet2}. Build with {@link #builder(int)}.
 *
 * @param k              number of clusters
 * @param embeddingDim   eigenvectors learned (default k), the trivial one excluded
 * @param network        hidden layers (default 256-256 leaky ReLU, linear output)
 * @param training       default 200 epochs, batch 256, lr 1e-3, plateau factor 0.1 after 20 epochs, stop below lr 1e-7
 * @param gradient       FULL, LOCAL or NEIGHBOR (default)
 * @param neighbors      K of the training set's exact kNN graph (default 10)
 * @param scaleK         neighbour rank setting the Gaussian scale (default 5)
 * @param scale          GLOBAL_MEDIAN (default) or LOCAL
 * @param autoencoder    null (default) or the autoencoder whose codes replace the input
 * @param preprocess     per-view scaling: minmax (default), standard, l2, tfidf, none
 * @param fourierFeatures random Fourier features fed to the network instead of its raw input (0: none, default; see
 *                       {@link org.specrage.methods.common.FourierFeatures}); the graph still uses the input
 * @param fourierScale   standard deviation of the Fourier frequencies (default 0.5)
 * @param kmeansRestarts k-means restarts on the training embedding (default 10)
 * @param seed           drives every random choice
 */
public record SpecNet2Options(int k, int embeddingDim, NetworkSpec network, TrainingOptions training, GradientMode gradient,
                              int neighbors, int scaleK, ScaleMode scale, AutoencoderOptions autoencoder, String preprocess,
                              int fourierFeatures, double fourierScale, int kmeansRestarts, long seed) {
    public SpecNet2Options {
        if (k < 1) throw new IllegalArgumentException("k (clusters) must be at least 1, got " + k);
        if (embeddingDim < 1) throw new IllegalArgumentException("embedding dimension must be at least 1, got " + embeddingDim);
        if (network == null || training == null || gradient == null || scale == null) {
            throw new IllegalArgumentException("network, training, gradient and scale must be given");
        }
        if (neighbors < 1) throw new IllegalArgumentException("neighbors must be at least 1, got " + neighbors);
        if (scaleK < 1 || scaleK > neighbors) throw new IllegalArgumentException("scale-k must be between 1 and neighbors (" + neighbors + "), got " + scaleK);
        if (preprocess == null || !Preprocessing.KINDS.contains(preprocess)) {
            throw new IllegalArgumentException("preprocess must be one of " + Preprocessing.KINDS + ", got " + preprocess);
        }
        if (fourierFeatures < 0) throw new IllegalArgumentException("Fourier feature count must be >= 0, got " + fourierFeatures);
        if (!(fourierScale > 0 && Double.isFinite(fourierScale))) throw new IllegalArgumentException("Fourier scale must be positive, got " + fourierScale);
        if (kmeansRestarts < 1) throw new IllegalArgumentException("k-means restarts must be at least 1, got " + kmeansRestarts);
    }

    public static final NetworkSpec DEFAULT_NETWORK = new NetworkSpec(new int[] {256, 256}, Activation.LEAKY_RELU, Activation.IDENTITY);

    public static Builder builder(int k) {
        return new Builder(k);
    }

    public Builder toBuilder() {
        Builder b = new Builder(k);
        b.embeddingDim = embeddingDim;
        b.network = network;
        b.training = training;
        b.gradient = gradient;
        b.neighbors = neighbors;
        b.scaleK = scaleK;
        b.scale = scale;
        b.autoencoder = autoencoder;
        b.preprocess = preprocess;
        b.fourierFeatures = fourierFeatures;
        b.fourierScale = fourierScale;
        b.kmeansRestarts = kmeansRestarts;
        b.seed = seed;
        return b;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("k", k);
        m.put("embedding_dim", embeddingDim);
        m.put("network", network.toJson());
        m.put("training", training.toJson());
        m.put("gradient", JsonOptions.name(gradient));
        m.put("neighbors", neighbors);
        m.put("scale_k", scaleK);
        m.put("scale", JsonOptions.name(scale));
        m.put("autoencoder", autoencoder == null ? null : autoencoder.toJson());
        m.put("preprocess", preprocess);
        m.put("fourier_features", fourierFeatures);
        m.put("fourier_scale", fourierScale);
        m.put("kmeans_restarts", kmeansRestarts);
        m.put("seed", seed);
        return m;
    }

    /** Reads {@link #toJson()}'s keys over the defaults (k required unless defaultK > 0); unknown keys are errors. */
    public static SpecNet2Options fromJson(Map<String, Object> values, int defaultK) {
        JsonOptions json = new JsonOptions(values, "specnet2 options");
        json.requireKnown(Set.of("k", "embedding_dim", "network", "training", "gradient", "neighbors", "scale_k", "scale",
                "autoencoder", "preprocess", "fourier_features", "fourier_scale", "kmeans_restarts", "seed"));
        int k = json.integer("k", defaultK);
        if (k < 1) throw new IllegalArgumentException("specnet2 options: \"k\" (clusters) is required");
        SpecNet2Options d = builder(k).build();
        Builder b = d.toBuilder();
        b.embeddingDim = json.integer("embedding_dim", k);
        b.network = NetworkSpec.fromJson(json.object("network"), d.network);
        b.training = TrainingOptions.fromJson(json.object("training"), d.training);
        b.gradient = json.enumValue("gradient", GradientMode.class, d.gradient);
        b.neighbors = json.integer("neighbors", d.neighbors);
        b.scaleK = json.integer("scale_k", Math.min(d.scaleK, b.neighbors));
        b.scale = json.enumValue("scale", ScaleMode.class, d.scale);
        b.autoencoder = json.has("autoencoder") ? AutoencoderOptions.fromJson(json.object("autoencoder")) : null;
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
        private TrainingOptions training = new TrainingOptions(200, 256, 1e-3, 0.1, 20, 1e-7, 0, 0.0, 5);
        private GradientMode gradient = GradientMode.NEIGHBOR;
        private int neighbors = 10;
        private int scaleK = 5;
        private ScaleMode scale = ScaleMode.GLOBAL_MEDIAN;
        private AutoencoderOptions autoencoder;
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
        public Builder gradient(GradientMode v) { gradient = v; return this; }
        public Builder neighbors(int v, int scaleRank) { neighbors = v; scaleK = scaleRank; return this; }
        public Builder scale(ScaleMode v) { scale = v; return this; }
        public Builder autoencoder(AutoencoderOptions v) { autoencoder = v; return this; }
        public Builder preprocess(String v) { preprocess = v; return this; }
        /** Random Fourier features of the network input: count frequencies with standard deviation scale. */
        public Builder fourierFeatures(int count, double scale) { fourierFeatures = count; fourierScale = scale; return this; }
        public Builder kmeansRestarts(int v) { kmeansRestarts = v; return this; }
        public Builder seed(long v) { seed = v; return this; }

        public SpecNet2Options build() {
            return new SpecNet2Options(k, embeddingDim, network, training, gradient, neighbors, scaleK, scale, autoencoder,
                    preprocess, fourierFeatures, fourierScale, kmeansRestarts, seed);
        }
    }
}
