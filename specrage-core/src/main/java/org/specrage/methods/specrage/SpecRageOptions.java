package org.specrage.methods.specrage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.specrage.data.prep.Preprocessing;
import org.specrage.graph.Metric;
import org.specrage.methods.autoencoder.AutoencoderOptions;
import org.specrage.methods.common.BatchScale;
import org.specrage.methods.common.JsonOptions;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.methods.common.OrthoMethod;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.methods.siamese.SiameseOptions;
import org.specrage.nn.Activation;

/**
 * Options of {@link SpecRage}. Build with {@link #builder(int)}; every value is checked when built.
 * Defaults follow the reference implementation.
 *
 * @param k                    number of clusters and embedding columns
 * @param network              each view network's hidden layers (default 1024-1024-512 leaky ReLU, tanh output)
 * @param fusion               LEARNED (default; a fusion network gives per-sample view weights) or UNIFORM (1/V, no fusion network)
 * @param fusionHidden         hidden units of the fusion network (default 50, ReLU)
 * @param temperature          softmax temperature T of the fusion weights (default 5; larger keeps weights near uniform)
 * @param training             default 35 epochs, batch 1024, lr 1e-3, plateau factor 0.1 after 5 epochs, stop below lr 1e-8
 * @param neighbors            K of each view's per-batch kNN affinity (default 30; batches with fewer rows use all their other rows)
 * @param scaleK               neighbour rank setting the Gaussian scale (default 15)
 * @param scale                BATCH_MEDIAN (default, the reference's global median), LOCAL or FIXED (from each view's training set)
 * @param normalization        NONE (default, the paper's) or ROW: each sample's affinities in each view sum to one before
 *                             symmetrising, so a view where a sample is an outlier cannot win that sample's weight
 * @param metrics              affinity metric per view (one entry applies to all): EUCLIDEAN (default) or COSINE (rows scaled to unit length)
 * @param ortho                CHOLESKY (default) or QR
 * @param gradientThroughOrtho true (default, as the reference): the gradient flows through A into the ortho batch
 * @param autoencoder          null (default) or the per-view autoencoder whose codes replace each view
 * @param siamese              null (default) or the per-view Siamese net whose output is that view's affinity space
 * @param preprocess           per-view scaling fitted on the training rows: minmax (default), standard, l2, tfidf, none
 * @param kmeansRestarts       k-means restarts on the training embedding (default 10)
 * @param seed                 drives every random choice (default 0)
 */
