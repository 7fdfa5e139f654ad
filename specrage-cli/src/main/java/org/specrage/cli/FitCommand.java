package org.specrage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.specrage.data.DataException;
import org.specrage.model.ModelDirectory;
import org.specrage.data.MultiViewData;
import org.specrage.data.Split;
import org.specrage.io.AtomicFiles;
import org.specrage.io.Json;
import org.specrage.data.io.NpyWriter;
import org.specrage.linalg.Blas;
import org.specrage.methods.common.EmbeddingModel;
import org.specrage.methods.common.NeuralOptions;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.specrage.experiments.HeldOutEvaluation;
import org.specrage.metrics.ClusteringMetrics;
import org.specrage.util.Parallel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code specrage fit}: trains a parametric embedding on the training rows, saves the model, and
 * scores the held-out rows (cluster ids from the centroids stored at training time, and, as the
 * SpecRaGE protocol does, k-means refitted on the held-out embedding).
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Train a neural spectral embedding, save the model, and score held-out rows when the data has labels.")
final class FitCommand implements Callable<Integer> {
    @Mixin
    DataOptions dataOptions;

    @Mixin
    CommonOptions common;

    @Option(names = "--method", required = true, description = "spectralnet, specnet2, specrage (multi-view), or the self-supervised encoders vicreg, simclr, barlow.")
    FitMethod method;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model directory to write (replaced atomically).")
    Path out;

    @Option(names = "--k", paramLabel = "K", description = "Number of clusters. Default: the number of classes in the labels.")
    Integer k;

    @Option(names = "--test-fraction", paramLabel = "F", description = "Hold out this fraction of rows (seeded). Default: 0.2, or the data set's own test split with --test-split test.")
    Double testFraction;

    @Option(names = "--test-split", paramLabel = "test", description = "Hold out the data set's own test rows (e.g. Fashion-MNIST's 10,000).")
    String testSplit;

    @Option(names = "--stratified", fallbackValue = "true", description = "Keep class proportions in the held-out rows.")
    boolean stratified;

    @Option(names = "--method-options", paramLabel = "FILE", description = "JSON object of the method's options (its model manifest's \"options\" schema); flags below override it.")
    Path methodOptions;

    @Option(names = "--epochs", description = "Training epochs of the embedding network. Default: the method's (spectralnet 100, specnet2 200, specrage 35, vicreg/simclr/barlow 20).")
    Integer epochs;

    @Option(names = "--batch-size", description = "Mini-batch size. Default: the method's (spectralnet and specrage 1024, the others 256).")
    Integer batchSize;

    @Option(names = "--lr", description = "Learning rate (Adam). Default: 0.001.")
    Double learningRate;

    @Option(names = "--neighbors", description = "Neighbours per point in the batch affinity. Default: 30 (specnet2: 10).")
    Integer neighbors;

    @Option(names = "--scale-k", description = "Neighbour rank whose distance sets the Gaussian scale. Default: 15 (specnet2: 5), at most --neighbors.")
    Integer scaleK;

    @Option(names = "--preprocess", description = "Per-view scaling fitted on the training rows: minmax, standard, l2, tfidf or none (stored in the model). Default: minmax.")
    String preprocess;

    @Option(names = "--siamese", fallbackValue = "true", description = "Learn the affinity space with a Siamese net (spectralnet, specrage).")
    boolean siamese;

    @Option(names = "--autoencoder", fallbackValue = "true", description = "Train an autoencoder first and work in its code space.")
    boolean autoencoder;

    @Option(names = "--fusion", description = "specrage: learned (per-sample view weights) or uniform (the ablation without a fusion net). Default: learned.")
    String fusion;

    @Option(names = "--temperature", description = "specrage: softmax temperature of the fusion weights. Default: 5.")
    Double temperature;

    @Option(names = "--max-seconds", description = "vicreg/simclr/barlow: stop training after this wall time.")
    Double maxSeconds;

    @Option(names = "--metrics-log", paramLabel = "FILE", description = "JSON-lines log of every stage and epoch. Default: MODEL/metrics.jsonl.")
    Path metricsLog;

