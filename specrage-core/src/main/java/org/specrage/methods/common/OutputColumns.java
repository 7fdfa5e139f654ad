package org.specrage.methods.common;

/** How many output columns a network learns when extra columns are asked for (see the Rayleigh-Ritz steps). */
public final class OutputColumns {
    private OutputColumns() {
    }

    /**
     * needed + extra, but no more than a batch can orthonormalise (a batch of m rows spans at most m
     * columns) and never fewer than needed: small batches learn fewer extra columns instead of failing.
     */
    public static int learned(int needed, int extra, int batchSize, int rows) {
        int batchRows = Math.min(batchSize, rows);
        return Math.max(needed, Math.min(needed + extra, batchRows));
    }
}
