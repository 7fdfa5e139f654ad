package org.specrage.nn;

import java.util.SplittableRandom;

/**
 * Weight initialisations. Kaiming (He) uses gain sqrt(2), for ReLU layers: std = sqrt(2 / fanIn);
 * Xavier (Glorot) uses std = sqrt(2 / (fanIn + fanOut)). Uniform variants draw from
 * [-sqrt(3) std, sqrt(3) std]. Normal draws use Box-Muller on the given generator, so values
 * depend only on the seed.
 */
public enum Init {
    KAIMING_UNIFORM, KAIMING_NORMAL, XAVIER_UNIFORM, XAVIER_NORMAL;

    public double std(int fanIn, int fanOut) {
        return switch (this) {
            case KAIMING_UNIFORM, KAIMING_NORMAL -> Math.sqrt(2.0 / fanIn);
            case XAVIER_UNIFORM, XAVIER_NORMAL -> Math.sqrt(2.0 / (fanIn + fanOut));
        };
    }

    /** Fills weights of a fanIn x fanOut layer. */
    public void fill(float[] weights, int fanIn, int fanOut, SplittableRandom random) {
        double std = std(fanIn, fanOut);
        boolean uniform = this == KAIMING_UNIFORM || this == XAVIER_UNIFORM;
        if (uniform) {
            double limit = Math.sqrt(3.0) * std;
            for (int i = 0; i < weights.length; i++) weights[i] = (float) (limit * (2 * random.nextDouble() - 1));
        } else {
            for (int i = 0; i < weights.length; i += 2) {
                // Box-Muller: two independent normals from two uniforms
                double u1 = 1.0 - random.nextDouble(); // in (0, 1]
                double u2 = random.nextDouble();
                double radius = std * Math.sqrt(-2 * Math.log(u1));
                weights[i] = (float) (radius * Math.cos(2 * Math.PI * u2));
                if (i + 1 < weights.length) weights[i + 1] = (float) (radius * Math.sin(2 * Math.PI * u2));
            }
        }
    }
}
