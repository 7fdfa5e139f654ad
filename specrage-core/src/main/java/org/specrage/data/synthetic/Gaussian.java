package org.specrage.data.synthetic;

import java.util.SplittableRandom;

/**
 * Standard normal numbers by the Marsaglia polar method over a seeded SplittableRandom. Written
 * out here (rather than RandomGenerator.nextGaussian) so the stream is fixed across JDK versions.
 */
final class Gaussian {
    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    Gaussian(SplittableRandom random) {
        this.random = random;
    }

    double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u, v, s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }
}
