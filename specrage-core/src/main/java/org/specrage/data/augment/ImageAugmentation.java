package org.specrage.data.augment;

/**
 * A random image transformation. Reads one image from {@code src} at {@code srcOffset} and writes
 * the transformed image (same shape) to {@code dst} at {@code dstOffset}; the two regions must not
 * overlap. Draws only from {@code random}, so a seeded stream gives the same image.
 */
public interface ImageAugmentation {
    void apply(float[] src, int srcOffset, float[] dst, int dstOffset, ImageShape shape, AugmentRandom random);
}
