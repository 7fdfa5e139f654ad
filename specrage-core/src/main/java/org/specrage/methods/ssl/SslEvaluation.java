package org.specrage.methods.ssl;

import java.util.LinkedHashMap;
import java.util.Map;
import org.specrage.cluster.KMeans;
import org.specrage.cluster.KMeansOptions;
import org.specrage.cluster.KMeansResult;
import org.specrage.linalg.FMatrix;
import org.specrage.metrics.ClusteringMetrics;

/**
 * Scores of an embedding: a linear probe fitted on the training rows only and scored on the test
 * rows, and k-means fitted on the training rows' embedding with the test rows assigned to the
 * nearest centroid (ACC with the Hungarian matching, NMI).
 *
 * @param probeTrainAccuracy probe accuracy on its own training rows
 * @param probeTestAccuracy  probe accuracy on the test rows
 * @param kmeansTestAcc      k-means clustering accuracy on the test rows (NaN when skipped)
 * @param kmeansTestNmi      k-means NMI on the test rows (NaN when skipped)
 * @param probeSeconds       time to fit and score the probe
 * @param kmeansSeconds      time to fit and score k-means
 */
public record SslEvaluation(double probeTrainAccuracy, double probeTestAccuracy, double kmeansTestAcc, double kmeansTestNmi,
                            double probeSeconds, double kmeansSeconds) {
    /**
     * @param probe          linear probe settings
     * @param kmeansRestarts k-means restarts (0 skips k-means)
     * @param seed           seeds k-means
     */
    public record Options(LinearProbe.Options probe, int kmeansRestarts, long seed) {
        public Options {
            if (kmeansRestarts < 0) throw new IllegalArgumentException("k-means restarts must be >= 0, got " + kmeansRestarts);
        }

        /** Default probe, 3 k-means restarts, seed 0. */
        public static Options defaults() {
            return new Options(LinearProbe.Options.defaults(), 3, 0);
        }
    }

    /** Evaluates train/test embeddings with their labels; k-means uses as many clusters as classes. */
    public static SslEvaluation evaluate(FMatrix train, int[] trainLabels, FMatrix test, int[] testLabels, Options options) {
        long t0 = System.nanoTime();
        LinearProbe probe = LinearProbe.fit(train, trainLabels, options.probe());
        double trainAcc = probe.accuracy(train, trainLabels);
        double testAcc = probe.accuracy(test, testLabels);
        long t1 = System.nanoTime();
        double acc = Double.NaN, nmi = Double.NaN;
        if (options.kmeansRestarts() > 0) {
            KMeansResult km = new KMeans(KMeansOptions.of(probe.classCount(), options.seed()).withRestarts(options.kmeansRestarts()))
                    .fit(train.toDouble());
            int[] assigned = KMeans.predict(test.toDouble(), km.centroids());
            acc = ClusteringMetrics.accuracy(testLabels, assigned);
            nmi = ClusteringMetrics.nmi(testLabels, assigned);
        }
        long t2 = System.nanoTime();
        return new SslEvaluation(trainAcc, testAcc, acc, nmi, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("probe_train_accuracy", probeTrainAccuracy);
        m.put("probe_test_accuracy", probeTestAccuracy);
        m.put("kmeans_test_acc", kmeansTestAcc);
        m.put("kmeans_test_nmi", kmeansTestNmi);
        m.put("probe_seconds", probeSeconds);
        m.put("kmeans_seconds", kmeansSeconds);
        return m;
    }
}
