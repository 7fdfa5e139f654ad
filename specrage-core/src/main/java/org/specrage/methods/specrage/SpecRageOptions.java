package org.specrage.methods.specrage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
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
 * @param consistencyPenalty   0 (default): off. Above 0: before training, each view's training rows are clustered and a
 *                             cluster that no other view's clusters depend on is marked ({@link ViewConsistency}: contaminated
 *                             rows gather there); those rows' affinities in that view are dropped, and the loss adds this
 *                             weight times the mean fusion weight the batch puts on views where its rows are marked (0.003 on
 *                             BDGP). The model keeps the clusters as a {@link ViewGate}: a row, training or new, whose nearest
 *                             cluster in a view is a marked one gets weight 0 on that view and is embedded from its other views
 *                             by ridge maps to the fused output ({@link SingleViewHeads}). Clean data marks nothing and trains
 *                             exactly as with 0
 * @param coTraining           0 (default). Above 0, and only when {@code consistencyPenalty} marks rows: the loss adds this
 *                             weight times the mean squared distance between each view network's output and the fused
 *                             output (held constant) over the unmarked rows of the batch, so that every view network learns
 *                             on its own what the views find together. With the gate's ridge maps it no longer helps on BDGP
 *                             (text view contaminated, 3 seeds: 0.929 with 0.03, 0.937 without)
 * @param metrics              affinity metric per view (one entry applies to all): AUTO (default: cosine for a bag-of-words
 *                             view, sparse or dense counts, without autoencoder or Siamese net, Euclidean otherwise), EUCLIDEAN or COSINE (rows scaled to unit length)
 * @param ortho                CHOLESKY (default) or QR
 * @param gradientThroughOrtho true (default, as the reference): the gradient flows through A into the ortho batch
 * @param autoencoder          null (default) or the per-view autoencoder whose codes replace each view
 * @param siamese              null (default) or the per-view Siamese net whose output is that view's affinity space
 * @param viewAutoencoders     null (default: {@code autoencoder} for every view), or one entry per view, each null (that
 *                             view keeps its own features) or its autoencoder: different sizes for views of different widths
 * @param viewSiamese          null (default: {@code siamese} for every view), or one entry per view, each null or its Siamese net
 * @param preprocess           per-view scaling fitted on the training rows: minmax (default), standard, l2, tfidf, none
 * @param kmeansRestarts       k-means restarts on the training embedding (default 10)
 * @param seed                 drives every random choice (default 0)
 */
