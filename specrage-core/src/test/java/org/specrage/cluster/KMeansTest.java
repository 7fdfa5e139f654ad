package org.specrage.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;
import org.specrage.metrics.ClusteringMetrics;
import org.specrage.util.Parallel;

class KMeansTest {
    /** Gaussian blobs with centres 30 apart and unit spread: any sensible k-means must recover them. */
    private static DMatrix blobs(int perBlob, int blobs, int d, long seed, int[] truthOut) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[blobs][d];
        for (int b = 0; b < blobs; b++) centres[b][b % d] = 30.0 * (b + 1);
        DMatrix x = new DMatrix(perBlob * blobs, d);
        for (int i = 0; i < x.rows; i++) {
            int b = (i * 7) % blobs; // interleave the blobs so index order says nothing
            truthOut[i] = b;
            for (int t = 0; t < d; t++) x.set(i, t, centres[b][t] + gaussian(random));
        }
        return x;
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble(), v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** Inertia of a given partition with its own means as centres. */
    private static double partitionInertia(DMatrix x, int[] labels, int k) {
        double[] sums = new double[k * x.cols];
        int[] counts = new int[k];
        for (int i = 0; i < x.rows; i++) {
            counts[labels[i]]++;
            for (int t = 0; t < x.cols; t++) sums[labels[i] * x.cols + t] += x.get(i, t);
        }
        double inertia = 0;
        for (int i = 0; i < x.rows; i++) {
            for (int t = 0; t < x.cols; t++) {
                double diff = x.get(i, t) - sums[labels[i] * x.cols + t] / counts[labels[i]];
                inertia += diff * diff;
            }
        }
        return inertia;
    }

    @Test
    void recoversSeparatedBlobsExactly() {
        int[] truth = new int[5 * 120];
        DMatrix x = blobs(120, 5, 4, 11, truth);
        KMeansResult result = KMeans.fit(x, 5, 3);
        assertEquals(1.0, ClusteringMetrics.accuracy(truth, result.labels()));
        double trueInertia = partitionInertia(x, truth, 5);
        // same partition: equal up to summation-order rounding, never above it
        assertTrue(result.inertia() <= trueInertia * (1 + 1e-12), result.inertia() + " > " + trueInertia);
        assertEquals(trueInertia, result.inertia(), 1e-9 * trueInertia);
        assertEquals(5, result.centroids().rows);
        assertEquals(4, result.centroids().cols);
        assertTrue(result.iterations() >= 1);
    }

    @Test
    void inertiaNeverAboveTruePartitionOnSeparatedData() {
        for (long seed = 0; seed < 5; seed++) {
            int[] truth = new int[3 * 80];
            DMatrix x = blobs(80, 3, 2, 100 + seed, truth);
            KMeansResult result = new KMeans(KMeansOptions.of(3, seed).withRestarts(3)).fit(x);
            double trueInertia = partitionInertia(x, truth, 3);
            assertTrue(result.inertia() <= trueInertia * (1 + 1e-12), "seed " + seed);
        }
    }

    @Test
    void sameSeedGivesIdenticalResultsForAnyThreadCount() {
        SplittableRandom random = new SplittableRandom(5);
        DMatrix x = new DMatrix(5000, 3); // several chunks, no cluster structure: many iterations
        for (int i = 0; i < x.data.length; i++) x.data[i] = random.nextDouble();
        KMeans kmeans = new KMeans(KMeansOptions.of(8, 42).withRestarts(3));
        int threads = Parallel.threads();
        KMeansResult a, b, c;
        try {
            Parallel.setThreads(1);
            a = kmeans.fit(x);
            Parallel.setThreads(3);
            b = kmeans.fit(x);
            c = kmeans.fit(x);
        } finally {
            Parallel.setThreads(threads);
        }
        assertArrayEquals(a.labels(), b.labels());
        assertArrayEquals(a.centroids().data, b.centroids().data);
        assertEquals(a.inertia(), b.inertia());
        assertArrayEquals(b.labels(), c.labels());
        assertArrayEquals(b.centroids().data, c.centroids().data);
        KMeansResult other = new KMeans(KMeansOptions.of(8, 43).withRestarts(3)).fit(x);
        assertTrue(other.inertia() != a.inertia() || !java.util.Arrays.equals(other.labels(), a.labels()),
                "a different seed should explore a different start");
    }