    @Override
    public Integer call() throws IOException {
        common.apply();
        checkRanges();
        long start = System.nanoTime();
        MultiViewData data = dataOptions.load();
        // the self-supervised methods take no method options (refused below, by name)
        Map<String, Object> fileOptions = method.ssl != null ? Map.of() : readMethodOptions();
        // without the flags, the method options' k and seed stand (a manifest's options refit the same model),
        // and that seed then drives the split too
        int clusters = k != null ? k : fileOptions.containsKey("k") ? (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, wholeNumber(fileOptions, "k"))) : ClusterCommand.defaultK(data);
        if (!common.seedGiven() && fileOptions.containsKey("seed")) common.seed = wholeNumber(fileOptions, "seed");
        Split split = split(data);
        MultiViewData train = data.selectRows(split.train());
        System.out.println(DataSummary.describe(dataOptions.displayName(), data));
        System.out.printf(Locale.ROOT, "method %s, k %d, train %d rows, held out %d rows, seed %d%n",
                method, clusters, split.train().length, split.test().length, common.seed);
        if (!common.quiet) System.err.println("blas: " + Blas.implementation() + ", threads " + Parallel.threads());
        ModelDirectory.requireWritable(out); // before training: a bad --out should not cost a fit
        if (method.ssl != null) {
            requireNoSpectralOptions();
            if (clusters > split.train().length) {
                throw new DataException(DataException.Kind.INVALID_ARGUMENT, "k (" + clusters + ") is larger than the number of training rows ("
                        + split.train().length + ")");
            }
            return fitSelfSupervised(data, split, clusters, start);
        }

        if (maxSeconds != null) throw new IllegalArgumentException("--max-seconds is an option of the self-supervised methods (vicreg, simclr, barlow)");
        NeuralOptions options = method.options(methodOptionsMap(fileOptions, clusters), clusters);
        String slow = ClusterCommand.manyClustersWarning(clusters, split.train().length, "training rows",
                options.kmeansRestarts(), "\"kmeans_restarts\" in --method-options");
        if (slow != null) System.err.println(slow);
        Path log = metricsLog != null ? metricsLog : Files.createTempFile("specrage-metrics", ".jsonl");
        EmbeddingModel model;
        try {
            try (TrainingProgress progress = new TrainingProgress(ConsoleProgress.forStderr(common.quiet), System.err, log)) {
                model = method.fit(train, options, progress);
            }
            model.save(out);
            writeHeldOutRows(split);
            // files an earlier fit left in this directory would now describe another model
            Files.deleteIfExists(out.resolve(SslFit.HELD_OUT_EMBEDDING));
            if (metricsLog == null) {
                // copied, not moved: the temporary log is readable by its owner only, the model's files by whom the umask allows
                AtomicFiles.write(out.resolve("metrics.jsonl"), tmp -> {
                    try (java.io.OutputStream o = Files.newOutputStream(tmp)) {
                        Files.copy(log, o);
                    }
                });
            }
            else Files.deleteIfExists(out.resolve("metrics.jsonl"));
        } finally {
            if (metricsLog == null) Files.deleteIfExists(log); // a failed fit leaves no temporary log behind
        }
        double fitSeconds = (System.nanoTime() - start) / 1e9;

