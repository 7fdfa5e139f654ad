package org.specrage.methods.specrage;

import org.specrage.data.View;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.BatchAffinity;
import org.specrage.methods.common.RowInput;
import org.specrage.tensor.SparseRows;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * One view's scaled rows as the trainer reads them: dense, or sparse and kept sparse. The networks
 * take a sparse view's batches as sparse rows ({@link #batch}); only the affinity step writes a
 * batch's rows out densely ({@link #gather}), so a wide bag-of-words view costs memory in proportion
 * to its non-zeros and the batch, not to n x d.
 */
final class ViewInput {
    private final FMatrix dense;
    private final CsrMatrix sparse;

    /** The same rows as a network input and for batch gathering. */
    private final RowInput rows;

    private ViewInput(FMatrix dense, CsrMatrix sparse) {
        this.dense = dense;
        this.sparse = sparse;
        this.rows = dense != null ? RowInput.of(dense) : RowInput.of(sparse);
    }

    static ViewInput of(View view) {
        return view.isSparse() ? new ViewInput(null, view.sparse()) : new ViewInput(view.dense(), null);
    }

    /** One input per view of the (scaled) data. */
    static ViewInput[] all(org.specrage.data.MultiViewData data) {
        ViewInput[] out = new ViewInput[data.viewCount()];
        for (int v = 0; v < out.length; v++) out[v] = of(data.view(v));
        return out;
    }

    static ViewInput dense(FMatrix rows) {
        return new ViewInput(rows, null);
    }

    int rows() {
        return dense != null ? dense.rows : sparse.rows;
    }

    int cols() {
        return dense != null ? dense.cols : sparse.cols;
    }

    boolean isSparse() {
        return sparse != null;
    }

    /** The rows as a network input: a sparse view stays sparse (one instance: use it from one thread at a time). */
    RowInput rowInput() {
        return rows;
    }

    /** All rows as one dense matrix. */
    FMatrix toDense() {
        return dense != null ? dense : sparse.toDense();
    }

    /** The FIXED batch bandwidth from all rows ({@link BatchAffinity#datasetScale}), a sparse view staying sparse. */
    double datasetScale(int scaleK) {
        return rows.datasetScale(scaleK);
    }

    /** Writes rows order[from..to) densely into out (row-major, at least (to - from) x cols). */
    void gather(int[] order, int from, int to, float[] out) {
        if (out.length < (long) (to - from) * cols()) throw new IllegalArgumentException("buffer of " + out.length + " floats is too small");
        rows.fillDense(order, from, to, out);
    }

    /** Rows order[from..to) as a constant input on the tape. */
    Tensor gatherInto(Tape tape, int[] order, int from, int to) {
        Tensor t = tape.blank(to - from, cols());
        gather(order, from, to, t.data());
        return t;
    }

    /**
     * Rows order[from..to) as a network input: sparse rows (refilling {@code sparseBuffer}, which
     * must have this view's columns) for a sparse view, a dense constant on the tape otherwise.
     */
    ViewBatch batch(Tape tape, int[] order, int from, int to, SparseRows sparseBuffer) {
        if (sparse == null) return ViewBatch.of(gatherInto(tape, order, from, to));
        gatherSparse(order, from, to, sparseBuffer);
        return new ViewBatch(null, sparseBuffer);
    }

    /** Refills {@code buffer} (with this sparse view's columns) with rows order[from..to). */
    void gatherSparse(int[] order, int from, int to, SparseRows buffer) {
        rows.fillSparse(order, from, to, buffer);
    }

    /** A buffer for the fusion network's joined input (all views side by side) when a view is sparse; null otherwise. */
    static SparseRows joinedBuffer(ViewInput[] inputs) {
        long width = 0;
        boolean anySparse = false;
        for (ViewInput in : inputs) {
            width += in.cols();
            anySparse |= in.isSparse();
        }
        return anySparse && inputs.length > 1 ? new SparseRows(Math.toIntExact(width)) : null;
    }

    /** A buffer for {@link #batch}: null for a dense view. */
    SparseRows newSparseBuffer() {
        return rows.newSparseBuffer();
    }

    /** The rows scaled to unit Euclidean length (zero rows stay zero), sparse staying sparse. */
    ViewInput unitRows() {
        if (dense != null) return dense(dense.unitRows());
        double[] values = sparse.values.clone();
        for (int r = 0; r < sparse.rows; r++) {
            double s = 0;
            for (int k = sparse.rowStart[r]; k < sparse.rowStart[r + 1]; k++) {
                float f = (float) values[k];
                s += (double) f * f;
            }
            if (s == 0) continue;
            double inv = 1 / Math.sqrt(s);
            for (int k = sparse.rowStart[r]; k < sparse.rowStart[r + 1]; k++) values[k] = (float) ((float) values[k] * inv);
        }
        return new ViewInput(null, new CsrMatrix(sparse.rows, sparse.cols, sparse.rowStart, sparse.colIndex, values));
    }
}
