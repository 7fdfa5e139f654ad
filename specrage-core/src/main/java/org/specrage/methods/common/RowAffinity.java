package org.specrage.methods.common;

import org.specrage.tensor.SparseRows;

/**
 * One batch's affinity over rows of a {@link RowInput}, with the buffer the batch is gathered into:
 * a dense batch for dense rows, sparse rows for sparse ones (so a wide bag-of-words batch is never
 * written out as batch x columns floats).
 */
public final class RowAffinity {
    private final RowInput space;
    private final BatchAffinity affinity;
    private final float[] denseRows;
    private final SparseRows sparseRows;

    /** @param batch the largest batch this will be asked for */
    public RowAffinity(RowInput space, BatchAffinity affinity, int batch) {
        this.space = space;
        this.affinity = affinity;
        this.sparseRows = space.newSparseBuffer();
        this.denseRows = sparseRows == null ? new float[batch * space.cols()] : null;
    }

    /** Fills {@code w[0 .. m*m)} with the affinity of rows order[from..from + m) of the space. */
    public void compute(int[] order, int from, int m, float[] w) {
        if (sparseRows != null) {
            space.fillSparse(order, from, from + m, sparseRows);
            affinity.compute(sparseRows, w);
        } else {
            space.fillDense(order, from, from + m, denseRows);
            affinity.compute(denseRows, m, space.cols(), w);
        }
    }

    /** The neighbours each point keeps in a batch of m rows. */
    public int neighborsIn(int m) {
        return affinity.neighborsIn(m);
    }
}
