package org.specrage.methods.common;

/** Options of the methods with one network (SpectralNet, SpecNet2): its output size and its random Fourier input. */
public interface SingleNetworkOptions extends NeuralOptions {
    /** Columns of the embedding. */
    int embeddingDim();

    /** Random Fourier features fed to the network instead of its raw input (0: none). */
    int fourierFeatures();

    /** Standard deviation of the Fourier frequencies. */
    double fourierScale();

    /** Checks the values of this interface a record's constructor gets. */
    static void checkSingleNetwork(int embeddingDim, int fourierFeatures, double fourierScale) {
        if (embeddingDim < 1) throw new IllegalArgumentException("embedding dimension must be at least 1, got " + embeddingDim);
        if (fourierFeatures < 0) throw new IllegalArgumentException("Fourier feature count must be >= 0, got " + fourierFeatures);
        if (!(fourierScale > 0 && Double.isFinite(fourierScale))) throw new IllegalArgumentException("Fourier scale must be positive, got " + fourierScale);
    }
}
