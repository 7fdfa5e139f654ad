package org.specrage.methods.specrage;

/** How the per-view outputs are weighted for each sample. */
public enum FusionMode {
    /** A fusion network over the concatenated views gives softmax(q(x) / T) per sample. */
    LEARNED,
    /** Every view weighs 1/V for every sample (the ablation without a fusion network). */
    UNIFORM
}
