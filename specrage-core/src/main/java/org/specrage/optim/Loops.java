package org.specrage.optim;

import org.specrage.util.Parallel;

/** Shared pieces of the optimisers. */
final class Loops {
    /** Element-wise updates of fewer parameters than this run on the calling thread. */
    private static final int GRAIN = 1 << 15;

    private Loops() {
    }

    /** Splits an element-wise update over the engine threads (the split never changes results). */
    static void forRange(int n, Parallel.Range body) {
        Parallel.forRange(n, GRAIN, body);
    }

    static void checkParameters(java.util.List<org.specrage.tensor.Tensor> parameters) {
        if (parameters.isEmpty()) throw new IllegalArgumentException("no parameters to optimise");
        for (org.specrage.tensor.Tensor p : parameters) {
            if (!p.isLeaf() || !p.requiresGrad()) throw new IllegalArgumentException("optimisers take parameters (leaves that require a gradient), got " + p);
        }
    }
}
