package org.specrage.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.FMatrix;
import org.specrage.util.Parallel;

class AugmentationsTest {
    private static final ImageShape SHAPE = new ImageShape(6, 6);

    private static float[] numbered(int pixels) {
        float[] img = new float[pixels];
        for (int i = 0; i < pixels; i++) img[i] = i;
        return img;
    }

    private static float[] apply(ImageAugmentation a, float[] img, ImageShape s, long seed) {
        float[] out = new float[s.pixels()];
        a.apply(img, 0, out, 0, s, new AugmentRandom(seed));
        return out;
    }

    @Test
    void fullAreaSquareCropIsTheIdentity() {
        float[] img = numbered(36);
        assertArrayEquals(img, apply(new RandomResizedCrop(1, 1, 1, 1), img, SHAPE, 3), 1e-5f);
    }

    @Test
    void cropResizesTheDrawnRectangleBilinearly() {
        // On a linear ramp f(y, x) = 3y + x bilinear sampling is exact: the output must be f at the
        // clamped sample positions of the crop drawn from the same stream.
        ImageShape s = new ImageShape(8, 10);
        float[] img = new float[80];
        for (int y = 0; y < 8; y++) for (int x = 0; x < 10; x++) img[y * 10 + x] = 3 * y + x;
        RandomResizedCrop crop = new RandomResizedCrop(0.3, 0.5, 0.8, 1.25);
        float[] out = apply(crop, img, s, 11);
        AugmentRandom r = new AugmentRandom(11);
        double area = 80 * r.uniform(0.3, 0.5);
        double ratio = Math.exp(r.uniform(Math.log(0.8), Math.log(1.25)));
        double cw = Math.sqrt(area * ratio), ch = Math.sqrt(area / ratio);
        double top = r.uniform(0, 8 - ch), left = r.uniform(0, 10 - cw);
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 10; j++) {
                double y = Math.min(Math.max(top + (i + 0.5) * ch / 8 - 0.5, 0), 7);
                double x = Math.min(Math.max(left + (j + 0.5) * cw / 10 - 0.5, 0), 9);
                assertEquals(3 * y + x, out[i * 10 + j], 1e-4, "pixel " + i + ", " + j);
            }
        }
    }

    @Test
    void quarterTurnIsAnExactCounterClockwiseRotation() {
        float[] img = numbered(36);
        float[] out = new float[36];
        RandomRotation.rotate(img, 0, out, 0, SHAPE, Math.PI / 2, 0f);
        // numpy.rot90 (counter-clockwise): out[i][j] = img[j][n - 1 - i]
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) assertEquals(img[j * 6 + (5 - i)], out[i * 6 + j], 1e-4f);
        assertArrayEquals(img, apply(new RandomRotation(0), img, SHAPE, 1), 1e-5f);
    }

    @Test
    void rotationFillsUncoveredCorners() {
        float[] ones = new float[36];
        Arrays.fill(ones, 1f);
        float[] out = new float[36];
        RandomRotation.rotate(ones, 0, out, 0, SHAPE, Math.PI / 4, 0f);
        assertEquals(0f, out[0], 1e-6f);       // a corner maps outside the image
        assertEquals(1f, out[2 * 6 + 2], 1e-6f); // the centre stays covered
    }

    @Test
    void gaussianNoiseHasTheRequestedSpreadAndClamps() {
        ImageShape big = new ImageShape(100, 100);
        float[] img = new float[big.pixels()];
        Arrays.fill(img, 0.5f);
        float[] out = apply(new GaussianNoise(0.1, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY), img, big, 5);
        double mean = 0, var = 0;
        for (float v : out) mean += (v - 0.5) / out.length;
        for (float v : out) var += (v - 0.5 - mean) * (v - 0.5 - mean) / out.length;
        assertEquals(0, mean, 0.004);            // 4 standard errors of 0.001
        assertEquals(0.01, var, 0.0006);          // about 4 standard errors of the variance
        float[] clamped = apply(GaussianNoise.unitRange(2.0), img, big, 5);
        for (float v : clamped) assertTrue(v >= 0f && v <= 1f);
    }

    @Test
    void flipsAndPipelineOrder() {
        float[] img = numbered(36);
        float[] mirrored = apply(new HorizontalFlip(1), img, SHAPE, 1);
        assertEquals(img[5], mirrored[0]);
        assertEquals(img[6], mirrored[11]);
        assertArrayEquals(img, apply(new HorizontalFlip(0), img, SHAPE, 1));
        assertArrayEquals(img, apply(new AugmentationPipeline(SHAPE, List.of(new HorizontalFlip(1), new HorizontalFlip(1))), img, SHAPE, 1));
        assertArrayEquals(mirrored, apply(new AugmentationPipeline(SHAPE, List.of(new HorizontalFlip(1), new HorizontalFlip(1), new HorizontalFlip(1))), img, SHAPE, 1));
        assertArrayEquals(img, apply(new AugmentationPipeline(SHAPE, List.of()), img, SHAPE, 1));
    }

    @Test
    void batchAugmentationIsSeededAndThreadIndependent() {
        ImageShape s = new ImageShape(28, 28);
        FMatrix images = new FMatrix(20, 784);
        for (int i = 0; i < images.data.length; i++) images.data[i] = (i * 7919 % 256) / 255f;
        int[] rows = {3, 1, 4, 1, 5, 9, 2, 6};
        AugmentationPipeline pipeline = AugmentationPipeline.defaultsFor(s);
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            FMatrix one = new FMatrix(10, 784);
            pipeline.augmentRows(images, rows, 0, 8, one, 2, 42);
            Parallel.setThreads(2);
            FMatrix two = new FMatrix(10, 784);
            pipeline.augmentRows(images, rows, 0, 8, two, 2, 42);
            assertArrayEquals(one.data, two.data);
            // rows 1 and 3 of the batch are both image 1 but draw different augmentations
            assertFalse(Arrays.equals(Arrays.copyOfRange(one.data, 3 * 784, 4 * 784), Arrays.copyOfRange(one.data, 5 * 784, 6 * 784)));
            // rows before outRow are untouched
            for (int i = 0; i < 2 * 784; i++) assertEquals(0f, one.data[i]);
            FMatrix other = new FMatrix(10, 784);
            pipeline.augmentRows(images, rows, 0, 8, other, 2, 43);
            assertFalse(Arrays.equals(one.data, other.data));
        } finally {
            Parallel.setThreads(before);
        }
        assertThrows(IllegalArgumentException.class, () -> pipeline.augmentRows(new FMatrix(2, 100), new int[] {0}, 0, 1, new FMatrix(1, 100), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ImageShape.square(785));
    }
}
