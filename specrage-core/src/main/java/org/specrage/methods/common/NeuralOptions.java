package org.specrage.methods.common;

import java.util.Map;
import org.specrage.data.prep.Preprocessing;
import org.specrage.methods.autoencoder.AutoencoderOptions;

/**
 * The options every neural method has (SpectralNet, SpecNet2, SpecRaGE); their option
 * records implement it with their own components of these names. Built with a {@link NeuralOptionsBuilder}.
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

    /** JSON-ready form with snake_case keys (stored in the model manifest; also the config-file format): see {@link OptionsJson}. */
    @Override
    default Map<String, Object> toJson() {
        if (!(this instanceof Record options)) throw new IllegalStateException(getClass().getName() + " is not a record");
        return OptionsJson.write(options);
    }

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
}
