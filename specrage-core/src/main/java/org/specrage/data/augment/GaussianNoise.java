package org.specrage.data.augment;

/**
 * Adds independent N(0, std^2) noise to every pixel, then clamps to [min, max] (pass
 * -infinity and +infinity for no clamping). With pixels in [0, 1], std 0.1 is a mild noise.
 */
public record GaussianNoise(double std, float min, float max) implements ImageAugmentation {
    public GaussianNoise {
        if (!(std >= 0) || Double.isInfinite(std)) throw new IllegalArgumentException("noise std must be >= 0 and finite, got " + std);
        if (!(min <= max)) throw new IllegalArgumentException("clamp range is empty: [" + min + ", " + max + "]");
    }

    /** Noise clamped to [0, 1], the range of scaled pixels. */
    public static GaussianNoise unitRange(double std) {
        return new GaussianNoise(std, 0f, 1f);
    }

    @Override
    public void apply(float[] src, int srcOffset, float[] dst, int dstOffset, ImageShape shape, AugmentRandom random) {
        for (int p = 0, n = shape.pixels(); p < n; p++) {
            float v = (float) (src[srcOffset + p] + std * random.nextGaussian());
            dst[dstOffset + p] = Math.min(max, Math.max(min, v));
        }
    }
}