        Map<String, Object> report = Reports.base(data, clusters, common.seed, 0);
        report.put("method", method.name());
        report.put("data", dataOptions.displayName());
        report.put("train_rows", split.train().length);
        report.put("test_rows", split.test().length);
        report.put("fit_seconds", fitSeconds);
        report.put("stages", stages(model.stages()));
        model.eigenvalues().ifPresent(ev -> report.put("eigenvalues", ev));
        if (data.hasLabels()) scoreHeldOut(data, split, model, report, HeldOutEvaluation.DEFAULT_RESTARTS);
        report.put("options", model.options());
        report.put("wall_seconds", (System.nanoTime() - start) / 1e9);
        long rss = Reports.putPeakRss(report);
        OutputFiles.writeJson(out.resolve("report.json"), report);
        System.out.printf(Locale.ROOT, "fit %.1f s, wall %.1f s, peak RSS %s; model written to %s%n",
                fitSeconds, (System.nanoTime() - start) / 1e9, Reports.rssText(rss), out);
        return ExitCodes.OK;
    }

    /** The flags' own ranges, before the data is loaded (a --method-options file's values are checked by the method). */
    private void checkRanges() {
        OptionRanges.atLeast("--k", k, 1);
        if (testFraction != null && !(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("--test-fraction must be in [0, 1), got " + testFraction);
        }
        OptionRanges.atLeast("--epochs", epochs, 1);
        OptionRanges.atLeast("--batch-size", batchSize, 1);
        OptionRanges.positive("--lr", learningRate);
        OptionRanges.atLeast("--neighbors", neighbors, 1);
        OptionRanges.atLeast("--scale-k", scaleK, 1);
        OptionRanges.positive("--temperature", temperature);
        OptionRanges.nonNegative("--max-seconds", maxSeconds); // 0: no limit
    }

    /** The self-supervised encoders take epochs, batch size, learning rate and max seconds only: the rest would be ignored silently. */
    private void requireNoSpectralOptions() {
        List<String> given = new ArrayList<>();
        if (methodOptions != null) given.add("--method-options");
        if (neighbors != null) given.add("--neighbors");
        if (scaleK != null) given.add("--scale-k");
        if (preprocess != null) given.add("--preprocess");
        if (siamese) given.add("--siamese");
        if (autoencoder) given.add("--autoencoder");
        if (fusion != null) given.add("--fusion");
        if (temperature != null) given.add("--temperature");
        if (metricsLog != null) given.add("--metrics-log");
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", given) + (given.size() == 1 ? " is not an option" : " are not options")
                    + " of --method " + method.name() + " (it takes --epochs, --batch-size, --lr and --max-seconds)");
        }
    }

    /** The held-out rows' indices in the data file (NumPy int64), so predict + evaluate can reproduce the held-out scores; none: no file. */
    static final String HELD_OUT_ROWS = "heldout-rows.npy";

    private void writeHeldOutRows(Split split) throws IOException {
        if (split.test().length == 0) {
            Files.deleteIfExists(out.resolve(HELD_OUT_ROWS));
            return;
        }
        AtomicFiles.write(out.resolve(HELD_OUT_ROWS), tmp -> NpyWriter.writeLabels(tmp, split.test(), true));
    }

    private int fitSelfSupervised(MultiViewData data, Split split, int clusters, long start) throws IOException {
        SslFit.Result fit = SslFit.run(data, split, new SslFit.Settings(method, epochs, batchSize, learningRate, maxSeconds, common.seed),
                clusters, out, ConsoleProgress.forStderr(common.quiet));
        Files.deleteIfExists(out.resolve("metrics.jsonl")); // an earlier spectral fit's log: this fit writes none
        writeHeldOutRows(split);
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> report = Reports.base(data, clusters, common.seed, 0);
        report.put("method", method.name());
        report.put("data", dataOptions.displayName());
        report.put("train_rows", split.train().length);
        report.put("test_rows", split.test().length);
        report.put("fit_seconds", fitSeconds);
        report.put("stages", stages(fit.model().stages()));
        scoreHeldOut(data, split, fit.model(), report, SslFit.HELD_OUT_RESTARTS);
        report.putAll(fit.report());
        report.put("options", fit.model().options());
        report.put("wall_seconds", (System.nanoTime() - start) / 1e9);
        long rss = Reports.putPeakRss(report);
        OutputFiles.writeJson(out.resolve("report.json"), report);
        System.out.printf(Locale.ROOT, "wall %.1f s, peak RSS %s; model and report written to %s%n",
                (System.nanoTime() - start) / 1e9, Reports.rssText(rss), out);
        return ExitCodes.OK;
    }

    private Split split(MultiViewData data) {
        int n = data.rows();
        if (testSplit != null) {
            if (!testSplit.equals("test")) throw new IllegalArgumentException("--test-split takes the value 'test', got '" + testSplit + "'");
            if (testFraction != null) throw new IllegalArgumentException("give either --test-split or --test-fraction, not both");
            int trainRows = data.predefinedTrainRows().orElseThrow(() -> new DataException(DataException.Kind.INVALID_ARGUMENT,
                    dataOptions.displayName() + " has no predefined test split; use --test-fraction"));
            return Split.predefined(n, trainRows);
        }
        double f = testFraction != null ? testFraction : 0.2;
        if (f == 0) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return new Split(all, new int[0]);
        }
        return stratified && data.hasLabels() ? Split.stratified(data.labels(), f, common.seed) : Split.random(n, f, common.seed);
    }

    /** The --method-options file's JSON object (empty without one). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> readMethodOptions() throws IOException {
        Map<String, Object> options = new LinkedHashMap<>();
        if (methodOptions == null) return options;
        if (!Files.isRegularFile(methodOptions)) {
            throw new DataException(DataException.Kind.MISSING_FILE, methodOptions + ": method options file not found");
        }
        Object parsed = Json.parse(Files.readString(methodOptions));
        if (!(parsed instanceof Map<?, ?>)) throw new IllegalArgumentException(methodOptions + ": must hold a JSON object");
        options.putAll((Map<String, Object>) parsed);
        return options;
    }

    private long wholeNumber(Map<String, Object> options, String key) {
        Object v = options.get(key);
        if (v instanceof Long x) return x;
        if (v instanceof Number x && x.doubleValue() == Math.rint(x.doubleValue()) && Math.abs(x.doubleValue()) < 1e15) return (long) x.doubleValue();
        throw new IllegalArgumentException(methodOptions + ": \"" + key + "\" must be a whole number, got " + v);
    }

    /** The method's options: the file's, then the flags over them (k and seed as this fit uses them). */
    private Map<String, Object> methodOptionsMap(Map<String, Object> fileOptions, int clusters) {
        Map<String, Object> options = new LinkedHashMap<>(fileOptions);
        options.put("k", clusters);
        options.put("seed", common.seed);
        if (neighbors != null) options.put("neighbors", neighbors);
        if (preprocess != null) options.put("preprocess", preprocess);
        if (fusion != null || temperature != null) {
            if (method != FitMethod.specrage) throw new IllegalArgumentException("--fusion and --temperature are options of --method specrage");
            if (fusion != null) options.put("fusion", fusion);
            if (temperature != null) options.put("temperature", temperature);
        }
        if (scaleK != null) options.put("scale_k", scaleK);
        if (epochs != null || batchSize != null || learningRate != null) {
            Map<String, Object> training = new LinkedHashMap<>();
            if (options.get("training") instanceof Map<?, ?> given) training.putAll((Map<String, Object>) given);
            if (epochs != null) training.put("epochs", epochs);
            if (batchSize != null) training.put("batch_size", batchSize);
            if (learningRate != null) training.put("learning_rate", learningRate);
            options.put("training", training);
        }
        if (siamese) {
            if (method != FitMethod.spectralnet && method != FitMethod.specrage) {
                throw new IllegalArgumentException("--siamese is an option of --method spectralnet and specrage");
            }
            if (!options.containsKey("siamese")) options.put("siamese", new LinkedHashMap<>());
            if (method == FitMethod.spectralnet) options.putIfAbsent("affinity_space", "siamese");
        }
        if (autoencoder && !options.containsKey("autoencoder")) options.put("autoencoder", new LinkedHashMap<>());
        return options;
    }

    private static List<Object> stages(List<StageSummary> summaries) {
        List<Object> out = new ArrayList<>();
        for (StageSummary s : summaries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stage", s.stage());
            m.put("epochs", s.epochs());
            m.put("seconds", s.seconds());
            m.put("samples_per_second", s.samplesPerSecond());
            m.put("final_loss", s.finalLoss());
            m.put("recoveries", s.recoveries());
            m.put("stop_reason", s.stopReason());
            out.add(m);
        }
        return out;
    }

    /** Held-out scores: stored centroids (the model's predict) and k-means refitted on the held-out embedding. */
    private void scoreHeldOut(MultiViewData data, Split split, EmbeddingModel model, Map<String, Object> report, int restarts) {
        if (split.test().length == 0) {
            MultiViewData train = data.selectRows(split.train());
            ClusteringMetrics.Scores s = ClusteringMetrics.score(train.labels(), model.predict(train));
            Reports.putScores(report, s);
            report.put("scored_rows", "train");
            System.out.println("training rows: " + Reports.scores(s));
            return;
        }
        MultiViewData test = data.selectRows(split.test());
        HeldOutScoring.Result scores = HeldOutScoring.score(model, test, common.seed, restarts);
        ClusteringMetrics.Scores s = scores.centroids();
        Reports.putScores(report, s);
        report.put("scored_rows", "held-out");
        System.out.println("held-out (training centroids): " + Reports.scores(s));
        ClusteringMetrics.Scores r = scores.refit();
        if (r == null) {
            String why = "skipped: " + split.test().length + " held-out rows, fewer than k = " + model.clusters();
            report.put("heldout_kmeans_refit", why);
            System.out.println("held-out (k-means refit):      " + why);
            return;
        }
        Map<String, Object> refitScores = new LinkedHashMap<>();
        Reports.putScores(refitScores, r);
        report.put("heldout_kmeans_refit", refitScores);
        System.out.println("held-out (k-means refit):      " + Reports.scores(r));
    }
}
