package org.specrage.graph;

import java.util.Arrays;
import org.specrage.linalg.CsrMatrix;

/**
 * Sparse affinity matrix W from a kNN graph, symmetrised as W = (A + A^T) / 2 where A holds the
 * directed kNN weights. Only the n K kNN pairs are ever weighted.
 */
public final class Affinity {
    private Affinity() {
    }

    /**
     * @param scaleK the neighbour rank (1-based, self excluded) whose distance sets the Gaussian scale;
     *               ignored by the other kinds
     */
    public static CsrMatrix build(KnnGraph graph, AffinityKind kind, ScaleMode scale, int scaleK) {
        int n = graph.n();
        int k = graph.k();
        if (kind == AffinityKind.COSINE && graph.metric() != Metric.COSINE) {
            throw new IllegalArgumentException("cosine affinity needs a kNN graph built with the cosine metric");
        }
        double[] sigma = kind == AffinityKind.GAUSSIAN ? scales(graph, scale, scaleK) : null;
        int edges = n * k;
        int[] rows = new int[2 * edges];
        int[] cols = new int[2 * edges];
        double[] vals = new double[2 * edges];
        int t = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int other = graph.neighbor(i, j);
                double d = graph.distance(i, j);
                double w = switch (kind) {
                    case GAUSSIAN -> Math.exp(-d * d / (sigma.length == 1 ? sigma[0] * sigma[0] : sigma[i] * sigma[other]));
                    case COSINE -> Math.max(0.0, 1.0 - d);
                    case CONNECTIVITY -> 1.0;
                };
                rows[t] = i;
                cols[t] = other;
                vals[t++] = 0.5 * w;
                rows[t] = other;
                cols[t] = i;
                vals[t++] = 0.5 * w;
            }
        }
        return CsrMatrix.fromTriplets(n, n, rows, cols, vals, t);
    }

    /** One global sigma (array of length 1) or one sigma per point. */
    static double[] scales(KnnGraph graph, ScaleMode mode, int scaleK) {
        if (scaleK < 1 || scaleK > graph.k()) {
            throw new IllegalArgumentException("scale_k must be between 1 and the number of neighbours (" + graph.k() + "), got " + scaleK);
        }
        double[] local = graph.distancesToNeighbor(scaleK - 1);
        if (mode == ScaleMode.GLOBAL_MEDIAN) return new double[] {positive(median(local), local)};
        double fallback = positive(median(local), local);
        for (int i = 0; i < local.length; i++) {
            if (!(local[i] > 0)) local[i] = fallback;
        }
        return local;
    }

    /** The global scale sigma: median over points of the distance to the scale_k-th neighbour. */
    public static double globalScale(KnnGraph graph, int scaleK) {
        return scales(graph, ScaleMode.GLOBAL_MEDIAN, scaleK)[0];
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }

    /** Duplicated points can make the median distance zero; fall back to the smallest positive distance, then 1. */
    private static double positive(double sigma, double[] distances) {
        if (sigma > 0) return sigma;
        double smallest = Double.POSITIVE_INFINITY;
        for (double d : distances) if (d > 0 && d < smallest) smallest = d;
        return Double.isFinite(smallest) ? smallest : 1.0;
    }
}
