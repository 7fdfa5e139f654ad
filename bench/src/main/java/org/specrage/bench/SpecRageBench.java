package org.specrage.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.specrage.data.MultiViewData;
import org.specrage.data.io.DataLoader;
import org.specrage.data.io.LoadOptions;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.specrage.FusionMode;
import org.specrage.methods.specrage.ViewMetric;
import org.specrage.methods.specrage.SpecRageOptions;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.specrage.experiments.HeldOutEvaluation;
import org.specrage.methods.specrage.experiments.HeldOutResult;
import org.specrage.methods.specrage.experiments.Summary;
import org.specrage.nn.EngineBenchmark;
import org.specrage.util.Parallel;

/**
 * The SpecRaGE must-show accuracy and speed runs (80/20 protocol over seeds), one data set per call:
 * {@code java -cp ... org.specrage.bench.SpecRageBench DATA.mat [--views 0,2] [--neighbors 30 --scale-k 20]
 * [--temperature 5] [--epochs 35] [--seeds 0,1,2,3,4] [--fusion learned|uniform] [--hidden 1024,1024,512]
 * [--batch 1024] [--lr 1e-3] [--ortho-gradient] [--threads 2] [--normalization symmetric|symmetric_fixed_degrees|row|none]
 * [--extra P] [--full-batch-neighbors] [--consistency-penalty W] [--co-training W]}.
 */
public final class SpecRageBench {
    private SpecRageBench() {
    }

    public static void main(String[] argv) {
        BenchArgs args = new BenchArgs(argv);
        Parallel.setThreads(args.integer("threads", 2));
        String path = args.positional(0, "/work/shared/data/multiview/handwritten.mat");
        MultiViewData data = DataLoader.load(Path.of(path), LoadOptions.defaults());
        int[] views = args.ints("views", null);
        if (views != null) data = data.selectViews(views);
        SpecRageOptions options = options(args, data.classCount());
        long[] seeds = args.longs("seeds", new long[] {0, 1, 2, 3, 4});
        int restarts = args.integer("restarts", HeldOutEvaluation.DEFAULT_RESTARTS);
        System.out.println("data " + data + ", views " + (views == null ? "all" : java.util.Arrays.toString(views)));
        System.out.println(options);
        int[] viewInputs = new int[data.viewCount()];
        for (int v = 0; v < viewInputs.length; v++) viewInputs[v] = data.view(v).cols();
        int[] hidden = options.network().hidden();
        int outputs = options.k() + options.extraDimensions();
        // the roofline on the widest view network's product shapes, measured in this run
        int widest = java.util.Arrays.stream(viewInputs).max().orElseThrow();
        int[] widestSizes = NeuralBench.concat(widest, hidden, outputs);
        EngineBenchmark.Roofline roofline = EngineBenchmark.roofline(widestSizes, options.training().batchSize(), 0.2);
        int batch = Math.min(options.training().batchSize(), data.rows() - data.rows() / 5); // the 80% trained on
        double flopPerSample = StageFlop.specRage(viewInputs, hidden, outputs,
                options.fusion() == FusionMode.LEARNED ? options.fusionHidden() : 0, batch);
        List<HeldOutResult> runs = new java.util.ArrayList<>();
        for (long seed : seeds) {
            HeldOutResult r = HeldOutEvaluation.run(data, options, seed, restarts);
            runs.add(r);
            System.out.printf(Locale.ROOT, "seed %d: held-out ACC %.4f NMI %.4f ARI %.4f | centroids ACC %.4f | fit %.1fs | weights %s%n",
                    seed, r.heldOut().acc(), r.heldOut().nmi(), r.heldOut().ari(), r.centroids().acc(), r.fitSeconds(),
                    meanWeights(r.model().viewWeights(data)));
            for (StageSummary s : r.model().stages()) {
                System.out.printf(Locale.ROOT, "    %-20s %6.2fs %4d epochs %9.0f samples/s loss %.5f stop %s recoveries %d%n", s.stage(), s.seconds(), s.epochs(),
                        s.samplesPerSecond(), s.finalLoss(), s.stopReason(), s.recoveries());
                if (s.stage().equals("specrage")) StageFlop.report(roofline, s, flopPerSample);
            }
        }
        System.out.println("ACC " + Summary.of(runs, r -> r.heldOut().acc()));
        System.out.println("NMI " + Summary.of(runs, r -> r.heldOut().nmi()));
        System.out.println("ARI " + Summary.of(runs, r -> r.heldOut().ari()));
        System.out.println("fit seconds " + Summary.of(runs, HeldOutResult::fitSeconds));
    }

