package org.specrage.methods.specrage;

/**
 * What is done to each view's batch affinity W before it is weighted by the fusion weights.
 * Without normalisation a sample whose affinities in one view are all near zero (an outlier far
 * from every other point) has no energy there, so the loss moves that sample's weight onto the very
 * view where it is an outlier. Row normalisation gives every sample the same total affinity in every
 * view, so a view is judged by how well the embedding agrees with the sample's neighbours there.
 */
public enum AffinityNormalization {
    /** W as built (the paper's formulation). */
    NONE,
    /** S = (P + P^T) / 2 with P = D^-1 W (each row of P sums to 1; rows without affinity stay zero). */
    ROW,
    /**
     * The normalised Laplacian of the weighted affinity: per view tr(Y^T (I - D~^-1/2 W~ D~^-1/2) Y)
     * with W~ = diag(alpha) W diag(alpha), d~ = W~ 1 (W itself is left as built; the loss normalises).
     * With uniform weights its minimiser is the bottom eigenvectors of the mean of the views' L_sym,
     * the exact multi-view baseline. A sample's term grows like sqrt(alpha), not alpha^2, so the
     * fusion weights spread over the views that agree instead of collapsing onto one. The
     * embedding's rows are scaled to unit length before k-means (Ng, Jordan and Weiss).
     */
    SYMMETRIC;

    /** Whether the loss uses the normalised Laplacian of the weighted affinity. */
    boolean normalizedLaplacian() {
        return this == SYMMETRIC;
    }

    /** Whether the embedding's rows are scaled to unit length before k-means. */
    public boolean unitRowsForClustering() {
        return this == SYMMETRIC;
    }

    /** Applies the normalisation in place to the m x m symmetric affinity w; rowSums is scratch of length m. */
    void apply(float[] w, int m, double[] rowSums) {
        if (this != ROW) return;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0, b = i * m; j < m; j++) s += w[b + j];
            rowSums[i] = s > 0 ? 1 / s : 0;
        }
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double wij = w[i * m + j];
                float v = (float) (0.5 * wij * (rowSums[i] + rowSums[j]));
                w[i * m + j] = v;
                w[j * m + i] = v;
            }
        }
    }
}