public record SpecRageOptions(int k, NetworkSpec network, FusionMode fusion, int fusionHidden, double temperature,
                              TrainingOptions training, int neighbors, int scaleK, BatchScale scale, AffinityNormalization normalization, List<Metric> metrics,
                              OrthoMethod ortho, boolean gradientThroughOrtho, AutoencoderOptions autoencoder,
                              SiameseOptions siamese, String preprocess, int kmeansRestarts, long seed) {
    public static final NetworkSpec DEFAULT_NETWORK = new NetworkSpec(new int[] {1024, 1024, 512}, Activation.LEAKY_RELU, Activation.TANH);
    public static final TrainingOptions DEFAULT_TRAINING = TrainingOptions.of(35).withSchedule(0.1, 5, 1e-8);

    public SpecRageOptions {
        if (k < 1) throw new IllegalArgumentException("k (clusters) must be at least 1, got " + k);
        if (network == null || fusion == null || training == null || scale == null || normalization == null || ortho == null || metrics == null) {
            throw new IllegalArgumentException("network, fusion, training, scale, ortho and metrics must be given");
        }
        if (fusionHidden < 1) throw new IllegalArgumentException("fusion hidden units must be at least 1, got " + fusionHidden);
        if (!(temperature > 0 && Double.isFinite(temperature))) throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        if (neighbors < 1) throw new IllegalArgumentException("neighbors must be at least 1, got " + neighbors);
        if (scaleK < 1 || scaleK > neighbors) throw new IllegalArgumentException("scale-k must be between 1 and neighbors (" + neighbors + "), got " + scaleK);
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty()) throw new IllegalArgumentException("give at least one affinity metric");
        if (preprocess == null || !Preprocessing.KINDS.contains(preprocess)) {
            throw new IllegalArgumentException("preprocess must be one of " + Preprocessing.KINDS + ", got " + preprocess);
        }
        if (kmeansRestarts < 1) throw new IllegalArgumentException("k-means restarts must be at least 1, got " + kmeansRestarts);
    }

    public static Builder builder(int k) {
        return new Builder(k);
    }

    /** The affinity metric of view v. */
    public Metric metric(int v) {
        return metrics.size() == 1 ? metrics.get(0) : metrics.get(v);
    }

    /** Checks the options against a data set with the given number of views. */
    void checkViews(int views) {
        if (metrics.size() != 1 && metrics.size() != views) {
            throw new IllegalArgumentException("give one affinity metric or one per view (" + views + "), got " + metrics.size());
        }
    }

    public Builder toBuilder() {
        Builder b = new Builder(k);
        b.network = network;
        b.fusion = fusion;
        b.fusionHidden = fusionHidden;
        b.temperature = temperature;
        b.training = training;
        b.neighbors = neighbors;
        b.scaleK = scaleK;
        b.scale = scale;
        b.normalization = normalization;
        b.metrics = metrics;
        b.ortho = ortho;
        b.gradientThroughOrtho = gradientThroughOrtho;
        b.autoencoder = autoencoder;
        b.siamese = siamese;
        b.preprocess = preprocess;
        b.kmeansRestarts = kmeansRestarts;
        b.seed = seed;
        return b;
    }

    /** JSON-ready form with snake_case keys (stored in the model manifest; also the config-file format). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("k", k);
        m.put("network", network.toJson());
        m.put("fusion", JsonOptions.name(fusion));
        m.put("fusion_hidden", fusionHidden);
        m.put("temperature", temperature);
        m.put("training", training.toJson());
        m.put("neighbors", neighbors);
        m.put("scale_k", scaleK);
        m.put("scale", JsonOptions.name(scale));
        m.put("normalization", JsonOptions.name(normalization));
        List<String> names = new ArrayList<>();
        for (Metric x : metrics) names.add(JsonOptions.name(x));
        m.put("metrics", names);
        m.put("ortho", JsonOptions.name(ortho));
        m.put("gradient_through_ortho", gradientThroughOrtho);
        m.put("autoencoder", autoencoder == null ? null : autoencoder.toJson());
        m.put("siamese", siamese == null ? null : siamese.toJson());
        m.put("preprocess", preprocess);
        m.put("kmeans_restarts", kmeansRestarts);
        m.put("seed", seed);
        return m;
    }

    /**
     * Reads {@link #toJson()}'s keys; absent keys keep the defaults (k is required unless given as
     * defaultK > 0). Unknown keys are errors. A present "autoencoder" or "siamese" object (even
     * empty) switches that part on with its defaults; null switches it off.
     */
    public static SpecRageOptions fromJson(Map<String, Object> values, int defaultK) {
        JsonOptions json = new JsonOptions(values, "specrage options");
        json.requireKnown(Set.of("k", "network", "fusion", "fusion_hidden", "temperature", "training", "neighbors", "scale_k", "scale",
                "normalization", "metrics", "ortho", "gradient_through_ortho", "autoencoder", "siamese", "preprocess", "kmeans_restarts", "seed"));
        int k = json.integer("k", defaultK);
        if (k < 1) throw new IllegalArgumentException("specrage options: \"k\" (clusters) is required");
        SpecRageOptions d = builder(k).build();
        Builder b = d.toBuilder();
        b.network = NetworkSpec.fromJson(json.object("network"), d.network);
        b.fusion = json.enumValue("fusion", FusionMode.class, d.fusion);
        b.fusionHidden = json.integer("fusion_hidden", d.fusionHidden);
        b.temperature = json.number("temperature", d.temperature);
        b.training = TrainingOptions.fromJson(json.object("training"), d.training);
        b.neighbors = json.integer("neighbors", d.neighbors);
        b.scaleK = json.integer("scale_k", Math.min(d.scaleK, b.neighbors));
        b.scale = json.enumValue("scale", BatchScale.class, d.scale);
        b.normalization = json.enumValue("normalization", AffinityNormalization.class, d.normalization);
        if (json.has("metrics")) b.metrics = metricsFromJson(values.get("metrics"));
        b.ortho = json.enumValue("ortho", OrthoMethod.class, d.ortho);
        b.gradientThroughOrtho = json.bool("gradient_through_ortho", d.gradientThroughOrtho);
        b.autoencoder = json.has("autoencoder") && json.object("autoencoder") != null ? AutoencoderOptions.fromJson(json.object("autoencoder")) : null;
        b.siamese = json.has("siamese") && json.object("siamese") != null ? SiameseOptions.fromJson(json.object("siamese")) : null;
        b.preprocess = json.string("preprocess", d.preprocess);
        b.kmeansRestarts = json.integer("kmeans_restarts", d.kmeansRestarts);
        b.seed = json.longValue("seed", d.seed);
        return b.build();
    }

    /** "metrics": one name or an array of names (euclidean, cosine). */
    private static List<Metric> metricsFromJson(Object value) {
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<Metric> out = new ArrayList<>();
        for (Object item : items) {
            String name = item instanceof String s ? s.trim().toUpperCase(java.util.Locale.ROOT) : "";
            try {
                out.add(Metric.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("specrage options: \"metrics\" must be euclidean or cosine (one, or one per view), got " + value);
            }
        }
        return out;
    }

    /** Mutable builder with the defaults; {@link #build()} validates. */
    public static final class Builder {
        private final int k;
        private NetworkSpec network = DEFAULT_NETWORK;
        private FusionMode fusion = FusionMode.LEARNED;
        private int fusionHidden = 50;
        private double temperature = 5;
        private TrainingOptions training = DEFAULT_TRAINING;
        private int neighbors = 30;
        private int scaleK = 15;
        private BatchScale scale = BatchScale.BATCH_MEDIAN;
        private AffinityNormalization normalization = AffinityNormalization.NONE;
        private List<Metric> metrics = List.of(Metric.EUCLIDEAN);
        private OrthoMethod ortho = OrthoMethod.CHOLESKY;
        private boolean gradientThroughOrtho = true;
        private AutoencoderOptions autoencoder;
        private SiameseOptions siamese;
        private String preprocess = "minmax";
        private int kmeansRestarts = 10;
        private long seed;

        private Builder(int k) {
            this.k = k;
        }

        public Builder network(NetworkSpec v) { network = v; return this; }
        /** Hidden sizes of the view networks (activations kept). */
        public Builder hidden(int... sizes) { network = new NetworkSpec(sizes, network.activation(), network.outputActivation()); return this; }
        public Builder fusion(FusionMode v) { fusion = v; return this; }
        public Builder fusionHidden(int v) { fusionHidden = v; return this; }
        public Builder temperature(double v) { temperature = v; return this; }
        public Builder training(TrainingOptions v) { training = v; return this; }
        public Builder epochs(int v) { training = training.withEpochs(v); return this; }
        public Builder batchSize(int v) { training = training.withBatchSize(v); return this; }
        public Builder learningRate(double v) { training = training.withLearningRate(v); return this; }
        /** K and the scale rank together (scaleK <= neighbors). */
        public Builder neighbors(int v, int scaleRank) { neighbors = v; scaleK = scaleRank; return this; }
        public Builder scale(BatchScale v) { scale = v; return this; }
        public Builder normalization(AffinityNormalization v) { normalization = v; return this; }
        /** One affinity metric for every view, or one per view. */
        public Builder metrics(Metric... v) { metrics = List.of(v); return this; }
        public Builder ortho(OrthoMethod v) { ortho = v; return this; }
        public Builder gradientThroughOrtho(boolean v) { gradientThroughOrtho = v; return this; }
        public Builder autoencoder(AutoencoderOptions v) { autoencoder = v; return this; }
        public Builder siamese(SiameseOptions v) { siamese = v; return this; }
        public Builder preprocess(String v) { preprocess = v; return this; }
        public Builder kmeansRestarts(int v) { kmeansRestarts = v; return this; }
        public Builder seed(long v) { seed = v; return this; }

        public SpecRageOptions build() {
            return new SpecRageOptions(k, network, fusion, fusionHidden, temperature, training, neighbors, scaleK, scale, normalization, metrics,
                    ortho, gradientThroughOrtho, autoencoder, siamese, preprocess, kmeansRestarts, seed);
        }
    }
}
