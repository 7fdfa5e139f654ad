package org.specrage.graph;

/** Distance used to find neighbours. */
public enum Metric {
    /** Euclidean distance ||a - b||. */
    EUCLIDEAN,
    /** Cosine distance 1 - cos(a, b), in [0, 2]; rows of zeros are at distance 1 from everything. */
    COSINE
}
