package org.specrage.cluster;

/**
 * Fixed row chunks for parallel loops. The chunking depends only on the number of rows, so
 * partial results reduced in chunk order are identical for any thread count.
 */
final class Chunks {
    static final int ROWS = 1024;

    private Chunks() {
    }

    static int count(int rows) {
        return (rows + ROWS - 1) / ROWS;
    }

    static int start(int chunk) {
        return chunk * ROWS;
    }

    static int end(int chunk, int rows) {
        return Math.min(rows, (chunk + 1) * ROWS);
    }
}
