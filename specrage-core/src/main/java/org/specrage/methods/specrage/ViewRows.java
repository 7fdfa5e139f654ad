package org.specrage.methods.specrage;

import org.specrage.linalg.FMatrix;

/** Batch gathering of one view's rows, optionally scaled to unit Euclidean norm (cosine affinities). */
final class ViewRows {
    private ViewRows() {
    }

    /** Copies rows order[from..to) of x into the first (to - from) rows of out. */
    static void gather(FMatrix x, int[] order, int from, int to, FMatrix out) {
        int d = x.cols;
        if (out.cols != d || out.rows < to - from) throw new IllegalArgumentException("buffer " + out.rows + " x " + out.cols + " too small");
        for (int i = from; i < to; i++) System.arraycopy(x.data, order[i] * d, out.data, (i - from) * d, d);
    }


    /** Splits joined features (n x sum dims) into one matrix per view. */
    static FMatrix[] split(FMatrix joined, int[] dims) {
        FMatrix[] out = new FMatrix[dims.length];
        int offset = 0;
        for (int v = 0; v < dims.length; v++) {
            if (dims.length == 1) {
                out[v] = joined;
                break;
            }
            FMatrix part = new FMatrix(joined.rows, dims[v]);
            for (int r = 0; r < joined.rows; r++) System.arraycopy(joined.data, r * joined.cols + offset, part.data, r * dims[v], dims[v]);
            out[v] = part;
            offset += dims[v];
        }
        return out;
    }
}
