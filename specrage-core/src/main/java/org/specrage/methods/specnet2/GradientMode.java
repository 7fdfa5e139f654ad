package org.specrage.methods.specnet2;

/** How SpecNet2 estimates the gradient of its objective at each step. */
public enum GradientMode {
    /** Every training row, every step (exact gradient; for small n). */
    FULL,
    /** The batch's sub-graph only: W restricted to the batch, its own degrees, n replaced by m. */
    LOCAL,
    /**
     * The batch and its graph neighbours are forwarded; Y^T D Y and d^T Y are tracked over an output
     * cache of all rows, updated with the fresh rows each step.
     */
    NEIGHBOR
}
