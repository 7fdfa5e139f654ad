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
    ROW;

    /** Applies the normalisation in place to the m x m symmetric affinity w; rowSums is scratch of length m. */
    void apply(float[] w, int m, double[] rowSums) {
        if (this == NONE) return;
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
