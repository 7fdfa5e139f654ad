package org.specrage.data.augment;

/** Mirrors the image left-right with the given probability. */
public record HorizontalFlip(double probability) implements ImageAugmentation {
    public HorizontalFlip {
        if (!(probability >= 0 && probability <= 1)) throw new IllegalArgumentException("flip probability must be in [0, 1], got " + probability);
    }

    @Override
    public void apply(float[] src, int srcOffset, float[] dst, int dstOffset, ImageShape shape, AugmentRandom random) {
        int h = shape.height(), w = shape.width();
        boolean flip = random.nextDouble() < probability;
        for (int i = 0; i < h; i++) {
            int row = i * w;
            for (int j = 0; j < w; j++) dst[dstOffset + row + j] = src[srcOffset + row + (flip ? w - 1 - j : j)];
        }
    }
}
