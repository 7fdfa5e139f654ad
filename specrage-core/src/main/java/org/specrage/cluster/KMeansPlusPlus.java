package org.specrage.cluster;

import java.util.SplittableRandom;
import org.specrage.util.Parallel;

/**
 * Greedy k-means++ seeding as in scikit-learn: each new centre is the best (lowest resulting
 * potential) of 2 + floor(ln k) candidates drawn with probability proportional to the squared
 * distance to the nearest centre chosen so far.
 */
final class KMeansPlusPlus {
    private KMeansPlusPlus() {
    }

    /** Returns k centres, row-major k x d. */
    static double[] seed(ChunkedRows rows, double[] x, int k, SplittableRandom random) {
        int n = rows.n, d = rows.d, chunks = rows.chunks;
        int trials = 2 + (int) Math.log(k);
        double[] centres = new double[k * d];
        double[] closest = new double[n];
        double[] cumulative = new double[n];
        double[][] candidateDist = new double[trials][n];
        double[][] partialPot = new double[chunks][trials];
        double[][][] scratch = new double[chunks][][];
        for (int c = 0; c < chunks; c++) scratch[c] = new ChunkedRows.Scratch(trials, n).dist;
        double[] candidateRows = new double[trials * d];

        int first = random.nextInt(n);
        System.arraycopy(x, first * d, centres, 0, d);
        Parallel.forEach(chunks, c -> {
            rows.distances(c, centres, 1, scratch[c]);
            double s = 0;
            for (int i = 0, start = Chunks.start(c), len = rows.length(c); i < len; i++) {
                closest[start + i] = scratch[c][0][i];
                s += scratch[c][0][i];
            }
            partialPot[c][0] = s;
        });
        double pot = 0;
        for (int c = 0; c < chunks; c++) pot += partialPot[c][0];

        for (int centre = 1; centre < k; centre++) {
            double running = 0;
            for (int i = 0; i < n; i++) {
                running += closest[i];
                cumulative[i] = running;
            }
            for (int t = 0; t < trials; t++) {
                int candidate = Math.min(searchLeft(cumulative, random.nextDouble() * pot), n - 1);
                System.arraycopy(x, candidate * d, candidateRows, t * d, d);
            }
            Parallel.forEach(chunks, c -> {
                double[][] dist = scratch[c];
                rows.distances(c, candidateRows, trials, dist);
                int start = Chunks.start(c), len = rows.length(c);
                for (int t = 0; t < trials; t++) {
                    double[] out = candidateDist[t];
                    double s = 0;
                    for (int i = 0; i < len; i++) {
                        double v = Math.min(closest[start + i], dist[t][i]);
                        out[start + i] = v;
                        s += v;
                    }
                    partialPot[c][t] = s;
                }
            });
            int best = 0;
            double bestPot = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double p = 0;
                for (int c = 0; c < chunks; c++) p += partialPot[c][t];
                if (p < bestPot) {
                    bestPot = p;
                    best = t;
                }
            }
            pot = bestPot;
            System.arraycopy(candidateDist[best], 0, closest, 0, n);
            System.arraycopy(candidateRows, best * d, centres, centre * d, d);
        }
        return centres;
    }

    /** First index i with cumulative[i] >= value (numpy searchsorted, side left); n if none. */
    private static int searchLeft(double[] cumulative, double value) {
        int lo = 0, hi = cumulative.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
