package org.specrage.methods.specrage;

import java.util.ArrayList;
import java.util.List;
import org.specrage.cluster.KMeans;
import org.specrage.cluster.KMeansOptions;
import org.specrage.linalg.FMatrix;

/**
 * Finds, per view, the training rows whose structure in that view no other view shares. Each view's
 * rows are clustered (k-means, 2k clusters, in the view's affinity space). A cluster of view v is
 * unsupported when the other views' cluster labels of its rows are distributed as over all rows: a
 * G-test of independence does not reject at 0.1%, for every other view. The least supported cluster
 * is marked, its view's remaining rows are clustered again, and so on until every cluster is
 * supported. Contaminated rows of one view (outliers, noise) gather in such clusters: tight in their
 * own view, scattered in the others. A row that is all zeros in a view (a missing view) is marked in it
 * outright. Clean data has none, and then nothing is marked. The centroids
 * of the judged clusters make a {@link ViewGate} that marks new rows the same way.
 */
final class ViewConsistency {
    private ViewConsistency() {
    }

    /**
     * What the check found: per view (null: nothing marked) and training row, whether the row's
     * cluster in that view is unsupported, and the gate that marks new rows alike.
     */
    record Result(boolean[][] marked, ViewGate gate) {
    }

    /**
     * Runs the check on each view's rows in its affinity space; unitRows tells the gate which views'
     * rows are scaled to unit length (cosine views). Null when nothing is marked.
     */
    static Result check(ViewInput[] spaces, boolean[] unitRows, int k, long seed) {
        int views = spaces.length, n = spaces[0].rows();
        int clusters = Math.min(2 * k, n);
        if (views < 2 || clusters < 2) return null;
        int[][] labels = new int[views][];
        FMatrix[] rows = new FMatrix[views];
        boolean[][] flagged = new boolean[views][];
        boolean[] hasEmpty = new boolean[views];
        boolean any = false;
        for (int v = 0; v < views; v++) {
            if (!checkable(spaces[v])) continue; // it neither flags nor supports
            rows[v] = spaces[v].toDense();
            // a row with nothing in the view (all zeros: a missing view) is flagged outright and not clustered
            flagged[v] = emptyRows(rows[v]);
            for (boolean e : flagged[v]) hasEmpty[v] |= e;
            any |= hasEmpty[v];
            labels[v] = cluster(rows[v], hasEmpty[v] ? flagged[v] : null, clusters, seed + v);
        }
        // greedy: flag the least supported cluster, then judge the rest without the rows flagged so far
        // (a view's contaminated rows blur its clusters, which would make another view's clean clusters
        // look unsupported)
        int rounds = 0;
        List<List<float[]>> markedCentroids = new ArrayList<>();
        for (int v = 0; v < views; v++) markedCentroids.add(new ArrayList<>());
        while (true) {
            int worstView = -1, worstCluster = -1;
            double worst = 1;
            for (int v = 0; v < views; v++) {
                if (labels[v] == null) continue;
                for (int c = 0; c < clusters; c++) {
                    double support = support(labels, v, c, clusters);
                    if (support < worst) {
                        worst = support;
                        worstView = v;
                        worstCluster = c;
                    }
                }
            }
            if (worstView < 0) break;
            for (int i = 0; i < n; i++) if (labels[worstView][i] == worstCluster) flagged[worstView][i] = true;
            markedCentroids.get(worstView).add(centroids(rows[worstView], labels[worstView], clusters)[worstCluster]);
            any = true;
            // the view's remaining rows get all the clusters again: judged against a view whose clusters
            // are half spent on its contaminated rows, another view's clean clusters look unsupported
            labels[worstView] = cluster(rows[worstView], flagged[worstView], clusters, seed + worstView + 31L * ++rounds);
            if (rounds >= MAX_ROUNDS) break;
        }
        if (!any) return null;
        boolean[][] marked = new boolean[views][];
        FMatrix[] gateCentroids = new FMatrix[views];
        boolean[][] gateMarks = new boolean[views][];
        for (int v = 0; v < views; v++) {
            List<float[]> bad = markedCentroids.get(v);
            if (bad.isEmpty() && !hasEmpty[v]) continue;
            marked[v] = flagged[v];
            List<float[]> all = new ArrayList<>(bad);
            for (float[] c : centroids(rows[v], labels[v], clusters)) if (c != null) all.add(c);
            if (all.isEmpty()) continue; // every row empty: marked, but there is nothing to gate new rows by
            int d = rows[v].cols;
            gateCentroids[v] = new FMatrix(all.size(), d);
            gateMarks[v] = new boolean[all.size()];
            for (int j = 0; j < all.size(); j++) {
                System.arraycopy(all.get(j), 0, gateCentroids[v].data, j * d, d);
                gateMarks[v][j] = j < bad.size();
            }
        }
        boolean gated = false;
        for (FMatrix c : gateCentroids) gated |= c != null;
        return new Result(marked, gated ? new ViewGate(gateCentroids, gateMarks, unitRows) : null);
    }

