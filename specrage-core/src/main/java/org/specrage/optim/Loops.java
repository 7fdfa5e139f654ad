package org.specrage.optim;

import org.specrage.util.Parallel;

/** Splits element-wise update loops over the engine threads (the split never changes results). */
final class Loops {
    private static final int GRAIN = 1 << 15;

    private Loops() {
    }

    interface Range {
        void run(int from, int to);
    }

    static void forRange(int n, Range body) {
        int threads = Parallel.threads();
        if (threads == 1 || n <= GRAIN) {
            body.run(0, n);
            return;
        }
        int chunks = Math.min(4 * threads, (n + GRAIN - 1) / GRAIN);
        int step = (n + chunks - 1) / chunks;
        Parallel.forEach(chunks, c -> body.run(c * step, Math.min(n, (c + 1) * step)));
    }

    static void checkParameters(java.util.List<org.specrage.tensor.Tensor> parameters) {
        if (parameters.isEmpty()) throw new IllegalArgumentException("no parameters to optimise");
        for (org.specrage.tensor.Tensor p : parameters) {
            if (!p.isLeaf() || !p.requiresGrad()) throw new IllegalArgumentException("optimisers take parameters (leaves that require a gradient), got " + p);
        }
    }
}
