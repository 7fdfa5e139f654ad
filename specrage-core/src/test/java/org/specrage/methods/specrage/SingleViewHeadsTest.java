package org.specrage.methods.specrage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.Inference;
import org.specrage.nn.Linear;

class SingleViewHeadsTest {
    /** n rows of d columns (offset from 0, so the intercept matters) and targets x w + 1.5 + noise. */
    private static FMatrix[] regression(int n, int d, int out, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FMatrix x = new FMatrix(n, d), y = new FMatrix(n, out);
        double[] w = new double[d * out];
        for (int i = 0; i < w.length; i++) w[i] = r.nextDouble(-1, 1);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) x.data[i * d + t] = (float) (r.nextDouble(-1, 1) + 3);
            for (int c = 0; c < out; c++) {
                double s = 1.5 + noise * gaussian(r);
                for (int t = 0; t < d; t++) s += x.data[i * d + t] * w[t * out + c];
                y.data[i * out + c] = (float) s;
            }
        }
        return new FMatrix[] {x, y};
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static boolean[] all(int n) {
        boolean[] use = new boolean[n];
        Arrays.fill(use, true);
        return use;
    }

    @Test
    void theHeadIsTheRidgeSolutionForTheChosenStrength() {
        FMatrix[] xy = regression(60, 5, 2, 0.5, 1);
        FMatrix x = xy[0], y = xy[1];
        boolean[] use = all(60);
        use[7] = use[30] = false; // rows left out of the fit
        SingleViewHeads.Head head = SingleViewHeads.fit(ViewInput.dense(x), use, y);
        double[][] expected = ridge(x, y, use, head.lambda());
        Linear layer = head.map().linears().get(0);
        for (int t = 0; t < 5; t++) {
            for (int c = 0; c < 2; c++) assertEquals(expected[t][c], layer.weight.data()[t * 2 + c], 1e-4, "weight " + t + "," + c);
        }
        for (int c = 0; c < 2; c++) assertEquals(expected[5][c], layer.bias.data()[c], 1e-3, "bias " + c);
    }

    /** The centred ridge solution by Gaussian elimination: rows 0..d-1 the weights, row d the intercept. */
    private static double[][] ridge(FMatrix x, FMatrix y, boolean[] use, double lambda) {
        int d = x.cols, out = y.cols, m = 0;
        double[] xm = new double[d], ym = new double[out];
        for (int i = 0; i < x.rows; i++) {
            if (!use[i]) continue;
            m++;
            for (int t = 0; t < d; t++) xm[t] += x.get(i, t);
            for (int c = 0; c < out; c++) ym[c] += y.get(i, c);
        }
        for (int t = 0; t < d; t++) xm[t] /= m;
        for (int c = 0; c < out; c++) ym[c] /= m;
        double[][] a = new double[d][d + out];
        for (int i = 0; i < x.rows; i++) {
            if (!use[i]) continue;
            for (int s = 0; s < d; s++) {
                for (int t = 0; t < d; t++) a[s][t] += (x.get(i, s) - xm[s]) * (x.get(i, t) - xm[t]);
                for (int c = 0; c < out; c++) a[s][d + c] += (x.get(i, s) - xm[s]) * (y.get(i, c) - ym[c]);
            }
        }
        for (int s = 0; s < d; s++) a[s][s] += lambda;
        for (int p = 0; p < d; p++) {
            for (int r = p + 1; r < d; r++) {
                double f = a[r][p] / a[p][p];
                for (int q = p; q < d + out; q++) a[r][q] -= f * a[p][q];
            }
        }
        double[][] w = new double[d + 1][out];
        for (int c = 0; c < out; c++) {
            for (int s = d - 1; s >= 0; s--) {
                double v = a[s][d + c];
                for (int q = s + 1; q < d; q++) v -= a[s][q] * w[q][c];
                w[s][c] = v / a[s][s];
            }
            double b = ym[c];
            for (int t = 0; t < d; t++) b -= xm[t] * w[t][c];
            w[d][c] = b;
        }
        return w;
    }

    @Test
    void theChosenStrengthMinimisesTheGcvScoreComputedFromTheHatMatrix() {
        FMatrix[] xy = regression(40, 6, 2, 2.0, 2);
        FMatrix x = xy[0], y = xy[1];
        boolean[] use = all(40);
        double chosen = SingleViewHeads.fit(ViewInput.dense(x), use, y).lambda();
        double meanEigen = meanEigenvalue(x);
        double best = Double.POSITIVE_INFINITY, argBest = Double.NaN;
        for (int j = SingleViewHeads.GRID_FROM; j <= SingleViewHeads.GRID_TO; j++) {
            double lambda = meanEigen * Math.pow(10, j / 2.0);
            double score = bruteForceGcv(x, y, lambda);
            if (score < best) {
                best = score;
                argBest = lambda;
            }
        }
        assertEquals(argBest, chosen, 1e-9 * argBest);
    }

    /** Mean eigenvalue of the centred Gram matrix: its trace over d. */
    private static double meanEigenvalue(FMatrix x) {
        double trace = 0;
        for (int t = 0; t < x.cols; t++) {
            double mean = 0;
            for (int i = 0; i < x.rows; i++) mean += x.get(i, t) / (double) x.rows;
            for (int i = 0; i < x.rows; i++) trace += (x.get(i, t) - mean) * (x.get(i, t) - mean);
        }
        return trace / x.cols;
    }

    /** n RSS / (n - tr H)^2, with the residuals of the explicit ridge fit (intercept included) and tr H from the hat matrix's diagonal. */
    private static double bruteForceGcv(FMatrix x, FMatrix y, double lambda) {
        int n = x.rows, d = x.cols;
        boolean[] use = all(n);
        double[][] w = ridge(x, y, use, lambda);
        double rss = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < y.cols; c++) {
                double p = w[d][c];
                for (int t = 0; t < d; t++) p += x.get(i, t) * w[t][c];
                rss += (y.get(i, c) - p) * (y.get(i, c) - p);
            }
        }
        // tr H = sum_j e_j / (e_j + lambda): the fit's column j on unit targets e_i summed over rows
        double trace = 0;
        for (int i = 0; i < n; i++) {
            FMatrix unit = new FMatrix(n, 1);
            unit.data[i] = 1;
            double[][] wi = ridge(x, unit, use, lambda);
            double p = wi[d][0]; // the intercept's share, 1/n per row, counts: it is one of the fit's degrees of freedom
            for (int t = 0; t < d; t++) p += x.get(i, t) * wi[t][0];
            trace += p;
        }
        return n * rss / ((n - trace) * (n - trace));
    }

    @Test
    void moreColumnsThanRowsDoNotInterpolateNoise() {
        // 150 columns, 120 rows, targets unrelated to the rows: the map should predict about the mean
        SplittableRandom r = new SplittableRandom(6);
        FMatrix x = new FMatrix(240, 150), y = new FMatrix(240, 1);
        for (int i = 0; i < x.data.length; i++) x.data[i] = (float) gaussian(r);
        for (int i = 0; i < y.data.length; i++) y.data[i] = (float) gaussian(r);
        boolean[] fit = new boolean[240];
        for (int i = 0; i < 120; i++) fit[i] = true;
        SingleViewHeads.Head head = SingleViewHeads.fit(ViewInput.dense(x), fit, y);
        FMatrix p = Inference.apply(head.map(), x);
        double error = 0, spread = 0;
        for (int i = 120; i < 240; i++) {
            error += (p.data[i] - y.data[i]) * (double) (p.data[i] - y.data[i]);
            spread += y.data[i] * (double) y.data[i];
        }
        assertTrue(error < 1.2 * spread, "held-out squared error " + error + " against " + spread + " for predicting 0 (lambda " + head.lambda() + ")");
    }

    @Test
    void noisierTargetsGetAStrongerRidge() {
        double quiet = SingleViewHeads.fit(ViewInput.dense(regression(80, 20, 3, 0.01, 3)[0]), all(80), regression(80, 20, 3, 0.01, 3)[1]).lambda();
        double noisy = SingleViewHeads.fit(ViewInput.dense(regression(80, 20, 3, 20, 3)[0]), all(80), regression(80, 20, 3, 20, 3)[1]).lambda();
        assertTrue(noisy > 10 * quiet, "ridge strength " + quiet + " (quiet) vs " + noisy + " (noisy)");
    }

    @Test
    void aSparseViewGivesTheSameHeadAsItsDenseRows() {
        FMatrix[] xy = regression(50, 8, 2, 0.3, 4);
        FMatrix x = xy[0];
        for (int i = 0; i < x.data.length; i += 3) x.data[i] = 0; // some zeros for the sparse form
        SingleViewHeads.Head dense = SingleViewHeads.fit(ViewInput.dense(x), all(50), xy[1]);
        SingleViewHeads.Head sparse = SingleViewHeads.fit(ViewInput.of(org.specrage.data.View.sparse(CsrMatrix.fromDense(x))), all(50), xy[1]);
        assertEquals(dense.lambda(), sparse.lambda(), 1e-12 * dense.lambda());
        assertArrayEquals(dense.map().linears().get(0).weight.data(), sparse.map().linears().get(0).weight.data(), 1e-5f);
        FMatrix p = Inference.apply(dense.map(), x);
        assertEquals(50, p.rows);
    }

    @Test
    void tooWideOrTooFewRowsGiveNoHead() {
        FMatrix wide = new FMatrix(3, SingleViewHeads.MAX_COLUMNS + 1);
        assertNull(SingleViewHeads.fit(ViewInput.dense(wide), all(3), new FMatrix(3, 2)));
        boolean[] one = new boolean[3];
        one[1] = true;
        assertNull(SingleViewHeads.fit(ViewInput.dense(new FMatrix(3, 4)), one, new FMatrix(3, 2)));
    }
}
