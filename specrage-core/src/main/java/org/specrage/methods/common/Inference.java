package org.specrage.methods.common;

import org.specrage.linalg.FMatrix;
import org.specrage.nn.Mlp;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * Forward passes without training, on a tape of their own: whole matrices in chunks, or selected
 * rows. Results of {@link #forwardRows} are valid until the next call.
 */
public final class Inference {
    /** Rows per forward pass when a whole matrix is mapped: bounds the pooled memory. */
    public static final int CHUNK = 4096;
    private final Mlp net;
    private final Tape tape = new Tape();

    public Inference(Mlp net) {
        this.net = net;
    }

    /** The network output for rows order[from..to) of x; valid until the next call. */
    public Tensor forwardRows(FMatrix x, int[] order, int from, int to) {
        tape.reset();
        return net.forward(tape.inputRows(x, order, from, to));
    }

    /** The network output for every row of x, as a new matrix (in chunks of {@link #CHUNK}, see {@link RowInput#apply}). */
    public FMatrix forwardAll(FMatrix x) {
        return RowInput.of(x).apply(net, tape);
    }

    /** One-off forward pass of a whole matrix. */
    public static FMatrix apply(Mlp net, FMatrix x) {
        return new Inference(net).forwardAll(x);
    }
}
