package org.specrage.methods.exact;

/** How several views make one spectral problem. */
public enum ViewCombination {
    /** One kNN graph per view; eigenvectors of the mean of the views' normalised Laplacians. */
    MEAN_LAPLACIAN,
    /** Views scaled separately, then joined column-wise into one feature matrix and one graph. */
    CONCAT
}
