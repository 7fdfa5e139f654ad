package org.specrage.methods.specrage;

import org.specrage.linalg.FMatrix;
import org.specrage.nn.Mlp;
import org.specrage.tensor.SparseRows;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * Forward passes of a {@link SpecRageNetwork} over whole data sets in chunks of rows, on a tape of
 * its own (no training): the fused output Y~ and the fusion weights of every row. With a
 * {@link ViewGate}, a row with distrusted views (not all of them) is embedded from its trusted views
 * alone: the mean of their {@link SingleViewHeads} maps, or, where none of them has one, the network's
 * fusion renormalised over them; its weights on the distrusted views are 0.
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
        return apply(net, inputs, null, null);
    }

    /** As {@link #apply(SpecRageNetwork, ViewInput[])}, rows the gate distrusts in some view embedded from the others (gate null: none). */
    static Result apply(SpecRageNetwork net, ViewInput[] inputs, ViewGate gate, Mlp[] heads) {
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
        boolean[][] distrusted = gate == null ? null : gate.distrusted(inputs);
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
            if (distrusted != null) fallBack(tape, in, out, distrusted, heads, from, rows, fused, weights);
        }
        tape.reset();
        return new Result(fused, weights);
    }

    /** Re-embeds the chunk's rows (from .. from + rows) that some view, not all, distrusts. */
    private static void fallBack(Tape tape, ViewBatch[] in, SpecRageNetwork.Output out, boolean[][] distrusted, Mlp[] heads,
                                 int from, int rows, FMatrix fused, FMatrix weights) {
        int views = in.length, k = fused.cols;
        Tensor[] headOutputs = new Tensor[views];
        boolean[] trusted = new boolean[views];
        for (int i = 0; i < rows; i++) {
            int r = from + i, trustedCount = 0, withHead = 0;
            for (int v = 0; v < views; v++) {
                trusted[v] = distrusted[v] == null || !distrusted[v][r];
                if (!trusted[v]) continue;
                trustedCount++;
                if (heads != null && heads[v] != null) withHead++;
            }
            if (trustedCount == views || trustedCount == 0) continue;
            float[] y = fused.data, w = weights.data;
            java.util.Arrays.fill(y, r * k, (r + 1) * k, 0f);
            if (withHead > 0) {
                for (int v = 0; v < views; v++) {
                    boolean used = trusted[v] && heads[v] != null;
                    w[r * views + v] = used ? 1f / withHead : 0f;
                    if (!used) continue;
                    if (headOutputs[v] == null) headOutputs[v] = in[v].through(heads[v], tape);
                    float[] h = headOutputs[v].data();
                    for (int c = 0; c < k; c++) y[r * k + c] += h[i * k + c] / withHead;
                }
            } else {
                float[] alpha = out.weights().data();
                double sum = 0;
                for (int v = 0; v < views; v++) if (trusted[v]) sum += alpha[i * views + v];
                for (int v = 0; v < views; v++) {
                    float share = trusted[v] ? (float) (sum > 0 ? alpha[i * views + v] / sum : 1.0 / trustedCount) : 0f;
                    w[r * views + v] = share;
                    if (share == 0) continue;
                    float[] g = out.views()[v].data();
                    for (int c = 0; c < k; c++) y[r * k + c] += share * g[i * k + c];
                }
            }
        }
    }

}
