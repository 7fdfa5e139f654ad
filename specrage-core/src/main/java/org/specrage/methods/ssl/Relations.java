package org.specrage.methods.ssl;

import org.specrage.graph.Affinity;
import org.specrage.graph.AffinityKind;
import org.specrage.graph.KnnGraph;
import org.specrage.graph.KnnSearch;
import org.specrage.graph.Metric;
import org.specrage.graph.ScaleMode;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.util.Progress;

/**
 * Builders of the relation matrix G of Balestriero and LeCun: N x N, sparse, symmetric,
 * non-negative, zero diagonal; G_ij > 0 when rows i and j are related (views of one sample,
 * kNN pairs, same label, or edges given by the user).
 */
public final class Relations {
    /** Same-label relations have sum_c n_c^2 entries; above this many, use them per batch instead. */
    public static final long MAX_SAME_LABEL_ENTRIES = 50_000_000L;

    private Relations() {
    }

    /**
     * Views of the same sample: {@code samples x views} rows laid out view-major (row
     * {@code v * samples + s} is view v of sample s, as a batch [view 0 rows; view 1 rows; ...]),
     * G = 1 between distinct views of one sample. Each sample's views form a clique.
     */
    public static CsrMatrix views(int samples, int views) {
        if (samples < 1) throw new IllegalArgumentException("need at least one sample, got " + samples);
        if (views < 2) throw new IllegalArgumentException("a views relation needs at least 2 views per sample, got " + views);
        long entries = (long) samples * views * (views - 1);
        if (entries > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("views relation too large: " + entries + " entries");
        int n = samples * views;
        int[] r = new int[(int) entries];
        int[] c = new int[(int) entries];
        double[] v = new double[(int) entries];
        int t = 0;
        for (int s = 0; s < samples; s++) {
            for (int a = 0; a < views; a++) {
                for (int b = 0; b < views; b++) {
                    if (a == b) continue;
                    r[t] = a * samples + s;
                    c[t] = b * samples + s;
                    v[t++] = 1.0;
                }
            }
        }
        return CsrMatrix.fromTriplets(n, n, r, c, v, t);
    }

    /**
     * kNN relation: the symmetrised kNN affinity of the rows of x (see {@link Affinity}); Gaussian
     * weights use the global median scale of the {@code scaleK}-th neighbour.
     */
    public static CsrMatrix knn(FMatrix x, int neighbors, Metric metric, AffinityKind kind, int scaleK) {
        if (neighbors < 1 || neighbors >= x.rows) {
            throw new IllegalArgumentException("number of neighbours must be in 1.." + (x.rows - 1) + ", got " + neighbors);
        }
        KnnGraph graph = KnnSearch.exact(x, neighbors, metric, Progress.NONE);
        return Affinity.build(graph, kind, ScaleMode.GLOBAL_MEDIAN, Math.min(Math.max(scaleK, 1), neighbors));
    }

    /** Supervised relation: G = 1 between distinct rows with the same label; labels below 0 mean unlabelled. */
    public static CsrMatrix sameLabel(int[] labels) {
        int classes = 0;
        for (int y : labels) classes = Math.max(classes, y + 1);
        long[] counts = new long[classes];
        for (int y : labels) if (y >= 0) counts[y]++;
        long entries = 0;
        for (long c : counts) entries += c * (c - 1);
        if (entries > MAX_SAME_LABEL_ENTRIES) {
            throw new IllegalArgumentException("same-label relation on " + labels.length + " rows would hold " + entries
                    + " entries (limit " + MAX_SAME_LABEL_ENTRIES + "): build it per batch with RelationBatch.sameLabel");
        }
        int[][] members = new int[classes][];
        int[] fill = new int[classes];
        for (int y = 0; y < classes; y++) members[y] = new int[(int) counts[y]];
        for (int i = 0; i < labels.length; i++) if (labels[i] >= 0) members[labels[i]][fill[labels[i]]++] = i;
        int[] r = new int[(int) entries];
        int[] c = new int[(int) entries];
        double[] v = new double[(int) entries];
        int t = 0;
        for (int[] m : members) {
            for (int a : m) {
                for (int b : m) {
                    if (a == b) continue;
                    r[t] = a;
                    c[t] = b;
                    v[t++] = 1.0;
                }
            }
        }
        return CsrMatrix.fromTriplets(labels.length, labels.length, r, c, v, t);
    }

    /**
     * User-given undirected edges: edge e sets G_ij = G_ji = weight[e] (weights of repeated edges
     * add up). {@code weights} may be null for weight 1. Self-loops and negative or non-finite
     * weights are rejected.
     */
    public static CsrMatrix fromEdges(int n, int[] from, int[] to, double[] weights) {
        if (n < 1) throw new IllegalArgumentException("relation needs at least one row, got " + n);
        if (from.length != to.length || (weights != null && weights.length != from.length)) {
            throw new IllegalArgumentException("edge arrays differ in length: " + from.length + ", " + to.length
                    + (weights == null ? "" : ", " + weights.length));
        }
        int e = from.length;
        int[] r = new int[2 * e];
        int[] c = new int[2 * e];
        double[] v = new double[2 * e];
        for (int k = 0; k < e; k++) {
            int i = from[k], j = to[k];
            double w = weights == null ? 1.0 : weights[k];
            if (i < 0 || i >= n || j < 0 || j >= n) throw new IllegalArgumentException("edge " + k + " (" + i + ", " + j + ") outside 0.." + (n - 1));
            if (i == j) throw new IllegalArgumentException("edge " + k + " is a self-loop on row " + i + ": G has a zero diagonal");
            if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("edge " + k + " has weight " + w + ": weights must be finite and >= 0");
            r[2 * k] = i;
            c[2 * k] = j;
            v[2 * k] = w;
            r[2 * k + 1] = j;
            c[2 * k + 1] = i;
            v[2 * k + 1] = w;
        }
        return CsrMatrix.fromTriplets(n, n, r, c, v, 2 * e);
    }

    /** Throws IllegalArgumentException unless g is square, symmetric, non-negative, finite, with a zero diagonal. */
    public static void validate(CsrMatrix g) {
        if (g.rows != g.cols) throw new IllegalArgumentException("relation matrix must be square, got " + g.rows + " x " + g.cols);
        for (int i = 0; i < g.rows; i++) {
            for (int p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) {
                int j = g.colIndex[p];
                double w = g.values[p];
                if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("relation entry (" + i + ", " + j + ") is " + w + ": must be finite and >= 0");
                if (j == i && w != 0) throw new IllegalArgumentException("relation has a non-zero diagonal entry at row " + i);
                double back = g.get(j, i);
                if (Math.abs(back - w) > 1e-12 * Math.max(1.0, Math.abs(w))) {
                    throw new IllegalArgumentException("relation is not symmetric: G(" + i + ", " + j + ") = " + w + " but G(" + j + ", " + i + ") = " + back);
                }
            }
        }
    }
}
