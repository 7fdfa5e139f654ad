package org.specrage.data.augment;

/** Bilinear sampling of a row-major image at real coordinates (pixel centres at integers). */
final class Bilinear {
    private Bilinear() {
    }

    /** The value at (y, x), pixels outside the image counting as {@code fill}. */
    static float sample(float[] img, int offset, int h, int w, double y, double x, float fill) {
        int y0 = (int) Math.floor(y), x0 = (int) Math.floor(x);
        double fy = y - y0, fx = x - x0;
        double v00 = at(img, offset, h, w, y0, x0, fill), v01 = at(img, offset, h, w, y0, x0 + 1, fill);
        double v10 = at(img, offset, h, w, y0 + 1, x0, fill), v11 = at(img, offset, h, w, y0 + 1, x0 + 1, fill);
        return (float) ((1 - fy) * ((1 - fx) * v00 + fx * v01) + fy * ((1 - fx) * v10 + fx * v11));
    }

    /** The value at (y, x) with coordinates clamped into the image (edge pixels repeat). */
    static float sampleClamped(float[] img, int offset, int h, int w, double y, double x) {
        double cy = Math.min(Math.max(y, 0), h - 1), cx = Math.min(Math.max(x, 0), w - 1);
        return sample(img, offset, h, w, cy, cx, 0f);
    }

    private static float at(float[] img, int offset, int h, int w, int y, int x, float fill) {
        if (y < 0 || y >= h || x < 0 || x >= w) return fill;
        return img[offset + y * w + x];
    }
}
