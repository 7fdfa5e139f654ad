package org.specrage.methods.specrage;

import org.specrage.nn.Mlp;
import org.specrage.tensor.SparseRows;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/** One view's rows of a batch as the networks take them: a dense constant on the tape, or sparse rows (exactly one is set). */
record ViewBatch(Tensor dense, SparseRows sparse) {
    ViewBatch {
        if ((dense == null) == (sparse == null)) throw new IllegalArgumentException("a view batch is dense or sparse");
    }

    static ViewBatch of(Tensor dense) {
        return new ViewBatch(dense, null);
    }

    int rows() {
        return dense != null ? dense.rows : sparse.rows();
    }

    int cols() {
        return dense != null ? dense.cols : sparse.cols();
    }

    /** The network's output for these rows (sparse rows go through the tape's sparse first layer). */
    Tensor through(Mlp net, Tape tape) {
        return dense != null ? net.forward(dense) : net.forward(tape, sparse);
    }
}
