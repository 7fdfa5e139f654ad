package org.specrage.methods.specrage;

/**
 * What is done to each view's batch affinity W before it is weighted by the fusion weights, and
 * which Laplacian of the weighted affinity the loss takes. Without normalisation a sample whose affinities in one view are all near zero (an outlier far
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
     * The normalised Laplacian of the fusion-weighted affinity W~ = A W A (degrees of W~). With
     * uniform weights its minimiser is the bottom eigenvectors of the mean of the views' L_sym, the
     * exact multi-view baseline (far more accurate than the unnormalised Laplacian on the bundled
     * data sets). Scaling a view's weights for every sample leaves the loss unchanged, so the fusion
     * cannot drop a view that carries complementary information (MNIST_USPS). The embedding's rows
     * are scaled to unit length before k-means (Ng, Jordan and Weiss).
     */
    SYMMETRIC,
    /**
     * The normalised adjacency N = D^-1/2 W D^-1/2 of W itself, weighted on both sides:
     * tr(Y^T A (I - N) A Y). The weights are not normalised away: a sample's weight in a view falls
     * when its neighbours there disagree with it (an outlier), and a rough view loses weight as a
     * whole (handwritten's weak views), but a view whose graph is only good jointly with another can
     * lose out too. Unit rows before k-means as for SYMMETRIC.
     */
    SYMMETRIC_FIXED_DEGREES;

    /**
     * The quadratic form the loss uses, per view: tr(Y^T L Y) = sum_i diagonal_i |y_i|^2 - Z^T W Z
     * with rows z_i = scale_i y_i, both functions of the sample's weight a_i and s_i = sum_j W_ij a_j.
     */
    enum Laplacian {
        /** Unnormalised Laplacian of A W A. */
        UNNORMALIZED,
        /** Normalised Laplacian of A W A (degrees of the weighted affinity). */
        WEIGHTED_NORMALIZED,
        /** A (I - N) A with N normalised by the degrees of W. */
        NORMALIZED_WEIGHTED;

        /** Keeps sqrt(a / s) and its derivative finite for a row with no affinity in the batch (its W row is zero). */
        static final double EPS = 1e-12;

        double diagonal(double a, double s) {
            return switch (this) {
                case UNNORMALIZED -> a * s;
                case WEIGHTED_NORMALIZED -> 1;
                case NORMALIZED_WEIGHTED -> a * a;
            };
        }

        double rowScale(double a, double s) {
            return this == WEIGHTED_NORMALIZED ? Math.sqrt((a + EPS) / (s + EPS)) : a;
        }
    }

    Laplacian laplacian() {
        return switch (this) {
            case NONE, ROW -> Laplacian.UNNORMALIZED;
            case SYMMETRIC -> Laplacian.WEIGHTED_NORMALIZED;
            case SYMMETRIC_FIXED_DEGREES -> Laplacian.NORMALIZED_WEIGHTED;
        };
    }

    /** Whether the embedding's rows are scaled to unit length before k-means. */
    public boolean unitRowsForClustering() {
        return this == SYMMETRIC || this == SYMMETRIC_FIXED_DEGREES;
    }

    /** Applies the normalisation in place to the m x m symmetric affinity w; rowSums is scratch of length m. */
    void apply(float[] w, int m, double[] rowSums) {
        if (this == NONE || this == SYMMETRIC) return;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0, b = i * m; j < m; j++) s += w[b + j];
            rowSums[i] = s > 0 ? 1 / s : 0;
        }
        if (this == SYMMETRIC_FIXED_DEGREES) {
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
