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
     * N = D^-1/2 W D^-1/2, and the loss uses the normalised Laplacian weighted on both sides,
     * tr(Y^T A (I - N) A Y) with A = diag(alpha_v). With uniform weights its minimiser is the
     * bottom eigenvectors of the mean of the views' L_sym (the exact multi-view baseline, which is
     * far more accurate than the unnormalised Laplacian on these data sets). A sample's weight in a
     * view falls when its embedding disagrees with its neighbours' there. The embedding's rows are
     * scaled to unit length before k-means (Ng, Jordan and Weiss).
     */
    SYMMETRIC;

    /** Whether the loss uses the weighted normalised Laplacian A (I - N) A. */
    boolean normalizedLaplacian() {
        return this == SYMMETRIC;
    }

    /** Whether the embedding's rows are scaled to unit length before k-means. */
    public boolean unitRowsForClustering() {
        return this == SYMMETRIC;
    }

    /** Applies the normalisation in place to the m x m symmetric affinity w; rowSums is scratch of length m. */
    void apply(float[] w, int m, double[] rowSums) {
        if (this == NONE) return;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0, b = i * m; j < m; j++) s += w[b + j];
            rowSums[i] = s > 0 ? 1 / s : 0;
        }
        if (this == SYMMETRIC) {
            for (int i = 0; i < m; i++) rowSums[i] = Math.sqrt(rowSums[i]);
            for (int i = 0, b = 0; i < m; i++, b += m) {
                for (int j = 0; j < m; j++) w[b + j] = (float) (w[b + j] * rowSums[i] * rowSums[j]);
            }
            return;
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
