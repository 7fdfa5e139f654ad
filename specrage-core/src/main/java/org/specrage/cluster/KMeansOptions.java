package org.specrage.cluster;

/**
 * Settings of {@link KMeans}. The tolerance follows scikit-learn: Lloyd iterations stop when the
 * summed squared movement of the centroids is at most {@code tolerance} times the mean per-feature
 * variance of the data (or when no label changes).
 *
 * @param k             number of clusters (at least 1, at most the number of points)
 * @param restarts      independent k-means++ starts; the lowest inertia wins
 * @param maxIterations Lloyd iterations per start
 * @param tolerance     relative centroid-shift tolerance (non-negative)
 * @param seed          drives every random choice
 */
public record KMeansOptions(int k, int restarts, int maxIterations, double tolerance, long seed) {
    public static final int DEFAULT_RESTARTS = 10;
    public static final int DEFAULT_MAX_ITERATIONS = 300;
    public static final double DEFAULT_TOLERANCE = 1e-4;

    public KMeansOptions {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        if (restarts < 1) throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and non-negative, got " + tolerance);
        }
    }

    /** k clusters with the default restarts (10), iterations (300) and tolerance (1e-4). */
    public static KMeansOptions of(int k, long seed) {
        return new KMeansOptions(k, DEFAULT_RESTARTS, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, seed);
    }

    public KMeansOptions withRestarts(int value) {
        return new KMeansOptions(k, value, maxIterations, tolerance, seed);
    }

    public KMeansOptions withMaxIterations(int value) {
        return new KMeansOptions(k, restarts, value, tolerance, seed);
    }

    public KMeansOptions withTolerance(double value) {
        return new KMeansOptions(k, restarts, maxIterations, value, seed);
    }

    public KMeansOptions withSeed(long value) {
        return new KMeansOptions(k, restarts, maxIterations, tolerance, value);
    }
}