public record SpecRageOptions(int k, NetworkSpec network, FusionMode fusion, int fusionHidden, double temperature,
                              TrainingOptions training, int neighbors, int scaleK, BatchScale scale, AffinityNormalization normalization, List<ViewMetric> metrics,
                              OrthoMethod ortho, boolean gradientThroughOrtho, boolean batchNeighbors, int extraDimensions, double consistencyPenalty, double coTraining,
                              AutoencoderOptions autoencoder,
                              SiameseOptions siamese, List<AutoencoderOptions> viewAutoencoders, List<SiameseOptions> viewSiamese,
                              String preprocess, int kmeansRestarts, long seed) implements NeuralOptions {
    public static final NetworkSpec DEFAULT_NETWORK = new NetworkSpec(new int[] {1024, 1024, 512}, Activation.LEAKY_RELU, Activation.TANH);
    public static final TrainingOptions DEFAULT_TRAINING = TrainingOptions.of(35).withSchedule(0.1, 5, 1e-8);

    public SpecRageOptions {
        NeuralOptions.checkShared(k, neighbors, scaleK, preprocess, kmeansRestarts);
        if (network == null || fusion == null || training == null || scale == null || normalization == null || ortho == null || metrics == null) {
            throw new IllegalArgumentException("network, fusion, training, scale, ortho and metrics must be given");
        }
        if (extraDimensions < 0) throw new IllegalArgumentException("extra dimensions must be at least 0, got " + extraDimensions);
        if (!(consistencyPenalty >= 0 && Double.isFinite(consistencyPenalty))) {
            throw new IllegalArgumentException("consistency penalty must be finite and at least 0, got " + consistencyPenalty);
        }
        if (!(coTraining >= 0 && Double.isFinite(coTraining))) throw new IllegalArgumentException("co-training weight must be finite and at least 0, got " + coTraining);
        if (fusionHidden < 1) throw new IllegalArgumentException("fusion hidden units must be at least 1, got " + fusionHidden);
        if (!(temperature > 0 && Double.isFinite(temperature))) throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty()) throw new IllegalArgumentException("give at least one affinity metric");
        if (viewAutoencoders != null && autoencoder != null) {
            throw new IllegalArgumentException("give an autoencoder for every view or one per view (view_autoencoders), not both");
        }
        if (viewSiamese != null && siamese != null) {
            throw new IllegalArgumentException("give a Siamese net for every view or one per view (view_siamese), not both");
        }
        viewAutoencoders = perView(viewAutoencoders, "view_autoencoders");
        viewSiamese = perView(viewSiamese, "view_siamese");
    }

    /** An unmodifiable copy that keeps null entries (views without that stage); null stays null. */
    private static <T> List<T> perView(List<T> entries, String name) {
        if (entries == null) return null;
        if (entries.isEmpty()) throw new IllegalArgumentException(name + " needs one entry per view, got none");
        return java.util.Collections.unmodifiableList(new ArrayList<>(entries));
    }

    /** The autoencoder of view v, or null when view v keeps its own features. */
    public AutoencoderOptions autoencoderFor(int v) {
        return viewAutoencoders != null ? viewAutoencoders.get(v) : autoencoder;
    }

    /** The Siamese net of view v, or null when view v's affinities use its (encoded) features. */
    public SiameseOptions siameseFor(int v) {
        return viewSiamese != null ? viewSiamese.get(v) : siamese;
    }

    public static Builder builder(int k) {
        return new Builder(k);
    }

    /** The affinity metric asked for view v (AUTO is resolved by {@link #metric(int, boolean)}). */
    public ViewMetric viewMetric(int v) {
        return metrics.size() == 1 ? metrics.get(0) : metrics.get(v);
    }

    /** The metric view v's affinities use, given whether that view holds bag-of-words rows ({@link View#isBagOfWords}). */
    public Metric metric(int v, boolean bagOfWords) {
        return viewMetric(v).resolve(bagOfWords, autoencoderFor(v) != null || siameseFor(v) != null);
    }

    /**
     * These options with AUTO replaced by the metric each view of {@code data} gets. A sweep that
     * corrupts a sparse view (outliers and noise make it dense) resolves on the clean data first, so
     * that the corruption does not also switch the metric.
     */
    public SpecRageOptions withMetricsResolved(MultiViewData data) {
        checkViews(data.viewCount());
        Metric[] resolved = new Metric[data.viewCount()];
        // the bag-of-words test reads the whole view: only AUTO needs it
        for (int v = 0; v < resolved.length; v++) resolved[v] = metric(v, viewMetric(v) == ViewMetric.AUTO && data.view(v).isBagOfWords());
        return toBuilder().metrics(resolved).build();
    }

    /** Checks the options against a data set with the given number of views. */
    void checkViews(int views) {
        if (metrics.size() != 1 && metrics.size() != views) {
            throw new IllegalArgumentException("give one affinity metric or one per view (" + views + "), got " + metrics.size());
        }
        if (viewAutoencoders != null && viewAutoencoders.size() != views) {
            throw new IllegalArgumentException("view_autoencoders has " + viewAutoencoders.size() + " entr" + (viewAutoencoders.size() == 1 ? "y" : "ies")
                    + " for " + views + " views");
        }
        if (viewSiamese != null && viewSiamese.size() != views) {
            throw new IllegalArgumentException("view_siamese has " + viewSiamese.size() + " entr" + (viewSiamese.size() == 1 ? "y" : "ies")
                    + " for " + views + " views");
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

    /** "metrics": one name or an array of names (auto, euclidean, cosine). */
    private static List<ViewMetric> metricsFromJson(Object value) {
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<ViewMetric> out = new ArrayList<>();
        for (Object item : items) {
            String name = item instanceof String s ? s.trim().toUpperCase(java.util.Locale.ROOT) : "";
            try {
                out.add(ViewMetric.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("specrage options: \"metrics\" must be auto, euclidean or cosine (one, or one per view), got " + value);
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
        private double consistencyPenalty;
        private double coTraining;
        private boolean batchNeighbors = true;
        private List<ViewMetric> metrics = List.of(ViewMetric.AUTO);
        private OrthoMethod ortho = OrthoMethod.CHOLESKY;
        private boolean gradientThroughOrtho = true;
        private SiameseOptions siamese;
        private List<AutoencoderOptions> viewAutoencoders;
        private List<SiameseOptions> viewSiamese;

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
            consistencyPenalty = o.consistencyPenalty;
            coTraining = o.coTraining;
            batchNeighbors = o.batchNeighbors;
            siamese = o.siamese;
            viewAutoencoders = o.viewAutoencoders;
            viewSiamese = o.viewSiamese;
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
            consistencyPenalty = json.number("consistency_penalty", consistencyPenalty);
            coTraining = json.number("co_training", coTraining);
            siamese = json.has("siamese") ? SiameseOptions.fromJson(json.object("siamese")) : null;
            viewAutoencoders = perViewFromJson(json.objectsOrNulls("view_autoencoders"), AutoencoderOptions::fromJson);
            viewSiamese = perViewFromJson(json.objectsOrNulls("view_siamese"), SiameseOptions::fromJson);
            return this;
        }

        private static <T> List<T> perViewFromJson(List<JsonOptions> entries, java.util.function.Function<JsonOptions, T> read) {
            if (entries == null) return null;
            List<T> out = new ArrayList<>();
            for (JsonOptions e : entries) out.add(e == null ? null : read.apply(e));
            return out;
        }

        /** Hidden sizes of the view networks (activations kept). */
        public Builder hidden(int... sizes) { network = new NetworkSpec(sizes, network.activation(), network.outputActivation()); return this; }
        public Builder fusion(FusionMode v) { fusion = v; return this; }
        public Builder fusionHidden(int v) { fusionHidden = v; return this; }
        public Builder temperature(double v) { temperature = v; return this; }
        public Builder scale(BatchScale v) { scale = v; return this; }
        public Builder normalization(AffinityNormalization v) { normalization = v; return this; }
        /** One affinity metric for every view, or one per view. */
        public Builder metrics(ViewMetric... v) { metrics = List.of(v); return this; }
        /** As {@link #metrics(ViewMetric...)} with the graph package's metrics. */
        public Builder metrics(Metric... v) { metrics = java.util.Arrays.stream(v).map(ViewMetric::of).toList(); return this; }
        public Builder ortho(OrthoMethod v) { ortho = v; return this; }
        public Builder gradientThroughOrtho(boolean v) { gradientThroughOrtho = v; return this; }
        public Builder extraDimensions(int v) { extraDimensions = v; return this; }
        public Builder consistencyPenalty(double v) { consistencyPenalty = v; return this; }
        public Builder coTraining(double v) { coTraining = v; return this; }
        public Builder batchNeighbors(boolean v) { batchNeighbors = v; return this; }
        /** One Siamese net for every view; replaces {@link #viewSiamese}. */
        public Builder siamese(SiameseOptions v) { siamese = v; viewSiamese = null; return this; }
        /** One autoencoder for every view; replaces {@link #viewAutoencoders}. */
        @Override
        public Builder autoencoder(AutoencoderOptions v) { viewAutoencoders = null; return super.autoencoder(v); }
        /** One autoencoder per view (null entries: that view keeps its features); replaces {@link #autoencoder}. */
        public Builder viewAutoencoders(AutoencoderOptions... v) { viewAutoencoders = java.util.Arrays.asList(v); autoencoder = null; return this; }
        /** One Siamese net per view (null entries: none for that view); replaces {@link #siamese}. */
        public Builder viewSiamese(SiameseOptions... v) { viewSiamese = java.util.Arrays.asList(v); siamese = null; return this; }

        public SpecRageOptions build() {
            return new SpecRageOptions(k, network, fusion, fusionHidden, temperature, training, neighbors, scaleK, scale, normalization, metrics,
                    ortho, gradientThroughOrtho, batchNeighbors, extraDimensions, consistencyPenalty, coTraining, autoencoder, siamese, viewAutoencoders, viewSiamese,
                    preprocess, kmeansRestarts, seed);
        }
    }
}
