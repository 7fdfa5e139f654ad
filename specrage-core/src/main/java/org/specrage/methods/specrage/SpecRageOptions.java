package org.specrage.methods.specrage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.specrage.graph.Metric;
import org.specrage.nn.Activation;

/**
 * Settings of a SpecRaGE fit. Build with {@link #builder(int)}; defaults follow the reference
 * implementation (networks 1024-1024-512 LeakyReLU, fusion 50 ReLU, Adam 1e-3, batch 1024,
 * 35 epochs, learning rate x0.1 after 5 epochs without improvement, kNN 30, scale from the 15th
 * neighbour, batch-median bandwidth, min-max scaling per view).
 */
public final class SpecRageOptions {
    private final int k;
    private final int neighbors;
    private final int scaleK;
    private final List<Metric> metrics;
    private final FusionMode fusion;
    private final double temperature;
    private final int fusionHidden;
    private final int[] hidden;
    private final Activation activation;
    private final int epochs;
    private final int batchSize;
    private final double learningRate;
    private final double lrFactor;
    private final int lrPatience;
    private final double minLearningRate;
    private final boolean orthoGradient;
    private final String preprocess;
    private final int restarts;
    private final long seed;

    private SpecRageOptions(Builder b) {
        this.k = b.k;
        this.neighbors = b.neighbors;
        this.scaleK = b.scaleK;
        this.metrics = List.copyOf(b.metrics);
        this.fusion = b.fusion;
        this.temperature = b.temperature;
        this.fusionHidden = b.fusionHidden;
        this.hidden = b.hidden.clone();
        this.activation = b.activation;
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.learningRate = b.learningRate;
        this.lrFactor = b.lrFactor;
        this.lrPatience = b.lrPatience;
        this.minLearningRate = b.minLearningRate;
        this.orthoGradient = b.orthoGradient;
        this.preprocess = b.preprocess;
        this.restarts = b.restarts;
        this.seed = b.seed;
    }

    /** Defaults for k clusters (k is also the embedding dimension). */
    public static Builder builder(int k) {
        return new Builder(k);
    }

    public Builder toBuilder() {
        Builder b = new Builder(k);
        b.neighbors = neighbors;
        b.scaleK = scaleK;
        b.metrics = metrics;
        b.fusion = fusion;
        b.temperature = temperature;
        b.fusionHidden = fusionHidden;
        b.hidden = hidden.clone();
        b.activation = activation;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.lrFactor = lrFactor;
        b.lrPatience = lrPatience;
        b.minLearningRate = minLearningRate;
        b.orthoGradient = orthoGradient;
        b.preprocess = preprocess;
        b.restarts = restarts;
        b.seed = seed;
        return b;
    }

    public int k() { return k; }
    public int neighbors() { return neighbors; }
    public int scaleK() { return scaleK; }
    /** The affinity metric of view v (one entry applies to every view). */
    public Metric metric(int v) { return metrics.size() == 1 ? metrics.get(0) : metrics.get(v); }
    public List<Metric> metrics() { return metrics; }
    public FusionMode fusion() { return fusion; }
    public double temperature() { return temperature; }
    public int fusionHidden() { return fusionHidden; }
    public int[] hidden() { return hidden.clone(); }
    public Activation activation() { return activation; }
    public int epochs() { return epochs; }
    public int batchSize() { return batchSize; }
    public double learningRate() { return learningRate; }
    public double lrFactor() { return lrFactor; }
    public int lrPatience() { return lrPatience; }
    public double minLearningRate() { return minLearningRate; }
    /** True: the gradient flows through the orthonormalisation matrix A (computed on the ortho batch); false: A is a constant. */
    public boolean orthoGradient() { return orthoGradient; }
    public String preprocess() { return preprocess; }
    /** k-means restarts for the stored centroids. */
    public int restarts() { return restarts; }
    public long seed() { return seed; }

    /** Checks the options against a data set with the given number of views. */
    void checkViews(int views) {
        if (metrics.size() != 1 && metrics.size() != views) {
            throw new IllegalArgumentException("give one affinity metric or one per view (" + views + "), got " + metrics.size());
        }
    }

