package org.specrage.methods.siamese;

import java.util.SplittableRandom;
import org.specrage.graph.KnnGraph;

/**
 * Training pairs of the Siamese net for a set of anchor points: each anchor's K exact nearest
 * neighbours are positives (target 1), and K points drawn uniformly among its non-neighbours are
 * negatives (target 0). {@link #redrawNegatives} draws new negatives in place.
 */
final class SiamesePairs {
    final int[] left;
    final int[] right;
    final float[] target;
    private final int[] anchors;
    private final KnnGraph graph;
    private final int n;
    private final int k;

    /** Pairs for the anchors from the first k neighbours of each in the graph (k <= graph.k()). */
    SiamesePairs(int[] anchors, KnnGraph graph, int k, SplittableRandom random) {
        if (k < 1 || k > graph.k()) throw new IllegalArgumentException("siamese neighbors " + k + " outside 1.." + graph.k());
        this.anchors = anchors;
        this.graph = graph;
        this.n = graph.n();
        this.k = k;
        int count = 2 * k * anchors.length;
        left = new int[count];
        right = new int[count];
        target = new float[count];
        int p = 0;
        for (int a : anchors) {
            for (int j = 0; j < k; j++) {
                left[p] = a;
                right[p] = graph.neighbor(a, j);
                target[p++] = 1f;
            }
            for (int j = 0; j < k; j++) {
                left[p] = a;
                target[p++] = 0f;
            }
        }
        redrawNegatives(random);
    }

    int size() {
        return left.length;
    }

    /** New random non-neighbours for every negative pair. */
    void redrawNegatives(SplittableRandom random) {
        if (n <= k + 1) throw new IllegalArgumentException("siamese pairs need more than neighbors + 1 = " + (k + 1) + " points, got " + n);
        int p = 0;
        for (int a : anchors) {
            p += k;
            for (int j = 0; j < k; j++) right[p++] = drawNonNeighbour(a, random);
        }
    }

    private int drawNonNeighbour(int a, SplittableRandom random) {
        while (true) {
            int candidate = random.nextInt(n);
            if (candidate == a) continue;
            boolean neighbour = false;
            for (int j = 0; j < k && !neighbour; j++) neighbour = graph.neighbor(a, j) == candidate;
            if (!neighbour) return candidate;
        }
    }
}
