package org.specrage.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.specrage.data.MultiViewData;
import org.specrage.data.Split;
import org.specrage.data.io.DataLoader;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.methods.common.EmbeddingModel;
import org.specrage.methods.common.EpochStats;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.common.TrainingListener;
import org.specrage.methods.spectralnet.SpectralNet;
import org.specrage.methods.spectralnet.SpectralNetOptions;
import org.specrage.metrics.ClusteringMetrics;

/**
 * Long measurement runs of the neural methods (not unit tests): held-out ACC/NMI/ARI, fit times and
 * samples/s per stage. {@code java -cp bench/target/benchmarks.jar org.specrage.bench.NeuralBench [section...]}.
 */
public final class NeuralBench {
    static boolean verbose = Boolean.getBoolean("bench.verbose");

    private NeuralBench() {
    }

    public static void main(String[] args) throws Exception {
        for (String section : args) {
            switch (section) {
                case "moons" -> moons();
                default -> throw new IllegalArgumentException("unknown section " + section);
            }
        }
    }

    static void moons() {
        MultiViewData data = SyntheticData.moons(7000, 0.075, 42);
        Split split = Split.random(data.rows(), 0.33, 7);
        SpectralNetOptions o = SpectralNetOptions.builder(2)
                .network(new org.specrage.methods.common.NetworkSpec(new int[] {128, 128}, org.specrage.nn.Activation.RELU, org.specrage.nn.Activation.TANH))
                .epochs(Integer.getInteger("epochs", 40)).batchSize(Integer.getInteger("batch", 712)).learningRate(Double.parseDouble(System.getProperty("lr", "1e-2")))
                .neighbors(Integer.getInteger("nbg", 8), Integer.getInteger("scalek", 2))
                .scale(org.specrage.methods.common.BatchScale.valueOf(System.getProperty("scale", "BATCH_MEDIAN")))
                .preprocess("standard").seed(Long.getLong("seed", 0)).build();
        run("moons", data, split, o);
    }

    static void run(String name, MultiViewData data, Split split, SpectralNetOptions o) {
        MultiViewData train = data.selectRows(split.train()), test = data.selectRows(split.test());
        long t0 = System.nanoTime();
        EmbeddingModel model = SpectralNet.fit(train, o, listener());
        double seconds = (System.nanoTime() - t0) / 1e9;
        ClusteringMetrics.Scores trainScores = ClusteringMetrics.score(train.labels(), model.predict(train));
        ClusteringMetrics.Scores testScores = ClusteringMetrics.score(test.labels(), model.predict(test));
        if (verbose) {
            int[] p = model.predict(test);
            int[] c = new int[model.clusters()];
            for (int v : p) c[v]++;
            System.out.println("test pred counts " + java.util.Arrays.toString(c) + " label counts " + java.util.Arrays.toString(org.specrage.data.Labels.counts(test.labels(), test.classCount())));
            org.specrage.linalg.FMatrix e = model.transform(test);
            System.out.println("emb row0 " + e.get(0, 0) + " " + e.get(0, 1) + " centroids " + model.centroids());
        }
        System.out.printf(Locale.ROOT, "%s: fit %.1f s; train ACC %.4f NMI %.4f; held-out ACC %.4f NMI %.4f ARI %.4f%n", name, seconds,
                trainScores.acc(), trainScores.nmi(), testScores.acc(), testScores.nmi(), testScores.ari());
        for (StageSummary s : model.stages()) {
            System.out.printf(Locale.ROOT, "  stage %-20s %7.2f s  epochs %3d  samples/s %9.0f  loss %.4g  stop %s%n", s.stage(), s.seconds(), s.epochs(),
                    s.samplesPerSecond(), s.finalLoss(), s.stopReason());
        }
    }

    static TrainingListener listener() {
        return new TrainingListener() {
            @Override
            public void epochDone(EpochStats s) {
                if (verbose) {
                    System.out.printf(Locale.ROOT, "    %s epoch %d loss %.5g val %.5g lr %.2g %.0f samples/s%n", s.stage(), s.epoch(), s.loss(),
                            s.validationLoss(), s.learningRate(), s.samplesPerSecond());
                }
            }

            @Override
            public void message(String stage, String text) {
                System.out.println("    [" + stage + "] " + text);
            }
        };
    }

    static MultiViewData load(String path) {
        return DataLoader.load(Path.of(path));
    }
}
