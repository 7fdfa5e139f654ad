package org.specrage.methods.common;

import org.specrage.methods.autoencoder.AutoencoderOptions;

/**
 * The part of the neural methods' option builders that they share: the {@link NeuralOptions}
 * values, their setters and their JSON keys. Each method's Builder extends it with its own values.
 *
 * @param <B> the method's builder, returned by the setters
 */
public abstract class NeuralOptionsBuilder<B extends NeuralOptionsBuilder<B>> {
    protected final int k;
    protected NetworkSpec network;
    protected TrainingOptions training;
    protected int neighbors;
    protected int scaleK;
    protected AutoencoderOptions autoencoder;
    protected String preprocess = "minmax";
    protected int kmeansRestarts = 10;
    protected long seed;

    /** A builder with the method's defaults for the values whose defaults differ between methods. */
    protected NeuralOptionsBuilder(int k, NetworkSpec network, TrainingOptions training, int neighbors, int scaleK) {
        this.k = k;
        this.network = network;
        this.training = training;
        this.neighbors = neighbors;
        this.scaleK = scaleK;
    }

    /** A builder holding the shared values of built options. */
    protected NeuralOptionsBuilder(NeuralOptions from) {
        this(from.k(), from.network(), from.training(), from.neighbors(), from.scaleK());
        autoencoder = from.autoencoder();
        preprocess = from.preprocess();
        kmeansRestarts = from.kmeansRestarts();
        seed = from.seed();
    }

    public B network(NetworkSpec v) { network = v; return self(); }
    public B training(TrainingOptions v) { training = v; return self(); }
    public B epochs(int v) { training = training.withEpochs(v); return self(); }
    public B batchSize(int v) { training = training.withBatchSize(v); return self(); }
    public B learningRate(double v) { training = training.withLearningRate(v); return self(); }
    /** K and the scale rank together (scaleK <= neighbors). */
    public B neighbors(int v, int scaleRank) { neighbors = v; scaleK = scaleRank; return self(); }
    public B autoencoder(AutoencoderOptions v) { autoencoder = v; return self(); }
    public B preprocess(String v) { preprocess = v; return self(); }
    public B kmeansRestarts(int v) { kmeansRestarts = v; return self(); }
    public B seed(long v) { seed = v; return self(); }

    /**
     * Reads the shared keys over the builder's values; "scale_k" defaults to at most "neighbors". A
     * present "autoencoder" object (even empty) switches the autoencoder on with its defaults, null off.
     */
    protected void readShared(JsonOptions json) {
        network = NetworkSpec.fromJson(json.object("network"), network);
        training = TrainingOptions.fromJson(json.object("training"), training);
        int defaultScaleK = scaleK;
        neighbors = json.integer("neighbors", neighbors);
        scaleK = json.integer("scale_k", Math.min(defaultScaleK, neighbors));
        autoencoder = json.has("autoencoder") ? AutoencoderOptions.fromJson(json.object("autoencoder")) : null;
        preprocess = json.string("preprocess", preprocess);
        kmeansRestarts = json.integer("kmeans_restarts", kmeansRestarts);
        seed = json.longValue("seed", seed);
    }

    @SuppressWarnings("unchecked")
    protected final B self() {
        return (B) this;
    }
}
