package org.specrage.methods.specrage;

import org.specrage.linalg.FMatrix;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * Forward passes of a {@link SpecRageNetwork} over whole data sets in chunks of rows, on a tape of
 * its own (no training): the fused output Y~ and the fusion weights of every row.
 */
final class FusedForward {
    /** Rows per chunk: bounds the pooled memory. */
    static final int CHUNK = 4096;

    /** Y~ (n x k) and alpha (n x V) of every row. */
    record Result(FMatrix fused, FMatrix weights) {
    }

    private FusedForward() {
    }

    static Result apply(SpecRageNetwork net, ViewRows[] inputs) {
        int n = inputs[0].rows();
        int views = inputs.length;
        FMatrix fused = new FMatrix(n, net.embeddingDim());
        FMatrix weights = new FMatrix(n, views);
        int chunk = Math.min(CHUNK, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        FMatrix[] buffers = new FMatrix[views];
        for (int v = 0; v < views; v++) buffers[v] = new FMatrix(chunk, inputs[v].cols());
        Tape tape = new Tape();
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            int rows = to - from;
            tape.reset();
            Tensor[] in = new Tensor[views];
            for (int v = 0; v < views; v++) {
                inputs[v].gather(order, from, to, buffers[v]);
                in[v] = rows == chunk ? tape.input(buffers[v]) : tape.inputRows(buffers[v], order, 0, rows);
            }
            SpecRageNetwork.Output out = net.forward(tape, in);
            System.arraycopy(out.fused().data(), 0, fused.data, from * fused.cols, rows * fused.cols);
            System.arraycopy(out.weights().data(), 0, weights.data, from * views, rows * views);
        }
        tape.reset();
        return new Result(fused, weights);
    }
}
