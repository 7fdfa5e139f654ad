package org.specrage.methods.common;

import org.specrage.data.prep.Preprocessing;
import org.specrage.methods.autoencoder.AutoencoderOptions;

/**
 * The options every neural method has (SpectralNet, SpecNet2, SpecRaGE); their option records
 * implement it with their own components of these names. Built with a {@link NeuralOptionsBuilder}.
 */
public interface NeuralOptions extends JsonWritable {
    /** Number of clusters. */
    int k();

    NetworkSpec network();

    TrainingOptions training();

    /** K of the kNN affinity. */
    int neighbors();

    /** Neighbour rank setting the Gaussian scale. */
    int scaleK();

    /** Null, or the autoencoder whose codes replace the input. */
    AutoencoderOptions autoencoder();

    /** Per-view scaling fitted on the training rows. */
    String preprocess();

    /** k-means restarts on the training embedding. */
    int kmeansRestarts();

    /** Drives every random choice. */
    long seed();

    /** Checks the shared values a record's constructor gets (the nulls aside). */
    static void checkShared(int k, int neighbors, int scaleK, String preprocess, int kmeansRestarts) {
        if (k < 1) throw new IllegalArgumentException("k (clusters) must be at least 1, got " + k);
        if (neighbors < 1) throw new IllegalArgumentException("neighbors must be at least 1, got " + neighbors);
        if (scaleK < 1 || scaleK > neighbors) throw new IllegalArgumentException("scale-k must be between 1 and neighbors (" + neighbors + "), got " + scaleK);
        if (preprocess == null || !Preprocessing.KINDS.contains(preprocess)) {
            throw new IllegalArgumentException("preprocess must be one of " + Preprocessing.KINDS + ", got " + preprocess);
        }
        if (kmeansRestarts < 1) throw new IllegalArgumentException("k-means restarts must be at least 1, got " + kmeansRestarts);
    }

    /** Checks the Fourier feature settings of the methods that offer them. */
    static void checkFourier(int fourierFeatures, double fourierScale) {
        if (fourierFeatures < 0) throw new IllegalArgumentException("Fourier feature count must be >= 0, got " + fourierFeatures);
        if (!(fourierScale > 0 && Double.isFinite(fourierScale))) throw new IllegalArgumentException("Fourier scale must be positive, got " + fourierScale);
    }
}
