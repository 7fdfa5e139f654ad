package org.specrage.data.augment;

/** Height and width of a single-channel image stored row-major in {@code height * width} floats. */
public record ImageShape(int height, int width) {
    public ImageShape {
        if (height < 1 || width < 1) throw new IllegalArgumentException("image shape must be positive, got " + height + " x " + width);
    }

    public int pixels() {
        return height * width;
    }

    /** The square shape of rows with {@code pixels} columns (784 gives 28 x 28). */
    public static ImageShape square(int pixels) {
        int side = (int) Math.round(Math.sqrt(pixels));
        if (side * side != pixels) throw new IllegalArgumentException(pixels + " columns are not a square image (side x side pixels); other shapes need an ImageShape(height, width) through the library");
        return new ImageShape(side, side);
    }
}
