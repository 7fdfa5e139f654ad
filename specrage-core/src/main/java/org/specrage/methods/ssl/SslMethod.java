package org.specrage.methods.ssl;

import java.util.Locale;

/** The self-supervised losses the encoder trainer offers, with their default weights. */
public enum SslMethod {
    VICREG, SIMCLR, BARLOW_TWINS;

    /**
     * The default loss for a projector output of {@code dim} columns. VICReg's weights are the
     * paper's (invariance 25, variance 25, covariance 1, each a mean over dimensions and taken per
     * view) rewritten for {@link VicRegLoss}'s sums over dimensions and pooled views:
     * alpha = 50/dim, beta = 2/dim, gamma = 25/dim. SimCLR: temperature 0.2 (with the
     * default MLP on Fashion-MNIST it gave a better linear probe than 0.5). BarlowTwins: lambda 0.005.
     */
    public SslLoss defaultLoss(int dim) {
        if (dim < 1) throw new IllegalArgumentException("embedding dimension must be positive, got " + dim);
        return switch (this) {
            case VICREG -> new VicRegLoss(50.0 / dim, 2.0 / dim, 25.0 / dim);
            case SIMCLR -> new InfoNceLoss(0.2);
            case BARLOW_TWINS -> new BarlowTwinsLoss(BarlowTwinsLoss.DEFAULT_LAMBDA);
        };
    }

    /** The command-line name: vicreg, simclr or barlow. */
    public String cliName() {
        return switch (this) {
            case VICREG -> "vicreg";
            case SIMCLR -> "simclr";
            case BARLOW_TWINS -> "barlow";
        };
    }

    /** Parses vicreg, simclr, barlow / barlowtwins / barlow_twins (case-insensitive). */
    public static SslMethod parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (n) {
            case "vicreg" -> VICREG;
            case "simclr", "infonce" -> SIMCLR;
            case "barlow", "barlowtwins" -> BARLOW_TWINS;
            default -> throw new IllegalArgumentException("unknown SSL method '" + name + "' (vicreg, simclr, barlow)");
        };
    }
}
