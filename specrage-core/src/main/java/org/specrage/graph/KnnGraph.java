package org.specrage.graph;

/**
 * The K nearest neighbours of every point, excluding the point itself, nearest first.
 * Row i's neighbours are {@code indices[i*k .. i*k+k)} with distances in the same slots.
 * Ties are broken by the lower index, so the graph does not depend on the search order.
 */
public record KnnGraph(int n, int k, Metric metric, int[] indices, double[] distances) {
    public KnnGraph {
        if (indices.length != (long) n * k || distances.length != indices.length) {
            throw new IllegalArgumentException("arrays must hold n * k = " + (long) n * k + " entries");
        }
    }

    public int neighbor(int i, int j) {
        return indices[i * k + j];
    }

    public double distance(int i, int j) {
        return distances[i * k + j];
    }

    /** Distance from each point to its j-th neighbour (0-based), e.g. for self-tuning scales. */
    public double[] distancesToNeighbor(int j) {
        if (j < 0 || j >= k) throw new IllegalArgumentException("neighbour rank " + j + " outside 0.." + (k - 1));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = distances[i * k + j];
        return out;
    }
}
