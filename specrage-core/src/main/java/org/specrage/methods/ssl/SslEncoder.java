package org.specrage.methods.ssl;

import org.specrage.linalg.FMatrix;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/** A trained SSL network: maps raw rows (scaled by {@code inputScale} first) to representations. */
public final class SslEncoder {
    private static final int CHUNK = 1024;
    private final SslNetwork network;
    private final float inputScale;
    private final SslTrainingHistory history;

    public SslEncoder(SslNetwork network, float inputScale, SslTrainingHistory history) {
        this.network = network;
        this.inputScale = inputScale;
        this.history = history;
    }

    /** Representations (encoder outputs) of every row of x, computed in chunks without gradients. */
    public FMatrix transform(FMatrix x) {
        return map(x, false);
    }

    /** Projector outputs (what the loss saw) of every row of x. */
    public FMatrix project(FMatrix x) {
        return map(x, true);
    }

    private FMatrix map(FMatrix x, boolean projected) {
        if (x.cols != network.inputSize()) throw new IllegalArgumentException("rows have " + x.cols + " columns, the encoder takes " + network.inputSize());
        Tape tape = new Tape();
        FMatrix buffer = new FMatrix(Math.min(CHUNK, Math.max(1, x.rows)), x.cols);
        FMatrix out = null;
        for (int from = 0; from < x.rows; from += CHUNK) {
            int to = Math.min(x.rows, from + CHUNK);
            FMatrix chunk = to - from == buffer.rows ? buffer : new FMatrix(to - from, x.cols);
            for (int i = 0, n = (to - from) * x.cols; i < n; i++) chunk.data[i] = x.data[from * x.cols + i] * inputScale;
            tape.reset();
            Tensor in = tape.input(chunk);
            Tensor y = projected ? network.forward(in) : network.represent(in);
            if (out == null) out = new FMatrix(x.rows, y.cols);
            System.arraycopy(y.data(), 0, out.data, from * y.cols, (to - from) * y.cols);
        }
        tape.reset();
        return out != null ? out : new FMatrix(0, projected ? projectedSize() : network.representationSize());
    }

    private int projectedSize() {
        return network.projector() != null ? network.projector().outputSize() : network.representationSize();
    }

    public SslNetwork network() {
        return network;
    }

    public float inputScale() {
        return inputScale;
    }

    public SslTrainingHistory history() {
        return history;
    }
}
