package org.specrage.data.synthetic;

import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.linalg.Blas;
import org.specrage.linalg.FMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded toy data sets with labels, defined as in scikit-learn's make_moons, make_circles and
 * make_blobs (rows shuffled). Work and memory are linear in n, so millions of rows are fine.
 * The same arguments and seed always give the same data.
 */
public final class SyntheticData {
    private SyntheticData() {
    }

    /**
     * Two interleaving half circles in 2-D: class 0 is (cos t, sin t), class 1 is
     * (1 - cos t, 1/2 - sin t), t evenly spaced in [0, pi]; n/2 (rounded down) points in class 0;
     * then Gaussian noise of std {@code noise} on each coordinate.
     */
    public static MultiViewData moons(int n, double noise, long seed) {
        checkCount(n);
        checkNonNegative(noise, "noise");
        int outer = n / 2, inner = n - outer;
        SplittableRandom random = new SplittableRandom(seed);
        int[] place = permutation(n, random);
        Gaussian g = new Gaussian(random);
        FMatrix x = new FMatrix(n, 2);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            boolean isOuter = i < outer;
            double t = isOuter ? evenly(i, outer, Math.PI, true) : evenly(i - outer, inner, Math.PI, true);
            double px = isOuter ? Math.cos(t) : 1 - Math.cos(t);
            double py = isOuter ? Math.sin(t) : 0.5 - Math.sin(t);
            int row = place[i];
            x.data[2 * row] = (float) (px + noise * g.next());
            x.data[2 * row + 1] = (float) (py + noise * g.next());
            y[row] = isOuter ? 0 : 1;
        }
        return named(x, y, "moons");
    }

    /** {@link #circles(int, double, double, long)} with the inner circle at half the radius. */
    public static MultiViewData circles(int n, double noise, long seed) {
        return circles(n, noise, 0.5, seed);
    }

    /**
     * Two concentric circles in 2-D: class 0 on the unit circle, class 1 on the circle of radius
     * {@code factor} (0 <= factor < 1), angles evenly spaced in [0, 2 pi) without the end point,
     * n/2 (rounded down) points in class 0; then Gaussian noise of std {@code noise}.
     */
    public static MultiViewData circles(int n, double noise, double factor, long seed) {
        checkCount(n);
        checkNonNegative(noise, "noise");
        if (!(factor >= 0 && factor < 1)) throw invalid("circle factor must be in [0, 1), got " + factor);
        int outer = n / 2, inner = n - outer;
        SplittableRandom random = new SplittableRandom(seed);
        int[] place = permutation(n, random);
        Gaussian g = new Gaussian(random);
        FMatrix x = new FMatrix(n, 2);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            boolean isOuter = i < outer;
            double t = isOuter ? evenly(i, outer, 2 * Math.PI, false) : evenly(i - outer, inner, 2 * Math.PI, false);
            double r = isOuter ? 1 : factor;
            int row = place[i];
            x.data[2 * row] = (float) (r * Math.cos(t) + noise * g.next());
            x.data[2 * row + 1] = (float) (r * Math.sin(t) + noise * g.next());
            y[row] = isOuter ? 0 : 1;
        }
        return named(x, y, "circles");
    }

    /**
     * k isotropic Gaussian blobs in {@code dim} dimensions: centres drawn uniformly from the box
     * [-10, 10]^dim, n/k points per blob (the first n mod k blobs get one more), each coordinate
     * centre + std * N(0, 1).
     */
    public static MultiViewData blobs(int n, int k, int dim, double std, long seed) {
        checkCount(n);
        if (k < 1 || k > n) throw invalid("blob count must be in 1.." + n + ", got " + k);
        if (dim < 1) throw invalid("dimension must be at least 1, got " + dim);
        checkNonNegative(std, "std");
        SplittableRandom random = new SplittableRandom(seed);
        double[] centres = new double[k * dim];
        for (int i = 0; i < centres.length; i++) centres[i] = -10 + 20 * random.nextDouble();
        int[] place = permutation(n, random);
        Gaussian g = new Gaussian(random);
        FMatrix x = new FMatrix(n, dim);
        int[] y = new int[n];
        int i = 0;
        for (int c = 0; c < k; c++) {
            int size = n / k + (c < n % k ? 1 : 0);
            for (int s = 0; s < size; s++, i++) {
                int base = place[i] * dim;
                for (int j = 0; j < dim; j++) x.data[base + j] = (float) (centres[c * dim + j] + std * g.next());
                y[place[i]] = c;
            }
        }
        return named(x, y, "blobs");
    }

    /**
     * A multi-view version of {@link #blobs}: view 0 is blobs(n, k, dim, std 1); view v (v >= 1)
     * is view 0 times a random rotation (a random orthogonal dim x dim matrix) plus Gaussian
     * noise of std 0.5 * v, so later views carry the same clusters less clearly.
     */
    public static MultiViewData multiViewBlobs(int n, int k, int views, int dim, long seed) {
        if (views < 1) throw invalid("view count must be at least 1, got " + views);
        SplittableRandom master = new SplittableRandom(seed);
        MultiViewData base = blobs(n, k, dim, 1.0, master.nextLong());
        FMatrix x0 = base.view(0).dense();
        List<View> out = new ArrayList<>(views);
        out.add(View.dense(x0).withName("view0"));
        for (int v = 1; v < views; v++) {
            SplittableRandom random = master.split();
            FMatrix rotation = randomRotation(dim, random);
            FMatrix xv = new FMatrix(n, dim);
            Blas.sgemm(false, false, 1f, x0, rotation, 0f, xv);
            Gaussian g = new Gaussian(random);
            double noise = 0.5 * v;
            for (int i = 0; i < xv.data.length; i++) xv.data[i] += (float) (noise * g.next());
            out.add(View.dense(xv).withName("view" + v));
        }
        return new MultiViewData(out, base.labels(), "multiview-blobs");
    }

    /** A random orthogonal matrix: Gram-Schmidt (twice, for accuracy) on the rows of a Gaussian matrix. */
    static FMatrix randomRotation(int dim, SplittableRandom random) {
        Gaussian g = new Gaussian(random);
        double[] q = new double[dim * dim];
        for (int i = 0; i < q.length; i++) q[i] = g.next();
        for (int r = 0; r < dim; r++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < r; p++) {
                    double dot = 0;
                    for (int j = 0; j < dim; j++) dot += q[r * dim + j] * q[p * dim + j];
                    for (int j = 0; j < dim; j++) q[r * dim + j] -= dot * q[p * dim + j];
                }
            }
            double norm = 0;
            for (int j = 0; j < dim; j++) norm += q[r * dim + j] * q[r * dim + j];
            norm = Math.sqrt(norm);
            for (int j = 0; j < dim; j++) q[r * dim + j] /= norm;
        }
        FMatrix out = new FMatrix(dim, dim);
        for (int i = 0; i < q.length; i++) out.data[i] = (float) q[i];
        return out;
    }

    /** Point i of m evenly spaced in [0, range] (with end point) or [0, range) (without), as numpy's linspace. */
    private static double evenly(int i, int m, double range, boolean endpoint) {
        if (endpoint) return m == 1 ? 0 : range * i / (m - 1);
        return range * i / m;
    }

    /** place[i] = the row that generated point i goes to: a uniformly random permutation. */
    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static MultiViewData named(FMatrix x, int[] y, String name) {
        return new MultiViewData(List.of(View.dense(x)), y, name);
    }

    private static void checkCount(int n) {
        if (n < 1) throw invalid("sample count must be at least 1, got " + n);
    }

    private static void checkNonNegative(double v, String what) {
        if (!(v >= 0) || Double.isInfinite(v)) throw invalid(what + " must be a finite number >= 0, got " + v);
    }

    private static DataException invalid(String message) {
        return new DataException(DataException.Kind.INVALID_ARGUMENT, message);
    }
}