    static SpecRageOptions options(BenchArgs args, int k) {
        SpecRageOptions.Builder b = SpecRageOptions.builder(args.integer("k", k))
                .neighbors(args.integer("neighbors", 30), args.integer("scale-k", 15))
                .temperature(args.number("temperature", 5))
                .epochs(args.integer("epochs", 35))
                .batchSize(args.integer("batch", 1024))
                .learningRate(args.number("lr", 1e-3))
                .fusion(FusionMode.valueOf(args.get("fusion", "learned").toUpperCase(Locale.ROOT)))
                .hidden(args.ints("hidden", new int[] {1024, 1024, 512}))
                .gradientThroughOrtho(!args.has("constant-ortho"))
                .preprocess(args.get("preprocess", "minmax"))
                .kmeansRestarts(10);
        if (args.has("metric")) {
            b.metrics(java.util.Arrays.stream(args.get("metric", "auto").split(",")).map(s -> ViewMetric.valueOf(s.trim().toUpperCase(Locale.ROOT)))
                    .toArray(ViewMetric[]::new));
        }
        if (args.has("patience")) b.training(SpecRageOptions.DEFAULT_TRAINING.withEpochs(args.integer("epochs", 35)).withSchedule(0.1, args.integer("patience", 5), 1e-8));
        if (args.has("extra")) b.extraDimensions(args.integer("extra", 7));
        if (args.has("consistency-penalty")) b.consistencyPenalty(args.number("consistency-penalty", 0));
        if (args.has("co-training")) b.coTraining(args.number("co-training", 0));
        if (args.has("full-batch-neighbors")) b.batchNeighbors(false);
        if (args.has("normalization")) b.normalization(org.specrage.methods.specrage.AffinityNormalization.valueOf(args.get("normalization", "none").toUpperCase(Locale.ROOT)));
        if (args.has("scale")) b.scale(org.specrage.methods.common.BatchScale.valueOf(args.get("scale", "batch_median").toUpperCase(Locale.ROOT)));
        if (args.has("ae")) b.autoencoder(org.specrage.methods.autoencoder.AutoencoderOptions.defaults()
                .withHidden(args.ints("ae-hidden", new int[] {512, 512, 2048})).withCodeDim(args.integer("ae-dim", 10))
                .withTraining(org.specrage.methods.autoencoder.AutoencoderOptions.defaults().training().withEpochs(args.integer("ae", 40))));
        if (args.has("siamese")) b.siamese(org.specrage.methods.siamese.SiameseOptions.defaults().withNeighbors(args.integer("siam-k", 3))
                .withNetwork(new org.specrage.methods.common.NetworkSpec(args.ints("siamese-hidden", new int[] {1024, 1024, 512}),
                        org.specrage.nn.Activation.RELU, org.specrage.nn.Activation.IDENTITY))
                .withOutputDim(args.integer("siamese-dim", 10))
                .withTraining(org.specrage.methods.siamese.SiameseOptions.defaults().training().withEpochs(args.integer("siamese", 20))));
        return b.build();
    }

    static String meanWeights(FMatrix w) {
        double[] mean = new double[w.cols];
        for (int r = 0; r < w.rows; r++) for (int c = 0; c < w.cols; c++) mean[c] += w.data[r * w.cols + c];
        StringBuilder sb = new StringBuilder("[");
        for (int c = 0; c < w.cols; c++) sb.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", mean[c] / w.rows));
        return sb.append(']').toString();
    }
}
