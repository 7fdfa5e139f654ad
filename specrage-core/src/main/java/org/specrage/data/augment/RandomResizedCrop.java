package org.specrage.data.augment;

/**
 * Crops a random rectangle and resizes it back to the full image with bilinear interpolation
 * (as torchvision's RandomResizedCrop): the crop covers a fraction of the area drawn uniformly from
 * [minScale, maxScale], its aspect ratio is log-uniform in [minRatio, maxRatio], its position is
 * uniform; after 10 draws that do not fit, the whole image is used.
 */
public record RandomResizedCrop(double minScale, double maxScale, double minRatio, double maxRatio) implements ImageAugmentation {
    public RandomResizedCrop {
        if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1)) throw new IllegalArgumentException("crop scales must satisfy 0 < min <= max <= 1, got " + minScale + ", " + maxScale);
        if (!(minRatio > 0 && minRatio <= maxRatio) || Double.isInfinite(maxRatio)) throw new IllegalArgumentException("crop ratios must satisfy 0 < min <= max, got " + minRatio + ", " + maxRatio);
    }

    /** Area fraction in [minScale, 1], aspect ratio in [3/4, 4/3]. */
    public static RandomResizedCrop of(double minScale) {
        return new RandomResizedCrop(minScale, 1.0, 3.0 / 4, 4.0 / 3);
    }

    @Override
    public void apply(float[] src, int srcOffset, float[] dst, int dstOffset, ImageShape shape, AugmentRandom random) {
        int h = shape.height(), w = shape.width();
        double cropH = h, cropW = w, top = 0, left = 0;
        double logLo = Math.log(minRatio), logHi = Math.log(maxRatio);
        for (int attempt = 0; attempt < 10; attempt++) {
            double area = h * w * random.uniform(minScale, maxScale);
            double ratio = Math.exp(random.uniform(logLo, logHi)); // width / height
            double cw = Math.sqrt(area * ratio), ch = Math.sqrt(area / ratio);
            if (cw <= w && ch <= h) {
                cropW = cw;
                cropH = ch;
                top = random.uniform(0, h - ch);
                left = random.uniform(0, w - cw);
                break;
            }
        }
        double sy = cropH / h, sx = cropW / w;
        for (int i = 0; i < h; i++) {
            // output pixel centre (i + 0.5) maps into the crop, then back to pixel-centre coordinates
            double y = top + (i + 0.5) * sy - 0.5;
            for (int j = 0; j < w; j++) {
                double x = left + (j + 0.5) * sx - 0.5;
                dst[dstOffset + i * w + j] = Bilinear.sampleClamped(src, srcOffset, h, w, y, x);
            }
        }
    }
}
