package org.specrage.methods.specrage;

import org.specrage.linalg.FMatrix;

/** Batch gathering of the rows of a dense matrix (an embedding, fusion weights). */
final class ViewRows {
    private ViewRows() {
    }

    /** Copies rows order[from..to) of x into the first (to - from) rows of out. */
    static void gather(FMatrix x, int[] order, int from, int to, FMatrix out) {
        int d = x.cols;
        if (out.cols != d || out.rows < to - from) throw new IllegalArgumentException("buffer " + out.rows + " x " + out.cols + " too small");
        for (int i = from; i < to; i++) System.arraycopy(x.data, order[i] * d, out.data, (i - from) * d, d);
    }
}