    /** JSON-ready form with snake_case keys. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", k);
        m.put("neighbors", neighbors);
        m.put("scale_k", scaleK);
        m.put("metrics", metrics.stream().map(x -> x.name().toLowerCase(Locale.ROOT)).toList());
        m.put("fusion", fusion.name().toLowerCase(Locale.ROOT));
        m.put("temperature", temperature);
        m.put("fusion_hidden", fusionHidden);
        m.put("hidden", hidden.clone());
        m.put("activation", activation.name().toLowerCase(Locale.ROOT));
        m.put("epochs", epochs);
        m.put("batch_size", batchSize);
        m.put("learning_rate", learningRate);
        m.put("lr_factor", lrFactor);
        m.put("lr_patience", lrPatience);
        m.put("min_learning_rate", minLearningRate);
        m.put("ortho_gradient", orthoGradient);
        m.put("preprocess", preprocess);
        m.put("restarts", restarts);
        m.put("seed", seed);
        return m;
    }

    @Override
    public String toString() {
        Map<String, Object> m = toJson();
        m.put("hidden", Arrays.toString(hidden));
        return "SpecRageOptions" + m;
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private final int k;
        private int neighbors = 30;
        private int scaleK = 15;
        private List<Metric> metrics = List.of(Metric.EUCLIDEAN);
        private FusionMode fusion = FusionMode.LEARNED;
        private double temperature = 5;
        private int fusionHidden = 50;
        private int[] hidden = {1024, 1024, 512};
        private Activation activation = Activation.LEAKY_RELU;
        private int epochs = 35;
        private int batchSize = 1024;
        private double learningRate = 1e-3;
        private double lrFactor = 0.1;
        private int lrPatience = 5;
        private double minLearningRate = 1e-8;
        private boolean orthoGradient = false;
        private String preprocess = "minmax";
        private int restarts = 10;
        private long seed;

        private Builder(int k) {
            this.k = k;
        }

        /** kNN of the per-batch affinity and the neighbour rank (1-based) that sets the bandwidth. */
        public Builder neighbors(int neighbors, int scaleK) { this.neighbors = neighbors; this.scaleK = scaleK; return this; }
        /** One affinity metric for every view, or one per view. */
        public Builder metrics(Metric... metrics) { this.metrics = List.of(metrics); return this; }
        public Builder fusion(FusionMode fusion) { this.fusion = fusion; return this; }
        public Builder temperature(double t) { this.temperature = t; return this; }
        public Builder fusionHidden(int units) { this.fusionHidden = units; return this; }
        public Builder hidden(int... sizes) { this.hidden = sizes.clone(); return this; }
        public Builder activation(Activation a) { this.activation = a; return this; }
        public Builder epochs(int e) { this.epochs = e; return this; }
        public Builder batchSize(int b) { this.batchSize = b; return this; }
        public Builder learningRate(double lr) { this.learningRate = lr; return this; }
        /** Plateau schedule: factor, patience in epochs, and the learning rate below which training stops. */
        public Builder schedule(double factor, int patience, double minLr) { this.lrFactor = factor; this.lrPatience = patience; this.minLearningRate = minLr; return this; }
        public Builder orthoGradient(boolean through) { this.orthoGradient = through; return this; }
        public Builder preprocess(String kind) { this.preprocess = kind; return this; }
        public Builder restarts(int r) { this.restarts = r; return this; }
        public Builder seed(long s) { this.seed = s; return this; }

        public SpecRageOptions build() {
            if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
            if (neighbors < 1) throw new IllegalArgumentException("neighbors must be at least 1, got " + neighbors);
            if (scaleK < 1 || scaleK > neighbors) throw new IllegalArgumentException("scale-k must be between 1 and neighbors (" + neighbors + "), got " + scaleK);
            if (metrics.isEmpty()) throw new IllegalArgumentException("give at least one affinity metric");
            for (Metric m : metrics) if (m == null) throw new IllegalArgumentException("affinity metric must not be null");
            if (fusion == null) throw new IllegalArgumentException("fusion mode must not be null");
            if (!(temperature > 0 && Double.isFinite(temperature))) throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
            if (fusionHidden < 1) throw new IllegalArgumentException("fusion hidden units must be at least 1, got " + fusionHidden);
            for (int h : hidden) if (h < 1) throw new IllegalArgumentException("hidden sizes must be positive, got " + Arrays.toString(hidden));
            if (activation == null) throw new IllegalArgumentException("activation must not be null");
            if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            if (batchSize < 2) throw new IllegalArgumentException("batch size must be at least 2, got " + batchSize);
            if (!(learningRate > 0 && Double.isFinite(learningRate))) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
            if (!(lrFactor > 0 && lrFactor < 1)) throw new IllegalArgumentException("learning-rate factor must be in (0, 1), got " + lrFactor);
            if (lrPatience < 0) throw new IllegalArgumentException("learning-rate patience must be >= 0, got " + lrPatience);
            if (!(minLearningRate >= 0 && minLearningRate < learningRate)) throw new IllegalArgumentException("min learning rate must be in [0, learning rate), got " + minLearningRate);
            if (preprocess == null) throw new IllegalArgumentException("preprocess must not be null (use \"none\")");
            if (restarts < 1) throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
            return new SpecRageOptions(this);
        }
    }
}
