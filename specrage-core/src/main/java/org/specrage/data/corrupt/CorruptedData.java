package org.specrage.data.corrupt;

import org.specrage.data.MultiViewData;

/**
 * A contaminated copy of a data set and the rows that were hit (ascending).
 *
 * @param view the view that was contaminated
 */
public record CorruptedData(MultiViewData data, int view, CorruptionKind kind, int[] hitRows) {
    /** A 0/1 mask over all rows, 1 where the row was contaminated. */
    public boolean[] hitMask() {
        boolean[] mask = new boolean[data.rows()];
        for (int r : hitRows) mask[r] = true;
        return mask;
    }
}
