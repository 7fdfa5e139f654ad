package org.specrage.graph;

/** How a kNN edge becomes a weight. */
public enum AffinityKind {
    /** exp(-d^2 / sigma^2) with a global or a local (self-tuning) scale; note sigma^2, not 2 sigma^2. */
    GAUSSIAN,
    /** The cosine similarity max(0, 1 - d) of a graph built with {@link Metric#COSINE}; for text views. */
    COSINE,
    /** Weight 1 on every kNN edge (scikit-learn's "nearest_neighbors" affinity). */
    CONNECTIVITY
}
