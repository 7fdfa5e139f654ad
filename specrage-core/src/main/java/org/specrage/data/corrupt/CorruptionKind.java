package org.specrage.data.corrupt;

/** How the chosen rows of one view are contaminated. */
public enum CorruptionKind {
    /** Add Gaussian noise with std = strength x the feature's std over all rows. */
    GAUSSIAN,
    /**
     * Replace the row by an outlier: each feature drawn uniformly from the feature's observed
     * range widened by strength x range on both sides (strength 0: the range itself).
     */
    OUTLIER,
    /** Permute the chosen rows among themselves: the view no longer matches the other views. */
    SHUFFLE,
    /** Set the row to zero, as for a missing view. */
    ZERO
}
