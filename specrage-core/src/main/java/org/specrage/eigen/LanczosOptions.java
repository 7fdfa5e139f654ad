package org.specrage.eigen;

/**
 * Settings of {@link Lanczos}.
 *
 * @param tolerance     ARPACK's relative accuracy of the Ritz values (positive)
 * @param maxIterations implicit restarts allowed (ARPACK's MXITER)
 * @param ncv           Lanczos basis size; 0 picks max(2k + 1, 20), capped at n
 * @param seed          seeds the random start vector
 */
public record LanczosOptions(double tolerance, int maxIterations, int ncv, long seed) {
    public static final double DEFAULT_TOLERANCE = 1e-10;
    public static final int DEFAULT_MAX_ITERATIONS = 3000;

    public LanczosOptions {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be positive and finite, got " + tolerance);
        }
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        if (ncv < 0) throw new IllegalArgumentException("ncv must be 0 (automatic) or positive, got " + ncv);
    }

    /** Defaults: tolerance 1e-10, 3000 restarts, automatic basis size. */
    public static LanczosOptions of(long seed) {
        return new LanczosOptions(DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS, 0, seed);
    }

    public LanczosOptions withTolerance(double value) {
        return new LanczosOptions(value, maxIterations, ncv, seed);
    }

    public LanczosOptions withMaxIterations(int value) {
        return new LanczosOptions(tolerance, value, ncv, seed);
    }

    public LanczosOptions withNcv(int value) {
        return new LanczosOptions(tolerance, maxIterations, value, seed);
    }

    public LanczosOptions withSeed(long value) {
        return new LanczosOptions(tolerance, maxIterations, ncv, value);
    }

    /** The basis size used for k eigenpairs of an n x n operator. */
    public int basisSize(int k, int n) {
        return Math.min(n, ncv > 0 ? ncv : Math.max(2 * k + 1, 20));
    }
}
