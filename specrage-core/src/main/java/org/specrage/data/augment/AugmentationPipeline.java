package org.specrage.data.augment;

import java.util.List;
import org.specrage.linalg.FMatrix;
import org.specrage.util.Parallel;

/**
 * Augmentations applied in order to images stored as rows (e.g. Fashion-MNIST's 784 columns).
 * Each output row draws from its own stream, derived from the seed and the row's position in the
 * output, so results do not depend on the thread count.
 */
public final class AugmentationPipeline implements ImageAugmentation {
    private final List<ImageAugmentation> steps;
    private final ImageShape shape;

    public AugmentationPipeline(ImageShape shape, List<? extends ImageAugmentation> steps) {
        this.shape = shape;
        this.steps = List.copyOf(steps);
    }

    /**
     * The default for 28 x 28 greyscale images scaled to [0, 1]: crop-and-resize (area 0.3 to 1,
     * aspect 3/4 to 4/3), horizontal flip (p 0.5), rotation up to 15 degrees, Gaussian noise (std 0.05).
     */
    public static AugmentationPipeline defaultsFor(ImageShape shape) {
        return new AugmentationPipeline(shape, List.of(RandomResizedCrop.of(0.3), new HorizontalFlip(0.5),
                new RandomRotation(15), GaussianNoise.unitRange(0.05)));
    }

    public ImageShape shape() {
        return shape;
    }

    public List<ImageAugmentation> steps() {
        return steps;
    }

    @Override
    public void apply(float[] src, int srcOffset, float[] dst, int dstOffset, ImageShape s, AugmentRandom random) {
        applyWith(src, srcOffset, dst, dstOffset, s, random, new float[s.pixels()]);
    }

    /** As {@link #apply}, with a scratch array of at least one image for intermediate results. */
    void applyWith(float[] src, int srcOffset, float[] dst, int dstOffset, ImageShape s, AugmentRandom random, float[] scratch) {
        if (steps.isEmpty()) {
            System.arraycopy(src, srcOffset, dst, dstOffset, s.pixels());
            return;
        }
        // ping-pong between dst and scratch so that the last step writes dst
        boolean toDst = steps.size() % 2 == 1;
        float[] in = src;
        int inOffset = srcOffset;
        for (ImageAugmentation step : steps) {
            float[] out = toDst ? dst : scratch;
            int outOffset = toDst ? dstOffset : 0;
            step.apply(in, inOffset, out, outOffset, s, random);
            in = out;
            inOffset = outOffset;
            toDst = !toDst;
        }
    }

    /**
     * Writes augmented copies of {@code images} rows {@code rows[from..to)} into {@code out} rows
     * {@code outRow, outRow + 1, ...}. Output row r draws from stream {@code derive(seed, outRow + r)}.
     * Runs over the library threads (do not call from inside a Parallel.forEach body).
     */
    public void augmentRows(FMatrix images, int[] rows, int from, int to, FMatrix out, int outRow, long seed) {
        int p = shape.pixels();
        if (images.cols != p || out.cols != p) {
            throw new IllegalArgumentException("images have " + images.cols + " columns and the output " + out.cols + ", but the shape " + shape.height() + " x " + shape.width() + " needs " + p);
        }
        int count = to - from;
        if (from < 0 || to > rows.length || count < 0) throw new IllegalArgumentException("row range [" + from + ", " + to + ") outside 0.." + rows.length);
        if (outRow < 0 || outRow + count > out.rows) throw new IllegalArgumentException("output rows " + outRow + ".." + (outRow + count) + " outside 0.." + out.rows);
        int chunks = Math.min(count, 4 * Parallel.threads());
        if (chunks == 0) return;
        Parallel.forEach(chunks, c -> {
            AugmentRandom random = new AugmentRandom(0);
            float[] scratch = new float[p];
            int lo = (int) ((long) count * c / chunks), hi = (int) ((long) count * (c + 1) / chunks);
            for (int r = lo; r < hi; r++) {
                int src = rows[from + r];
                if (src < 0 || src >= images.rows) throw new IllegalArgumentException("row index " + src + " outside 0.." + (images.rows - 1));
                random.reseed(AugmentRandom.derive(seed, outRow + r));
                applyWith(images.data, src * p, out.data, (outRow + r) * p, shape, random, scratch);
            }
        });
    }
}
