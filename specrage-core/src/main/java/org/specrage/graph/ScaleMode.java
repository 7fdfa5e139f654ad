package org.specrage.graph;

/** Bandwidth of the Gaussian affinity. */
public enum ScaleMode {
    /** One sigma for all pairs: the median over points of the distance to their scale_k-th neighbour. */
    GLOBAL_MEDIAN,
    /** Self-tuning: sigma_i sigma_j for pair (i, j), sigma_i the distance from i to its scale_k-th neighbour. */
    LOCAL
}