    @Test
    void predictAgreesWithFitLabelsAndInertia() {
        SplittableRandom random = new SplittableRandom(9);
        DMatrix x = new DMatrix(3000, 5);
        for (int i = 0; i < x.data.length; i++) x.data[i] = random.nextDouble() * 10;
        KMeansResult result = new KMeans(KMeansOptions.of(6, 1).withRestarts(2)).fit(x);
        assertArrayEquals(result.labels(), KMeans.predict(x, result.centroids()));
        double inertia = 0;
        for (int i = 0; i < x.rows; i++) {
            for (int t = 0; t < x.cols; t++) {
                double diff = x.get(i, t) - result.centroids().get(result.labels()[i], t);
                inertia += diff * diff;
            }
        }
        assertEquals(inertia, result.inertia(), 1e-9 * inertia);
    }

    @Test
    void predictBreaksTiesTowardsTheLowestIndex() {
        DMatrix centroids = new DMatrix(3, 1, new double[] {1, -1, 1});
        DMatrix x = new DMatrix(2, 1, new double[] {0, 1});
        assertArrayEquals(new int[] {0, 0}, KMeans.predict(x, centroids));
    }

    @Test
    void asManyClustersAsDistinctPointsGivesZeroInertia() {
        double[] values = {0, 0, 0, 5, 5, 9, 9, 9, 9};
        DMatrix x = new DMatrix(values.length, 1, values);
        KMeansResult result = KMeans.fit(x, 3, 0);
        assertEquals(0.0, result.inertia());
        int[] truth = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        assertEquals(1.0, ClusteringMetrics.accuracy(truth, result.labels()));
        // k = n with duplicates: some clusters stay empty, nothing breaks
        KMeansResult all = KMeans.fit(x, values.length, 0);
        assertEquals(0.0, all.inertia());
    }

    /** Centres are taken in blocks; every distance must still be the plain sum over features 0..d-1, bit for bit. */
    @Test
    void distancesToManyCentresAreThePlainSums() {
        int n = 1500, d = 7, k = 2 * ChunkedRows.CENTRE_BLOCK + 5;
        SplittableRandom random = new SplittableRandom(5);
        double[] x = new double[n * d];
        double[] centres = new double[k * d];
        for (int i = 0; i < x.length; i++) x[i] = random.nextDouble() * 10 - 5;
        for (int i = 0; i < centres.length; i++) centres[i] = random.nextDouble() * 10 - 5;
        ChunkedRows rows = new ChunkedRows(x, n, d);
        for (int c = 0; c < rows.chunks; c++) {
            double[][] out = new ChunkedRows.Scratch(k, n).dist;
            rows.distances(c, centres, k, out);
            for (int i = 0; i < rows.length(c); i++) {
                int row = Chunks.start(c) + i;
                for (int j = 0; j < k; j++) {
                    double expected = 0;
                    for (int t = 0; t < d; t++) {
                        double e = x[row * d + t] - centres[j * d + t];
                        expected += e * e;
                    }
                    assertEquals(expected, out[j][i], 0.0, "row " + row + ", centre " + j);
                }
            }
        }
    }

    @Test
    void oneClusterIsTheMean() {
        DMatrix x = new DMatrix(4, 2, new double[] {0, 0, 2, 0, 0, 4, 2, 4});
        KMeansResult result = KMeans.fit(x, 1, 0);
        assertArrayEquals(new double[] {1, 2}, result.centroids().data);
        assertArrayEquals(new int[4], result.labels());
        assertEquals(4 * 5.0, result.inertia());
        KMeansResult single = KMeans.fit(new DMatrix(1, 3, new double[] {1, 2, 3}), 1, 0);
        assertEquals(0.0, single.inertia());
    }

    @Test
    void rejectsBadInput() {
        DMatrix x = new DMatrix(3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KMeans.fit(x, 4, 0));
        assertTrue(e.getMessage().contains("k = 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KMeansOptions.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> KMeansOptions.of(2, 0).withTolerance(-1));
        x.set(1, 1, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> KMeans.fit(x, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> KMeans.predict(new DMatrix(2, 3), new DMatrix(2, 2)));
    }
}
