package org.specrage.data.augment;

/**
 * A small reseedable random stream (SplitMix64) so that each image's draws depend only on the
 * seed and the image's position, not on which thread handles it, and no object is made per image.
 */
public final class AugmentRandom {
    private long state;

    public AugmentRandom(long seed) {
        reseed(seed);
    }

    /** Restarts the stream from a seed. */
    public void reseed(long seed) {
        state = mix(seed);
    }

    /** The seed of stream {@code index} derived from {@code seed}. */
    public static long derive(long seed, long index) {
        return mix(seed ^ mix(index + 0x632BE59BD9B4E019L));
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Standard normal (Box-Muller, one value per call). */
    public double nextGaussian() {
        double u = nextDouble(), v = nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
