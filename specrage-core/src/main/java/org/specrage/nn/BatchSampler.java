package org.specrage.nn;

import java.util.SplittableRandom;

/**
 * Seeded mini-batches over n samples: each epoch reshuffles one index array in place
 * (Fisher-Yates), and batch b covers {@code order()[batchStart(b) .. batchEnd(b))}. Use with
 * {@link org.specrage.tensor.Tape#inputRows} to gather a batch without allocating.
 */
public final class BatchSampler {
    private final int[] order;
    private final int batchSize;
    private final boolean dropLast;
    private final SplittableRandom random;

    /** dropLast: skip a final batch smaller than batchSize (keeps every step the same shape). */
    public BatchSampler(int n, int batchSize, boolean dropLast, long seed) {
        if (n < 1) throw new IllegalArgumentException("need at least one sample, got " + n);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        if (dropLast && batchSize > n) throw new IllegalArgumentException("batch size " + batchSize + " exceeds the " + n + " samples and dropLast is set");
        this.order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        this.batchSize = batchSize;
        this.dropLast = dropLast;
        this.random = new SplittableRandom(seed);
    }

    /** Shuffles the order for a new epoch. */
    public void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** The current sample order (not a copy; changed by the next shuffle). */
    public int[] order() {
        return order;
    }

    public int batches() {
        return dropLast ? order.length / batchSize : (order.length + batchSize - 1) / batchSize;
    }

    public int batchStart(int batch) {
        return batch * batchSize;
    }

    public int batchEnd(int batch) {
        return Math.min(order.length, (batch + 1) * batchSize);
    }
}
