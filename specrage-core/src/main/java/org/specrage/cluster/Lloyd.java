package org.specrage.cluster;

import java.util.Arrays;
import org.specrage.util.Parallel;

/**
 * Lloyd iterations for one start. Holds every buffer of a run, allocated once and reused across
 * the restarts of a fit. Assignment runs over fixed row chunks and per-chunk sums are reduced in
 * chunk order, so a run does not depend on the thread count. The labels and inertia left at the
 * end always belong to the final centres.
 */
final class Lloyd {
    private final ChunkedRows rows;
    private final double[] x;
    private final int n;
    private final int d;
    private final int k;
    private final int chunks;
    final int[] labels;
    private final int[] previous;
    private final double[] dist;
    private final double[][] chunkSums;
    private final long[][] chunkCounts;
    private final double[] chunkInertia;
    private final int[] chunkChanged;
    private final ChunkedRows.Scratch[] chunkScratch;
    private final double[] sums;
    private final long[] counts;
    double[] centres;
    private double[] nextCentres;
    double inertia;
    int iterations;

    Lloyd(ChunkedRows rows, double[] x, int k) {
        this.rows = rows;
        this.x = x;
        this.n = rows.n;
        this.d = rows.d;
        this.k = k;
        this.chunks = rows.chunks;
        labels = new int[n];
        previous = new int[n];
        dist = new double[n];
        chunkSums = new double[chunks][k * d];
        chunkCounts = new long[chunks][k];
        chunkInertia = new double[chunks];
        chunkChanged = new int[chunks];
        chunkScratch = new ChunkedRows.Scratch[chunks];
        for (int c = 0; c < chunks; c++) chunkScratch[c] = new ChunkedRows.Scratch(k, n);
        sums = new double[k * d];
        counts = new long[k];
        nextCentres = new double[k * d];
    }

    /** Runs from the given initial centres until convergence or maxIterations. */
    void run(double[] initialCentres, int maxIterations, double shiftTolerance) {
        centres = initialCentres;
        Arrays.fill(labels, -1);
        assign();
        iterations = 0;
        for (int it = 1; it <= maxIterations; it++) {
            iterations = it;
            double shift = updateCentres();
            int changed = assign();
            if (changed == 0 || shift <= shiftTolerance) break;
        }
    }

    /** Labels every point with its nearest centre and accumulates sums; returns how many labels changed. */
    private int assign() {
        System.arraycopy(labels, 0, previous, 0, n);
        Parallel.forEach(chunks, c -> {
            rows.nearest(c, centres, k, chunkScratch[c], labels, dist);
            double[] s = chunkSums[c];
            long[] cnt = chunkCounts[c];
            Arrays.fill(s, 0);
            Arrays.fill(cnt, 0);
            double in = 0;
            int changed = 0;
            for (int i = Chunks.start(c), end = Chunks.end(c, n); i < end; i++) {
                int j = labels[i];
                if (previous[i] != j) changed++;
                in += dist[i];
                cnt[j]++;
                for (int t = 0, xo = i * d, so = j * d; t < d; t++) s[so + t] += x[xo + t];
            }
            chunkInertia[c] = in;
            chunkChanged[c] = changed;
        });
        Arrays.fill(sums, 0);
        Arrays.fill(counts, 0);
        inertia = 0;
        int changed = 0;
        for (int c = 0; c < chunks; c++) {
            double[] s = chunkSums[c];
            for (int t = 0; t < sums.length; t++) sums[t] += s[t];
            for (int j = 0; j < k; j++) counts[j] += chunkCounts[c][j];
            inertia += chunkInertia[c];
            changed += chunkChanged[c];
        }
        return changed;
    }

    /** Moves every centre to the mean of its points; returns the summed squared movement. */
    private double updateCentres() {
        relocateEmptyClusters();
        double shift = 0;
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < d; t++) {
                int o = j * d + t;
                nextCentres[o] = sums[o] / counts[j];
                double diff = nextCentres[o] - centres[o];
                shift += diff * diff;
            }
        }
        double[] old = centres;
        centres = nextCentres;
        nextCentres = old;
        return shift;
    }

    /**
     * Gives each empty cluster the point farthest from its centre (lowest index on ties), taken
     * from a cluster with more than one point, as scikit-learn does. Rare, so done serially.
     */
    private void relocateEmptyClusters() {
        for (int j = 0; j < k; j++) {
            if (counts[j] > 0) continue;
            int far = -1;
            for (int i = 0; i < n; i++) {
                if (counts[labels[i]] > 1 && dist[i] > 0 && (far < 0 || dist[i] > dist[far])) far = i;
            }
            if (far < 0) {
                // nothing to move (fewer distinct points than clusters): the centre stays put
                System.arraycopy(centres, j * d, sums, j * d, d);
                counts[j] = 1;
                continue;
            }
            int from = labels[far];
            for (int t = 0; t < d; t++) {
                double v = x[far * d + t];
                sums[from * d + t] -= v;
                sums[j * d + t] = v;
            }
            counts[from]--;
            counts[j] = 1;
            labels[far] = j;
            dist[far] = 0;
        }
    }
}
