package org.specrage.methods.common;

import org.specrage.linalg.FMatrix;
import org.specrage.nn.Layer;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * Forward passes without training, on a tape of their own: whole matrices in chunks, or selected
 * rows. Results of {@link #forwardRows} are valid until the next call.
 */
public final class Inference {
    /** Rows per forward pass when a whole matrix is mapped: bounds the pooled memory. */
    public static final int CHUNK = 4096;
    private final Layer net;
    private final Tape tape = new Tape();

    public Inference(Layer net) {
        this.net = net;
    }

    /** The network output for rows order[from..to) of x; valid until the next call. */
    public Tensor forwardRows(FMatrix x, int[] order, int from, int to) {
        tape.reset();
        return net.forward(tape.inputRows(x, order, from, to));
    }

    /** The network output for every row of x, as a new matrix. */
    public FMatrix forwardAll(FMatrix x) {
        if (x.rows == 0) throw new IllegalArgumentException("no rows to map through the network");
        FMatrix out = null;
        int[] identity = new int[Math.min(CHUNK, x.rows)];
        for (int from = 0; from < x.rows; from += CHUNK) {
            int to = Math.min(x.rows, from + CHUNK);
            for (int i = 0; i < to - from; i++) identity[i] = from + i;
            tape.reset();
            Tensor y = net.forward(tape.inputRows(x, identity, 0, to - from));
            if (out == null) out = new FMatrix(x.rows, y.cols);
            System.arraycopy(y.data(), 0, out.data, from * y.cols, y.size());
        }
        tape.reset();
        return out;
    }

    /** One-off forward pass of a whole matrix. */
    public static FMatrix apply(Layer net, FMatrix x) {
        return new Inference(net).forwardAll(x);
    }
}
