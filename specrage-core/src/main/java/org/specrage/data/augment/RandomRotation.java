package org.specrage.data.augment;

/** Rotates about the image centre by an angle uniform in [-maxDegrees, maxDegrees]; bilinear, uncovered pixels get {@code fill}. */
public record RandomRotation(double maxDegrees, float fill) implements ImageAugmentation {
    public RandomRotation {
        if (!(maxDegrees >= 0 && maxDegrees <= 180)) throw new IllegalArgumentException("rotation must be in [0, 180] degrees, got " + maxDegrees);
    }

    public RandomRotation(double maxDegrees) {
        this(maxDegrees, 0f);
    }

    @Override
    public void apply(float[] src, int srcOffset, float[] dst, int dstOffset, ImageShape shape, AugmentRandom random) {
        rotate(src, srcOffset, dst, dstOffset, shape, Math.toRadians(random.uniform(-maxDegrees, maxDegrees)), fill);
    }

    /** Rotation by a given angle (radians, counter-clockwise as displayed with row 0 at the top). */
    static void rotate(float[] src, int srcOffset, float[] dst, int dstOffset, ImageShape shape, double angle, float fill) {
        int h = shape.height(), w = shape.width();
        double cy = (h - 1) / 2.0, cx = (w - 1) / 2.0;
        double cos = Math.cos(angle), sin = Math.sin(angle);
        for (int i = 0; i < h; i++) {
            double dy = i - cy;
            for (int j = 0; j < w; j++) {
                double dx = j - cx;
                // inverse map: source = R(-angle) (dest - centre) + centre, with y pointing down
                double x = cos * dx - sin * dy + cx;
                double y = sin * dx + cos * dy + cy;
                dst[dstOffset + i * w + j] = Bilinear.sample(src, srcOffset, h, w, y, x, fill);
            }
        }
    }
}
