package org.specrage.methods.specrage;

import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.BatchAffinity;
import org.specrage.tensor.SparseRows;

/**
 * One view's batch affinity with the buffer its rows are gathered into: a dense batch for a dense
 * affinity space, sparse rows for a sparse one (so a wide bag-of-words view is never written out as
 * batch x columns floats).
 */
final class ViewAffinity {
    private final ViewInput space;
    private final BatchAffinity affinity;
    private final FMatrix denseRows;
    private final SparseRows sparseRows;

    /** @param batch the largest batch this will be asked for */
    ViewAffinity(ViewInput space, BatchAffinity affinity, int batch) {
        this.space = space;
        this.affinity = affinity;
        this.denseRows = space.isSparse() ? null : new FMatrix(batch, space.cols());
        this.sparseRows = space.newSparseBuffer();
    }

    /** Fills {@code w[0 .. m*m)} with the affinity of rows order[from..from + m) of the space. */
    void compute(int[] order, int from, int m, float[] w) {
        if (sparseRows != null) {
            space.gatherSparse(order, from, from + m, sparseRows);
            affinity.compute(sparseRows, w);
        } else {
            space.gather(order, from, from + m, denseRows.data);
            affinity.compute(denseRows.data, m, space.cols(), w);
        }
    }

    /** The neighbours each point keeps in a batch of m rows. */
    int neighborsIn(int m) {
        return affinity.neighborsIn(m);
    }
}
