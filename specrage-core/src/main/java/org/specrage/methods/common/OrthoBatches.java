package org.specrage.methods.common;

import org.specrage.nn.BatchSampler;

/**
 * The ortho batches of SpectralNet and SpecRaGE: a shuffled sampler of their own, used one batch per
 * step and reshuffled when all were used, independently of the gradient batches' epochs.
 */
public final class OrthoBatches {
    private final BatchSampler sampler;
    private int next;

    public OrthoBatches(int rows, int batch, long seed) {
        this.sampler = new BatchSampler(rows, batch, true, seed);
        this.next = sampler.batches();
    }

    /** Where the next batch starts in {@link #order()} (read order() after this call). */
    public int nextStart() {
        if (next >= sampler.batches()) {
            sampler.shuffle();
            next = 0;
        }
        return sampler.batchStart(next++);
    }

    public int[] order() {
        return sampler.order();
    }
}
