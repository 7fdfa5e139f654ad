package org.specrage.cluster;

import java.util.SplittableRandom;
import org.specrage.linalg.DMatrix;
import org.specrage.util.Parallel;

/**
 * k-means: greedy k-means++ seeding, Lloyd iterations, best of several restarts by inertia.
 * Deterministic for a seed (and independent of the thread count). Runs its loops on
 * {@link Parallel}, so do not call it from inside a {@code Parallel.forEach} body.
 */
public final class KMeans {
    private final KMeansOptions options;

    public KMeans(KMeansOptions options) {
        if (options == null) throw new IllegalArgumentException("options must not be null");
        this.options = options;
    }

    /** Clusters x (rows are points) into k clusters with the default options. */
    public static KMeansResult fit(DMatrix x, int k, long seed) {
        return new KMeans(KMeansOptions.of(k, seed)).fit(x);
    }

    public KMeansOptions options() {
        return options;
    }

    public KMeansResult fit(DMatrix x) {
        int n = x.rows, d = x.cols, k = options.k();
        if (k > n) throw new IllegalArgumentException("k-means: k = " + k + " clusters but only " + n + " points");
        if (d == 0) throw new IllegalArgumentException("k-means: data has no columns");
        checkValues(x, "data");
        double shiftTolerance = options.tolerance() * meanVariance(x);
        SplittableRandom root = new SplittableRandom(options.seed());
        ChunkedRows rows = new ChunkedRows(x.data, n, d);
        Lloyd lloyd = new Lloyd(rows, x.data, k);
        KMeansResult best = null;
        for (int r = 0; r < options.restarts(); r++) {
            SplittableRandom random = root.split();
            double[] init = KMeansPlusPlus.seed(rows, x.data, k, random);
            lloyd.run(init, options.maxIterations(), shiftTolerance);
            if (best == null || lloyd.inertia < best.inertia()) {
                best = new KMeansResult(lloyd.labels.clone(), new DMatrix(k, d, lloyd.centres.clone()),
                        lloyd.inertia, lloyd.iterations);
            }
        }
        return best;
    }

    /** Index of the nearest centroid of every row of x; ties go to the lowest index. */
    public static int[] predict(DMatrix x, DMatrix centroids) {
        if (x.cols != centroids.cols) {
            throw new IllegalArgumentException("predict: data has " + x.cols + " columns, centroids have " + centroids.cols);
        }
        if (centroids.rows == 0) throw new IllegalArgumentException("predict: no centroids");
        checkValues(x, "data");
        checkValues(centroids, "centroids");
        int n = x.rows, d = x.cols, k = centroids.rows;
        int[] labels = new int[n];
        ChunkedRows rows = new ChunkedRows(x.data, n, d);
        Parallel.forEach(rows.chunks, c -> {
            rows.nearest(c, centroids.data, k, new ChunkedRows.Scratch(k, n), labels, null);
        });
        return labels;
    }

    /** Largest magnitude whose squared distances cannot overflow to infinity. */
    private static final double MAX_ABS = 1e150;

    private static void checkValues(DMatrix x, String what) {
        for (int i = 0; i < x.data.length; i++) {
            double v = x.data[i];
            if (!Double.isFinite(v) || Math.abs(v) > MAX_ABS) {
                throw new IllegalArgumentException("k-means: " + what + " entry (" + i / x.cols + ", " + i % x.cols
                        + ") is " + v + "; values must be finite and at most " + MAX_ABS + " in magnitude");
            }
        }
    }

    /**
     * Mean over features of the per-feature (population) variance, scikit-learn's tolerance scale.
     * Row by row (the data's own order), each feature's sums still taken over rows 0..n-1 in order.
     */
    static double meanVariance(DMatrix x) {
        int n = x.rows, d = x.cols;
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int t = 0, o = i * d; t < d; t++) mean[t] += x.data[o + t];
        for (int t = 0; t < d; t++) mean[t] /= n;
        double[] var = new double[d];
        for (int i = 0; i < n; i++) {
            for (int t = 0, o = i * d; t < d; t++) {
                double diff = x.data[o + t] - mean[t];
                var[t] += diff * diff;
            }
        }
        double total = 0;
        for (int t = 0; t < d; t++) total += var[t] / n;
        return total / d;
    }
}
