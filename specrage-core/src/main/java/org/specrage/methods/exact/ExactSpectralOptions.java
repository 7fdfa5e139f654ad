package org.specrage.methods.exact;

import org.specrage.graph.ScaleMode;

/**
 * Options of exact spectral clustering. Defaults: 10 neighbours, Gaussian scale from the 5th
 * neighbour (global median), affinity chosen per view (AUTO), views joined column-wise, min-max
 * scaling per view, 10 k-means restarts, seed 0.
 *
 * @param k          number of clusters and of eigenvectors
 * @param neighbors  K of the kNN graph (the point itself not counted)
 * @param scaleK     neighbour rank (1-based) whose distance sets the Gaussian scale; at most neighbors
 * @param preprocess per-view scaling: minmax, standard, l2, tfidf or none
 */
public record ExactSpectralOptions(int k, int neighbors, int scaleK, AffinityChoice affinity, ScaleMode scale,
                                   ViewCombination combine, String preprocess, int restarts, long seed) {

    public ExactSpectralOptions {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        if (neighbors < 1) throw new IllegalArgumentException("neighbors must be at least 1, got " + neighbors);
        if (scaleK < 1 || scaleK > neighbors) {
            throw new IllegalArgumentException("scale-k must be between 1 and neighbors (" + neighbors + "), got " + scaleK);
        }
        if (restarts < 1) throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
    }

    public static ExactSpectralOptions defaults(int k) {
        return new ExactSpectralOptions(k, 10, 5, AffinityChoice.AUTO, ScaleMode.GLOBAL_MEDIAN,
                ViewCombination.CONCAT, "minmax", 10, 0L);
    }

    public ExactSpectralOptions withNeighbors(int n, int s) {
        return new ExactSpectralOptions(k, n, s, affinity, scale, combine, preprocess, restarts, seed);
    }

    public ExactSpectralOptions withAffinity(AffinityChoice a, ScaleMode s) {
        return new ExactSpectralOptions(k, neighbors, scaleK, a, s, combine, preprocess, restarts, seed);
    }

    public ExactSpectralOptions withCombine(ViewCombination c) {
        return new ExactSpectralOptions(k, neighbors, scaleK, affinity, scale, c, preprocess, restarts, seed);
    }

    public ExactSpectralOptions withPreprocess(String p) {
        return new ExactSpectralOptions(k, neighbors, scaleK, affinity, scale, combine, p, restarts, seed);
    }

    public ExactSpectralOptions withRestarts(int r) {
        return new ExactSpectralOptions(k, neighbors, scaleK, affinity, scale, combine, preprocess, r, seed);
    }

    public ExactSpectralOptions withSeed(long s) {
        return new ExactSpectralOptions(k, neighbors, scaleK, affinity, scale, combine, preprocess, restarts, s);
    }
}
