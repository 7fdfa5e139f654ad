package org.specrage.methods.common;

/** Where the Gaussian bandwidth of a per-batch affinity comes from. */
public enum BatchScale {
    /** Self-tuning: sigma_i sigma_j, sigma_i the distance from i to its scale_k-th neighbour in the batch. */
    LOCAL,
    /** One sigma per batch: the median over the batch of the distance to the scale_k-th neighbour. */
    BATCH_MEDIAN,
    /** One sigma for all batches, fixed before training (e.g. from the training set's exact kNN graph). */
    FIXED
}
