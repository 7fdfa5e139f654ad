package org.specrage.data.corrupt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.specrage.util.Seeds;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

/**
 * Contaminates a fraction of the samples in one view, for robustness experiments: the other views
 * and the labels stay as they are. Rows are chosen uniformly without replacement from the seed.
 * Sparse views support SHUFFLE and ZERO as they are; GAUSSIAN and OUTLIER make the view dense.
 */
public final class Corruption {
    private Corruption() {
    }

    public static CorruptedData apply(MultiViewData data, int view, double fraction, CorruptionKind kind,
                                      double strength, long seed) {
        if (view < 0 || view >= data.viewCount()) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT,
                    "view " + view + " does not exist: the data has views 0.." + (data.viewCount() - 1));
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "fraction must be in [0, 1], got " + fraction);
        }
        if (!(strength >= 0) || Double.isInfinite(strength)) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "strength must be finite and non-negative, got " + strength);
        }
        if (kind == CorruptionKind.GAUSSIAN && strength == 0) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "gaussian noise of strength 0 would change nothing; give a positive strength");
        }
        SplittableRandom rnd = Seeds.stream(seed, "corrupt");
        checkHits(kind, fraction, data.rows());
        int count = (int) Math.round(fraction * data.rows());
        int[] hits = chooseRows(data.rows(), count, rnd);
        View original = data.view(view);
        View corrupted = switch (kind) {
            case GAUSSIAN -> View.dense(addNoise(original.toDense(), hits, strength, rnd));
            case OUTLIER -> View.dense(replaceByOutliers(original.toDense(), hits, strength, rnd));
            case SHUFFLE -> shuffleRows(original, hits, rnd);
            case ZERO -> zeroRows(original, hits);
        };
        if (original.name() != null) corrupted = corrupted.withName(original.name());
        List<View> views = new ArrayList<>(data.views());
        views.set(view, corrupted);
        return new CorruptedData(data.withViews(views), view, kind, hits);
    }

    /** Fails when the kind cannot act on the rows a fraction hits: a shuffle of one row would change nothing. */
    public static void checkHits(CorruptionKind kind, double fraction, int rows) {
        if (kind == CorruptionKind.SHUFFLE && Math.round(fraction * rows) == 1) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "shuffle exchanges rows among the hit samples, and fraction "
                    + fraction + " of " + rows + " rows hits only one; give a fraction that hits at least 2");
        }
    }

    /** count distinct rows, ascending (partial Fisher-Yates). */
    static int[] chooseRows(int n, int count, SplittableRandom rnd) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = 0; i < count; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] hits = Arrays.copyOf(order, count);
        Arrays.sort(hits);
        return hits;
    }

    private static FMatrix addNoise(FMatrix x, int[] hits, double strength, SplittableRandom rnd) {
        FMatrix out = x.copy();
        double[] std = columnStd(x);
        for (int r : hits) {
            for (int c = 0; c < x.cols; c++) out.data[r * x.cols + c] += (float) (strength * std[c] * gaussian(rnd));
        }
        return out;
    }

    private static FMatrix replaceByOutliers(FMatrix x, int[] hits, double strength, SplittableRandom rnd) {
        FMatrix out = x.copy();
        float[] min = new float[x.cols];
        float[] max = new float[x.cols];
        Arrays.fill(min, Float.POSITIVE_INFINITY);
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        for (int r = 0; r < x.rows; r++) {
            for (int c = 0; c < x.cols; c++) {
                float v = x.data[r * x.cols + c];
                if (v < min[c]) min[c] = v;
                if (v > max[c]) max[c] = v;
            }
        }
        for (int r : hits) {
            for (int c = 0; c < x.cols; c++) {
                double range = max[c] - min[c];
                double lo = min[c] - strength * range;
                double hi = max[c] + strength * range;
                out.data[r * x.cols + c] = (float) (lo + (hi - lo) * rnd.nextDouble());
            }
        }
        return out;
    }

    /** Every hit row takes another hit row's values: a random cyclic permutation (Sattolo), so none keeps its own. */
    private static View shuffleRows(View v, int[] hits, SplittableRandom rnd) {
        int[] source = new int[v.rows()];
        for (int i = 0; i < source.length; i++) source[i] = i;
        int[] permuted = hits.clone();
        for (int i = permuted.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i);
            int t = permuted[i];
            permuted[i] = permuted[j];
            permuted[j] = t;
        }
        for (int i = 0; i < hits.length; i++) source[hits[i]] = permuted[i];
        return v.selectRows(source);
    }

    private static View zeroRows(View v, int[] hits) {
        if (!v.isSparse()) {
            FMatrix out = v.dense().copy();
            for (int r : hits) Arrays.fill(out.data, r * out.cols, (r + 1) * out.cols, 0f);
            return View.dense(out);
        }
        CsrMatrix m = v.sparse();
        boolean[] hit = new boolean[m.rows];
        for (int r : hits) hit[r] = true;
        int[] start = new int[m.rows + 1];
        for (int r = 0; r < m.rows; r++) start[r + 1] = start[r] + (hit[r] ? 0 : m.rowStart[r + 1] - m.rowStart[r]);
        int[] idx = new int[start[m.rows]];
        double[] val = new double[idx.length];
        for (int r = 0; r < m.rows; r++) {
            if (hit[r]) continue;
            int len = m.rowStart[r + 1] - m.rowStart[r];
            System.arraycopy(m.colIndex, m.rowStart[r], idx, start[r], len);
            System.arraycopy(m.values, m.rowStart[r], val, start[r], len);
        }
        return View.sparse(new CsrMatrix(m.rows, m.cols, start, idx, val));
    }

    private static double[] columnStd(FMatrix x) {
        double[] mean = new double[x.cols];
        double[] sq = new double[x.cols];
        for (int r = 0; r < x.rows; r++) {
            for (int c = 0; c < x.cols; c++) {
                double v = x.data[r * x.cols + c];
                mean[c] += v;
                sq[c] += v * v;
            }
        }
        double[] std = new double[x.cols];
        for (int c = 0; c < x.cols; c++) {
            double m = mean[c] / x.rows;
            std[c] = Math.sqrt(Math.max(0, sq[c] / x.rows - m * m));
        }
        return std;
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller from the seeded stream (java.util.Random's nextGaussian has hidden state)
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
