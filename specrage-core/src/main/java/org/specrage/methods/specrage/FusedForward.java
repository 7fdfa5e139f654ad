package org.specrage.methods.specrage;

import org.specrage.linalg.FMatrix;
import org.specrage.tensor.SparseRows;
import org.specrage.tensor.Tape;

/**
 * Forward passes of a {@link SpecRageNetwork} over whole data sets in chunks of rows, on a tape of
 * its own (no training): the fused output Y~ and the fusion weights of every row.
 */
final class FusedForward {
    /** Rows per chunk: bounds the pooled memory. */
    static final int CHUNK = 4096;
    /** At most this many input values per chunk (64 MB of floats). */
    static final long CHUNK_FLOATS = 1L << 24;

    /** Y~ (n x k) and alpha (n x V) of every row. */
    record Result(FMatrix fused, FMatrix weights) {
    }

    private FusedForward() {
    }

    static Result apply(SpecRageNetwork net, ViewInput[] inputs) {
        int n = inputs[0].rows();
        int views = inputs.length;
        FMatrix fused = new FMatrix(n, net.embeddingDim());
        FMatrix weights = new FMatrix(n, views);
        long width = 0;
        for (ViewInput in : inputs) if (!in.isSparse()) width += in.cols();
        // fewer rows per chunk for wide dense inputs, which are copied per chunk (sparse ones stay sparse)
        int chunk = (int) Math.max(1, Math.min(Math.min(CHUNK, n), CHUNK_FLOATS / Math.max(1, width)));
        int[] order = new int[chunk];
        for (int i = 0; i < chunk; i++) order[i] = i;
        Tape tape = new Tape();
        SparseRows[] buffers = new SparseRows[views];
        for (int v = 0; v < views; v++) buffers[v] = inputs[v].newSparseBuffer();
        SparseRows joined = ViewInput.joinedBuffer(inputs);
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            int rows = to - from;
            for (int i = 0; i < rows; i++) order[i] = from + i;
            tape.reset();
            ViewBatch[] in = new ViewBatch[views];
            for (int v = 0; v < views; v++) in[v] = inputs[v].batch(tape, order, 0, rows, buffers[v]);
            SpecRageNetwork.Output out = net.forward(tape, in, joined);
            System.arraycopy(out.fused().data(), 0, fused.data, from * fused.cols, rows * fused.cols);
            System.arraycopy(out.weights().data(), 0, weights.data, from * views, rows * views);
        }
        tape.reset();
        return new Result(fused, weights);
    }
}
