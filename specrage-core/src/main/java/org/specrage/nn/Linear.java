package org.specrage.nn;

import java.util.SplittableRandom;
import org.specrage.tensor.MatrixOps;
import org.specrage.tensor.SparseRows;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/** Affine layer y = x W + b with W of shape in x out (parameters "weight", "bias"); bias starts at 0. */
public final class Linear extends Layer {
    public final int in;
    public final int out;
    public final Tensor weight;
    /** Null for a layer without bias. */
    public final Tensor bias;

    public Linear(int in, int out, boolean withBias, Init init, SplittableRandom random) {
        if (in < 1 || out < 1) throw new IllegalArgumentException("layer sizes must be positive, got " + in + " -> " + out);
        this.in = in;
        this.out = out;
        weight = addParameter("weight", Tensor.parameter(in, out));
        init.fill(weight.data(), in, out, random);
        bias = withBias ? addParameter("bias", Tensor.parameter(1, out)) : null;
    }

    @Override
    public Tensor forward(Tensor input) {
        return MatrixOps.linear(input, weight, bias);
    }

    /** The layer on a constant sparse batch, recorded on the given tape. */
    public Tensor forward(Tape tape, SparseRows input) {
        return MatrixOps.sparseLinear(tape, input, weight, bias);
    }
}
