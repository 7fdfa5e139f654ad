package org.specrage.methods.common;

/**
 * The builder part of {@link SingleNetworkOptions}: the embedding dimension (default k) and the
 * random Fourier features (default none, scale 0.5).
 *
 * @param <B> the method's builder, returned by the setters
 */
public abstract class SingleNetworkOptionsBuilder<B extends SingleNetworkOptionsBuilder<B>> extends NeuralOptionsBuilder<B> {
    protected int embeddingDim;
    protected int fourierFeatures;
    protected double fourierScale = 0.5;

    protected SingleNetworkOptionsBuilder(int k, NetworkSpec network, TrainingOptions training, int neighbors, int scaleK) {
        super(k, network, training, neighbors, scaleK);
        this.embeddingDim = k;
    }

    protected SingleNetworkOptionsBuilder(SingleNetworkOptions from) {
        super(from);
        embeddingDim = from.embeddingDim();
        fourierFeatures = from.fourierFeatures();
        fourierScale = from.fourierScale();
    }

    public B embeddingDim(int v) { embeddingDim = v; return self(); }
    /** Random Fourier features of the network input: count frequencies with standard deviation scale. */
    public B fourierFeatures(int count, double scale) { fourierFeatures = count; fourierScale = scale; return self(); }

    /** {@link NeuralOptionsBuilder#readShared} and the keys embedding_dim, fourier_features, fourier_scale. */
    @Override
    protected void readShared(JsonOptions json) {
        super.readShared(json);
        embeddingDim = json.integer("embedding_dim", embeddingDim);
        fourierFeatures = json.integer("fourier_features", fourierFeatures);
        fourierScale = json.number("fourier_scale", fourierScale);
    }
}
