package org.specrage.methods.specrage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.specrage.graph.Metric;
import org.specrage.methods.autoencoder.AutoencoderOptions;
import org.specrage.methods.common.BatchAffinity;
import org.specrage.methods.common.BatchScale;
import org.specrage.methods.common.JsonOptions;
import org.specrage.methods.common.NeuralOptions;
import org.specrage.methods.common.NeuralOptionsBuilder;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.methods.common.OptionsJson;
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
 * @param normalization        SYMMETRIC (default): the loss uses the normalised Laplacian of each fusion-weighted view affinity
 *                             (its uniform-weight minimiser is the mean of the views' L_sym, the exact baseline); NONE: the
 *                             paper's unnormalised Laplacian; ROW: each sample's affinities in each view sum to one before
 *                             symmetrising, then the unnormalised Laplacian
 * @param batchNeighbors       true (default): a batch of m of the n training rows uses max(3, K m / n) neighbours and scale rank
 *                             scale_k m / n, so that the batch graph samples the data set's K-nearest-neighbour graph; false: K
 *                             and scale_k within every batch, as the reference does (a much coarser graph when n is large).
 *                             Turn it off when a view has many identical rows: a small per-batch K then links only copies of
 *                             one row and the batch graph falls apart (BDGP's text view, 790 distinct rows of 2500: 5
 *                             components at K = 5 in a batch of 1024)
 * @param extraDimensions      p >= 0 output columns learned beyond k (default 7; fewer when a batch has under k + p rows);
 *                             after training a Rayleigh-Ritz step on the
 *                             batch Laplacians keeps the best k-dimensional part (see {@link RitzRotation})
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
                              OrthoMethod ortho, boolean gradientThroughOrtho, boolean batchNeighbors, int extraDimensions, AutoencoderOptions autoencoder,
                              SiameseOptions siamese, String preprocess, int kmeansRestarts, long seed) implements NeuralOptions {
    public static final NetworkSpec DEFAULT_NETWORK = new NetworkSpec(new int[] {1024, 1024, 512}, Activation.LEAKY_RELU, Activation.TANH);
    public static final TrainingOptions DEFAULT_TRAINING = TrainingOptions.of(35).withSchedule(0.1, 5, 1e-8);

    public SpecRageOptions {
        NeuralOptions.checkShared(k, neighbors, scaleK, preprocess, kmeansRestarts);
        if (network == null || fusion == null || training == null || scale == null || normalization == null || ortho == null || metrics == null) {
            throw new IllegalArgumentException("network, fusion, training, scale, ortho and metrics must be given");
        }
        if (extraDimensions < 0) throw new IllegalArgumentException("extra dimensions must be at least 0, got " + extraDimensions);
        if (fusionHidden < 1) throw new IllegalArgumentException("fusion hidden units must be at least 1, got " + fusionHidden);
        if (!(temperature > 0 && Double.isFinite(temperature))) throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty()) throw new IllegalArgumentException("give at least one affinity metric");
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

    /** The batch affinity of one view for batches of m of the n training rows (see batchNeighbors). */
    BatchAffinity batchAffinity(int m, int n, double fixedSigma) {
        int neighborsInBatch = neighbors, rank = scaleK;
        if (batchNeighbors && m < n) {
            neighborsInBatch = (int) Math.min(neighbors, Math.max(3, Math.round((double) neighbors * m / n)));
            rank = (int) Math.min(neighborsInBatch, Math.max(1, Math.round((double) scaleK * m / n)));
        }
        return new BatchAffinity(neighborsInBatch, rank, scale, fixedSigma);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads {@link #toJson()}'s keys; absent keys keep the defaults (k is required unless given as
     * defaultK > 0). Unknown keys are errors. A present "autoencoder" or "siamese" object (even
     * empty) switches that part on with its defaults; null switches it off.
     */
    public static SpecRageOptions fromJson(Map<String, Object> values, int defaultK) {
        JsonOptions json = OptionsJson.reader(values, "specrage options", SpecRageOptions.class);
        return builder(OptionsJson.clusters(json, defaultK)).read(json, values).build();
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
    public static final class Builder extends NeuralOptionsBuilder<Builder> {
        private FusionMode fusion = FusionMode.LEARNED;
        private int fusionHidden = 50;
        private double temperature = 5;
        private BatchScale scale = BatchScale.BATCH_MEDIAN;
        private AffinityNormalization normalization = AffinityNormalization.SYMMETRIC;
        private int extraDimensions = 7;
        private boolean batchNeighbors = true;
        private List<Metric> metrics = List.of(Metric.EUCLIDEAN);
        private OrthoMethod ortho = OrthoMethod.CHOLESKY;
        private boolean gradientThroughOrtho = true;
        private SiameseOptions siamese;

        private Builder(int k) {
            super(k, DEFAULT_NETWORK, DEFAULT_TRAINING, 30, 15);
        }

        private Builder(SpecRageOptions o) {
            super(o);
            fusion = o.fusion;
            fusionHidden = o.fusionHidden;
            temperature = o.temperature;
            scale = o.scale;
            normalization = o.normalization;
            metrics = o.metrics;
            ortho = o.ortho;
            gradientThroughOrtho = o.gradientThroughOrtho;
            extraDimensions = o.extraDimensions;
            batchNeighbors = o.batchNeighbors;
            siamese = o.siamese;
        }

        private Builder read(JsonOptions json, Map<String, Object> values) {
            readShared(json);
            fusion = json.enumValue("fusion", FusionMode.class, fusion);
            fusionHidden = json.integer("fusion_hidden", fusionHidden);
            temperature = json.number("temperature", temperature);
            scale = json.enumValue("scale", BatchScale.class, scale);
            normalization = json.enumValue("normalization", AffinityNormalization.class, normalization);
            if (json.has("metrics")) metrics = metricsFromJson(values.get("metrics"));
            ortho = json.enumValue("ortho", OrthoMethod.class, ortho);
            gradientThroughOrtho = json.bool("gradient_through_ortho", gradientThroughOrtho);
            batchNeighbors = json.bool("batch_neighbors", batchNeighbors);
            extraDimensions = json.integer("extra_dimensions", extraDimensions);
            siamese = json.has("siamese") ? SiameseOptions.fromJson(json.object("siamese")) : null;
            return this;
        }

        /** Hidden sizes of the view networks (activations kept). */
        public Builder hidden(int... sizes) { network = new NetworkSpec(sizes, network.activation(), network.outputActivation()); return this; }
        public Builder fusion(FusionMode v) { fusion = v; return this; }
        public Builder fusionHidden(int v) { fusionHidden = v; return this; }
        public Builder temperature(double v) { temperature = v; return this; }
        public Builder scale(BatchScale v) { scale = v; return this; }
        public Builder normalization(AffinityNormalization v) { normalization = v; return this; }
        /** One affinity metric for every view, or one per view. */
        public Builder metrics(Metric... v) { metrics = List.of(v); return this; }
        public Builder ortho(OrthoMethod v) { ortho = v; return this; }
        public Builder gradientThroughOrtho(boolean v) { gradientThroughOrtho = v; return this; }
        public Builder extraDimensions(int v) { extraDimensions = v; return this; }
        public Builder batchNeighbors(boolean v) { batchNeighbors = v; return this; }
        public Builder siamese(SiameseOptions v) { siamese = v; return this; }

        public SpecRageOptions build() {
            return new SpecRageOptions(k, network, fusion, fusionHidden, temperature, training, neighbors, scaleK, scale, normalization, metrics,
                    ortho, gradientThroughOrtho, batchNeighbors, extraDimensions, autoencoder, siamese, preprocess, kmeansRestarts, seed);
        }
    }
}