    /** Which rows are all zeros. */
    static boolean[] emptyRows(FMatrix rows) {
        boolean[] empty = new boolean[rows.rows];
        for (int i = 0; i < rows.rows; i++) empty[i] = ViewGate.isZero(rows.data, i, rows.cols);
        return empty;
    }

    /** The mean row of each label (null for an empty one; rows labelled -1 left out). */
    static float[][] centroids(FMatrix rows, int[] labels, int clusters) {
        int d = rows.cols;
        double[][] sums = new double[clusters][d];
        int[] counts = new int[clusters];
        for (int i = 0; i < rows.rows; i++) {
            int c = labels[i];
            if (c < 0) continue;
            counts[c]++;
            for (int t = 0; t < d; t++) sums[c][t] += rows.data[i * d + t];
        }
        float[][] out = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            if (counts[c] == 0) continue;
            out[c] = new float[d];
            for (int t = 0; t < d; t++) out[c][t] = (float) (sums[c][t] / counts[c]);
        }
        return out;
    }

    /**
     * How strongly the other views' labels depend on membership of cluster c of view v: the largest
     * G statistic over the other views (their marked rows, labelled -1, left out) over its 99.9% chi-square
     * quantile; below 1 the cluster is unsupported. Infinite when no other view can judge, or the
     * cluster is empty.
     */
    static double support(int[][] labels, int v, int c, int clusters) {
        double best = Double.POSITIVE_INFINITY;
        boolean compared = false;
        for (int u = 0; u < labels.length; u++) {
            if (u == v || labels[u] == null) continue;
            double[] all = new double[clusters], in = new double[clusters];
            int inside = 0, total = 0;
            for (int i = 0; i < labels[v].length; i++) {
                if (labels[u][i] < 0) continue; // flagged in u
                all[labels[u][i]]++;
                total++;
                if (labels[v][i] == c) {
                    in[labels[u][i]]++;
                    inside++;
                }
            }
            if (inside == 0) continue;
            int categories = 0;
            double g = 0;
            for (int j = 0; j < clusters; j++) {
                if (all[j] > 0) categories++;
                if (in[j] > 0) g += in[j] * Math.log(in[j] / (inside * all[j] / total));
            }
            if (categories < 2) continue;
            double ratio = 2 * g / chiSquareQuantile999(categories - 1);
            best = compared ? Math.max(best, ratio) : ratio;
            compared = true;
        }
        return best;
    }

    /**
     * Whether the check clusters this view: dense views only. k-means on sparse bag-of-words rows gives
     * clusters the other view does not share even on clean data (clean BBCSport, both text views
     * clustered as dense rows: rows marked, held-out ACC 0.87 -> 0.42), so a sparse view neither flags
     * nor supports.
     */
    static boolean checkable(ViewInput view) {
        return !view.isSparse();
    }

    /** At most this many clusters are flagged (each round re-clusters a view). */
    static final int MAX_ROUNDS = 64;

    /** k-means labels of the rows not skipped (-1 for skipped rows); all -1 when too few rows remain. */
    static int[] cluster(FMatrix rows, boolean[] skip, int clusters, long seed) {
        int n = rows.rows, kept = 0;
        for (int i = 0; i < n; i++) if (skip == null || !skip[i]) kept++;
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, -1);
        if (kept < clusters) return labels;
        int[] index = new int[kept];
        for (int i = 0, p = 0; i < n; i++) if (skip == null || !skip[i]) index[p++] = i;
        int[] fitted = new KMeans(new KMeansOptions(clusters, 3, 100, 1e-4, seed)).fit(rows.selectRows(index).toDouble()).labels();
        for (int p = 0; p < kept; p++) labels[index[p]] = fitted[p];
        return labels;
    }

    /** The 99.9% quantile of chi-square with df degrees of freedom (Wilson-Hilferty). */
    static double chiSquareQuantile999(int df) {
        double z = 3.090232, a = 2.0 / (9 * df);
        double t = 1 - a + z * Math.sqrt(a);
        return df * t * t * t;
    }
}
