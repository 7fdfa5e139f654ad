package org.specrage.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.specrage.data.MultiViewData;
import org.specrage.data.Split;
import org.specrage.data.io.DataLoader;
import org.specrage.data.prep.Preprocessing;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.eigen.EigenResult;
import org.specrage.eigen.Eigensolvers;
import org.specrage.eigen.LanczosOptions;
import org.specrage.eigen.SymmetricOperator;
import org.specrage.graph.Affinity;
import org.specrage.graph.AffinityKind;
import org.specrage.graph.KnnSearch;
import org.specrage.graph.Laplacian;
import org.specrage.graph.Metric;
import org.specrage.graph.ScaleMode;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.autoencoder.AutoencoderOptions;
import org.specrage.methods.common.EmbeddingModel;
import org.specrage.methods.common.EpochStats;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.common.TrainingListener;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.methods.exact.ExactSpectralClustering;
import org.specrage.methods.exact.ExactSpectralOptions;
import org.specrage.methods.siamese.SiameseOptions;
import org.specrage.methods.specnet2.GradientMode;
import org.specrage.methods.specnet2.SpecNet2;
import org.specrage.methods.specnet2.SpecNet2Model;
import org.specrage.methods.specnet2.SpecNet2Options;
import org.specrage.methods.spectralnet.SpectralNet;
import org.specrage.methods.spectralnet.SpectralNetOptions;
import org.specrage.metrics.ClusteringMetrics;
import org.specrage.metrics.Subspaces;
import org.specrage.nn.Activation;
import org.specrage.nn.EngineBenchmark;
import org.specrage.util.Parallel;
import org.specrage.util.Progress;

/**
 * Long measurement runs of the neural methods (not unit tests): held-out ACC/NMI/ARI, agreement with
 * the exact eigenvectors, fit times and samples/s per stage.
 * {@code java -cp bench/target/benchmarks.jar org.specrage.bench.NeuralBench moons circles digits specnet2 fashion}.
 * System properties override settings (e.g. -Depochs=50); -Dbench.verbose=true prints every epoch.
 */
public final class NeuralBench {
    static final boolean VERBOSE = Boolean.getBoolean("bench.verbose");
    /** Reference SpectralNet throughput: samples/s per thread (ALGORITHMS.md section 7). */
    static final double REFERENCE_SAMPLES_PER_THREAD = 4000;

    private NeuralBench() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "threads %d, BLAS %s, load %s%n", Parallel.threads(), org.specrage.linalg.Blas.implementation(), load());
        for (String section : args) {
            switch (section) {
                case "moons" -> moons();
                case "circles" -> circles();
                case "digits" -> digits();
                case "handwritten" -> handwritten();
                case "specnet2" -> specnet2Moons();
                case "fashion" -> fashion();
                case "fashion-codes" -> fashionCodes();
                case "codes-siamese" -> codesSiamese();
                case "throughput" -> throughputReferenceShape();
                case "codes-spectralnet" -> codesSpectralNet();
                case "codes-specnet2" -> codesSpecNet2();
                default -> throw new IllegalArgumentException("unknown section " + section + " (moons, circles, digits, specnet2, fashion)");
            }
        }
    }

    static String load() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    static int intProp(String name, int fallback) {
        return Integer.getInteger(name, fallback);
    }

    static int[] ints(String name, String fallback) {
        return Arrays.stream(System.getProperty(name, fallback).split(",")).mapToInt(v -> Integer.parseInt(v.trim())).toArray();
    }

    static double doubleProp(String name, double fallback) {
        String v = System.getProperty(name);
        return v == null ? fallback : Double.parseDouble(v);
    }

    // ---- sections ----

    static void moons() {
        MultiViewData data = SyntheticData.moons(7000, 0.075, 42);
        twoDimensional("moons 7000 (noise 0.075)", data);
    }

    static void circles() {
        MultiViewData data = SyntheticData.circles(7000, 0.05, 0.5, 42);
        twoDimensional("circles 7000 (noise 0.05, factor 0.5)", data);
    }

    /** 2/3 train, 1/3 held out (as the reference's 0.33 test split); standard scaling as the reference. */
    static void twoDimensional(String name, MultiViewData data) {
        Split split = Split.random(data.rows(), 0.33, 7);
        MultiViewData train = data.selectRows(split.train()), test = data.selectRows(split.test());
        int nbrs = intProp("nbg", 30), scaleK = intProp("scalek", 15);
        SpectralNetOptions o = SpectralNetOptions.builder(2).embeddingDim(intProp("dim", 2))
                .network(new NetworkSpec(new int[] {intProp("h", 128), intProp("h", 128)}, Activation.valueOf(System.getProperty("act", "LEAKY_RELU")), Activation.TANH))
                .training(TrainingOptions.of(intProp("epochs", 200)).withBatchSize(intProp("batch", 712)).withLearningRate(doubleProp("lr", 1e-2))
                        .withSchedule(0.1, intProp("patience", 30), 1e-8))
                .normalizedLoss(Boolean.getBoolean("normalized"))
                .fourierFeatures(intProp("fourier", 64), doubleProp("fscale", 0.5))
                .neighbors(nbrs, scaleK).preprocess(System.getProperty("prep", "standard")).seed(Long.getLong("seed", 0)).build();
        EmbeddingModel model = run(name + " SpectralNet", train, test, o);
        FMatrix x = Preprocessing.fitTransform(train, train, "standard").view(0).dense();
        if (model.embeddingDim() == 2) agreement(name, model, train, x, nbrs, scaleK, 2);
        DMatrix indicator = new DMatrix(train.rows(), 1);
        for (int i = 0; i < train.rows(); i++) indicator.data[i] = train.labels()[i] == 0 ? 1 : -1;
        System.out.printf(Locale.ROOT, "  sine between the class indicator and the embedding's span: %.4f%n",
                Subspaces.largestAngleSine(indicator, model.transform(train).toDouble()));
    }

    static MultiViewData standardized(MultiViewData fitOn, MultiViewData d) {
        return Preprocessing.fit(fitOn, "standard").apply(d);
    }

    static MultiViewData fourierFeatures(MultiViewData d, double[] b, int count) {
        FMatrix x = d.view(0).dense();
        FMatrix out = new FMatrix(x.rows, 2 * count);
        for (int i = 0; i < x.rows; i++) {
            for (int f = 0; f < count; f++) {
                double p = 2 * Math.PI * (b[2 * f] * x.get(i, 0) + b[2 * f + 1] * x.get(i, 1));
                out.set(i, 2 * f, (float) Math.cos(p));
                out.set(i, 2 * f + 1, (float) Math.sin(p));
            }
        }
        return d.withViews(java.util.List.of(org.specrage.data.View.dense(out)));
    }

    static MultiViewData scaled(MultiViewData d, double factor) {
        FMatrix x = d.view(0).dense().copy();
        for (int i = 0; i < x.data.length; i++) x.data[i] *= (float) factor;
        return d.withViews(java.util.List.of(org.specrage.data.View.dense(x)));
    }

    static void digits() {
        MultiViewData data = DataLoader.load(Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz"));
        digitsLike("digits", data, Split.stratified(data.labels(), 1.0 / 3, 7));
    }

    /** The UCI handwritten digits' view -Dview (default 0, 240 pixels), 80/20 split as the CLI's --test-fraction 0.2. */
    static void handwritten() {
        MultiViewData data = DataLoader.load(Path.of(System.getProperty("data", "data/handwritten.mat"))).selectViews(intProp("view", 0));
        digitsLike("handwritten", data, Split.random(data.rows(), 0.2, 0));
    }

    static void digitsLike(String name, MultiViewData data, Split split) {
        MultiViewData train = data.selectRows(split.train()), test = data.selectRows(split.test());
        int nbrs = intProp("nbg", 10), scaleK = intProp("scalek", 5);
        SpectralNetOptions o = SpectralNetOptions.builder(10)
                .network(new NetworkSpec(new int[] {512, 512}, Activation.LEAKY_RELU, Activation.TANH))
                .epochs(intProp("epochs", 1000)).batchSize(intProp("batch", 2048)).learningRate(doubleProp("lr", 1e-3))
                .neighbors(nbrs, scaleK).preprocess("minmax").extraDimensions(intProp("extra", 0))
                .normalizedLoss(Boolean.getBoolean("normalized")).seed(Long.getLong("seed", 0)).build();
        EmbeddingModel model = run(name + " SpectralNet", train, test, o);
        FMatrix x = Preprocessing.fitTransform(train, train, "minmax").view(0).dense();
        agreement(name, model, train, x, nbrs, scaleK, 10);
        var exact = ExactSpectralClustering.fit(train, ExactSpectralOptions.defaults(10).withNeighbors(nbrs, scaleK).withRestarts(intProp("restarts", 10)), Progress.NONE);
        System.out.printf(Locale.ROOT, "  exact spectral clustering on the training rows: ACC %.4f NMI %.4f%n",
                ClusteringMetrics.accuracy(train.labels(), exact.labels()), ClusteringMetrics.nmi(train.labels(), exact.labels()));
        var exactAll = ExactSpectralClustering.fit(data, ExactSpectralOptions.defaults(10).withNeighbors(nbrs, scaleK).withRestarts(intProp("restarts", 10)), Progress.NONE);
        System.out.printf(Locale.ROOT, "  exact spectral clustering on all rows: ACC %.4f NMI %.4f%n",
                ClusteringMetrics.accuracy(data.labels(), exactAll.labels()), ClusteringMetrics.nmi(data.labels(), exactAll.labels()));
    }

    /** SpecNet2 on the 2000-point two moons: Ritz values against the exact top eigenvalues of W v = lambda D v. */
    static void specnet2Moons() {
        MultiViewData data = SyntheticData.moons(2000, 0.075, 42);
        int k = 2, nbrs = intProp("nbg", 10), scaleK = intProp("scalek", 5);
        FMatrix x = Preprocessing.fitTransform(data, data, "standard").view(0).dense();
        CsrMatrix w = Affinity.build(KnnSearch.exact(x, nbrs, Metric.EUCLIDEAN, Progress.NONE), AffinityKind.GAUSSIAN, ScaleMode.GLOBAL_MEDIAN, scaleK);
        // dense LAPACK (2000 x 2000): Lanczos can miss one of the eigenvalues clustered just below 1
        CsrMatrix normalized = Laplacian.normalizedAdjacency(w);
        DMatrix dense = new DMatrix(normalized.rows, normalized.cols);
        for (int i = 0; i < normalized.rows; i++) {
            for (int p = normalized.rowStart[i]; p < normalized.rowStart[i + 1]; p++) dense.data[i * normalized.cols + normalized.colIndex[p]] = normalized.values[p];
        }
        EigenResult top = org.specrage.eigen.DenseSymmetricEigen.largest(dense, k + 1);
        double[] exact = new double[k];
        for (int j = 0; j < k; j++) exact[j] = top.values()[k - 1 - j]; // skip the trivial eigenvalue 1 (the last)
        for (String mode : System.getProperty("modes", "FULL,NEIGHBOR,LOCAL").split(",")) {
            SpecNet2Options o = SpecNet2Options.builder(2).embeddingDim(k)
                    .network(new NetworkSpec(new int[] {128, 128}, Activation.LEAKY_RELU, Activation.IDENTITY))
                    .training(new TrainingOptions(intProp(mode + ".epochs", mode.equals("FULL") ? 2000 : 200), intProp("batch", 256),
                            doubleProp("lr", 3e-3), 0.5, mode.equals("FULL") ? 200 : 20, 1e-6, 0, 0, 5))
                    .gradient(GradientMode.valueOf(mode)).neighbors(nbrs, scaleK).preprocess("standard").seed(Long.getLong("seed", 0))
                    .fourierFeatures(intProp("fourier", 64), doubleProp("fscale", 0.5)).build();
            long t0 = System.nanoTime();
            SpecNet2Model model = SpecNet2.fit(data, o, listener());
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] ritz = model.eigenvalues().orElseThrow();
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < k; j++) {
                sb.append(String.format(Locale.ROOT, " lambda%d exact %.10f ritz %.10f (relative %.2e, relative to 1-lambda %.3g)", j + 2, exact[j], ritz[j],
                        Math.abs(ritz[j] - exact[j]) / exact[j], Math.abs(ritz[j] - exact[j]) / (1 - exact[j])));
            }
            System.out.printf(Locale.ROOT, "specnet2 moons 2000 %s: fit %.1f s, ACC %.4f;%s%n", mode, seconds,
                    ClusteringMetrics.accuracy(data.labels(), model.predict(data)), sb);
            stages(model);
        }
    }

    static void fashion() {
        MultiViewData all = DataLoader.load(Path.of("/usr/share/datasets/fashion-mnist"));
        int trainRows = all.predefinedTrainRows().orElse(60000);
        Split split = Split.predefined(all.rows(), trainRows);
        MultiViewData train = all.selectRows(split.train()), test = all.selectRows(split.test());
        AutoencoderOptions ae = fashionAutoencoder();
        SpectralNetOptions.Builder b = SpectralNetOptions.builder(10)
                .network(new NetworkSpec(ints("hidden", "512,512"), Activation.LEAKY_RELU, Activation.TANH))
                .epochs(intProp("epochs", 20)).batchSize(intProp("batch", 1024)).learningRate(doubleProp("lr", 1e-3))
                .neighbors(intProp("nbg", 10), intProp("scalek", 5)).preprocess("minmax").seed(Long.getLong("seed", 0))
                .normalizedLoss(Boolean.getBoolean("normalized")).gradientThroughOrtho(!Boolean.getBoolean("constantA"))
                .embeddingDim(intProp("dim", 10)).extraDimensions(intProp("extra", 0));
        if (intProp("ae.epochs", 12) > 0) b.autoencoder(ae);
        if (Boolean.parseBoolean(System.getProperty("siamese", "true"))) b.siamese(fashionSiamese());
        SpectralNetOptions options = b.build();
        SiameseOptions siamese = fashionSiamese();
        int[] aeSizes = StageFlop.autoencoderSizes(train.view(0).cols(), ae.hidden(), ae.codeDim());
        int[] siameseSizes = concat(ae.codeDim(), siamese.network().hidden(), siamese.outputDim());
        int[] spectralSizes = concat(ae.codeDim(), options.network().hidden(), options.embeddingDim() + options.extraDimensions());
        // the roofline (best sgemm rate over 1024^3 and the autoencoder's shapes), measured before the fit;
        // on a loaded machine it and the stages' rates are not comparable
        EngineBenchmark.Roofline roofline = EngineBenchmark.roofline(aeSizes, ae.training().batchSize(), 0.2);
        EmbeddingModel model = run("fashion-mnist SpectralNet", train, test, options);
        throughput(model);
        for (StageSummary s : model.stages()) {
            switch (s.stage()) {
                case "autoencoder" -> StageFlop.report(roofline, s, StageFlop.mlpRow(aeSizes));
                case "siamese" -> StageFlop.report(roofline, s, StageFlop.siamese(siameseSizes));
                case "spectralnet" -> StageFlop.report(roofline, s, StageFlop.spectralNet(spectralSizes, options.training().batchSize()));
                default -> { }
            }
        }
    }

    static int[] concat(int first, int[] middle, int last) {
        int[] sizes = new int[middle.length + 2];
        sizes[0] = first;
        System.arraycopy(middle, 0, sizes, 1, middle.length);
        sizes[sizes.length - 1] = last;
        return sizes;
    }

    /**
     * SpectralNet training speed in the reference's setting: raw Fashion-MNIST pixels, 784-1024-1024-512-10,
     * batch 1024, two epochs, with the gradient through the ortho matrix and with it constant.
     */
    static void throughputReferenceShape() {
        MultiViewData all = DataLoader.load(Path.of("/usr/share/datasets/fashion-mnist"));
        MultiViewData train = all.selectRows(Split.predefined(all.rows(), 60000).train());
        for (boolean through : new boolean[] {true, false}) {
            SpectralNetOptions o = SpectralNetOptions.builder(10)
                    .network(new NetworkSpec(new int[] {1024, 1024, 512}, Activation.RELU, Activation.TANH))
                    .epochs(intProp("epochs", 2)).batchSize(1024).neighbors(30, 15).gradientThroughOrtho(through).kmeansRestarts(1).build();
            EmbeddingModel model = SpectralNet.fit(train, o, listener());
            StageSummary s = model.stages().stream().filter(x -> x.stage().equals("spectralnet")).findFirst().orElseThrow();
            System.out.printf(Locale.ROOT, "throughput 784-1024-1024-512-10, batch 1024, gradient through A %s: %.0f samples/s on %d threads"
                    + " (%.0f per thread, %.2fx the reference's %.0f)%n", through, s.samplesPerSecond(), Parallel.threads(),
                    s.samplesPerSecond() / Parallel.threads(), s.samplesPerSecond() / Parallel.threads() / REFERENCE_SAMPLES_PER_THREAD,
                    REFERENCE_SAMPLES_PER_THREAD);
        }
    }

    /** Trains the autoencoder alone and writes the codes of all 70,000 images (for offline analysis). */
    static void fashionCodes() {
        MultiViewData all = DataLoader.load(Path.of("/usr/share/datasets/fashion-mnist"));
        int trainRows = all.predefinedTrainRows().orElse(60000);
        Split split = Split.predefined(all.rows(), trainRows);
        MultiViewData train = all.selectRows(split.train());
        org.specrage.methods.common.InputPipeline pipeline = org.specrage.methods.common.InputPipeline.fit(train, "minmax");
        AutoencoderOptions ae = fashionAutoencoder();
        long t0 = System.nanoTime();
        org.specrage.methods.autoencoder.Autoencoder.Result r = org.specrage.methods.autoencoder.Autoencoder.train(pipeline.features(train), ae, 1, listener());
        System.out.printf(Locale.ROOT, "autoencoder %.1f s, %s%n", (System.nanoTime() - t0) / 1e9, r.summary());
        FMatrix codes = org.specrage.methods.common.Inference.apply(r.encoder(), pipeline.features(all));
        org.specrage.data.io.NpyWriter.write(Path.of(System.getProperty("out", "/tmp/fm_codes.npy")), codes);
        org.specrage.data.io.NpyWriter.writeLabels(Path.of(System.getProperty("out", "/tmp/fm_codes.npy").replace(".npy", "_labels.npy")), all.labels(), true);
    }

    /** Offline analysis: Siamese net on saved codes; k-means and exact spectral clustering on its outputs (training rows). */
    static void codesSiamese() {
        String path = System.getProperty("codes", "/tmp/fm_codes.npy");
        FMatrix all = org.specrage.data.io.NpyReader.readMatrix(Path.of(path));
        double[] labelValues = org.specrage.data.io.NpyReader.readVector(Path.of(path.replace(".npy", "_labels.npy")));
        int n = intProp("n", 60000);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        FMatrix codes = all.selectRows(rows);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = (int) labelValues[i];
        SiameseOptions so = fashionSiamese();
        long t0 = System.nanoTime();
        var trained = org.specrage.methods.siamese.SiameseNet.train(codes, so, 3, listener());
        System.out.printf(Locale.ROOT, "siamese %.1f s %s%n", (System.nanoTime() - t0) / 1e9, trained.summary());
        FMatrix y = org.specrage.methods.common.Inference.apply(trained.network(), codes);
        int[] km = org.specrage.cluster.KMeans.fit(y.toDouble(), 10, 0).labels();
        System.out.printf(Locale.ROOT, "k-means on siamese outputs: ACC %.4f NMI %.4f%n", ClusteringMetrics.accuracy(labels, km), ClusteringMetrics.nmi(labels, km));
        MultiViewData d = new MultiViewData(java.util.List.of(org.specrage.data.View.dense(y)), labels, "siamese");
        var exact = ExactSpectralClustering.fit(d, ExactSpectralOptions.defaults(10).withNeighbors(intProp("nbg", 10), intProp("scalek", 5)).withPreprocess("none"), Progress.NONE);
        System.out.printf(Locale.ROOT, "exact spectral on siamese outputs: ACC %.4f NMI %.4f%n", ClusteringMetrics.accuracy(labels, exact.labels()), ClusteringMetrics.nmi(labels, exact.labels()));
    }

    /** Offline analysis: SpectralNet on saved codes (training rows), ACC/NMI of its k-means. */
    static void codesSpectralNet() {
        String path = System.getProperty("codes", "/tmp/fm_codes.npy");
        FMatrix all = org.specrage.data.io.NpyReader.readMatrix(Path.of(path));
        double[] labelValues = org.specrage.data.io.NpyReader.readVector(Path.of(path.replace(".npy", "_labels.npy")));
        int n = intProp("n", 60000);
        int[] rows = new int[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
            labels[i] = (int) labelValues[i];
        }
        MultiViewData d = new MultiViewData(java.util.List.of(org.specrage.data.View.dense(all.selectRows(rows))), labels, "codes");
        SpectralNetOptions o = SpectralNetOptions.builder(10).embeddingDim(intProp("dim", 10))
                .network(new NetworkSpec(new int[] {intProp("h1", 512), intProp("h2", 512)}, Activation.LEAKY_RELU, Activation.TANH))
                .epochs(intProp("epochs", 20)).batchSize(intProp("batch", 1024)).learningRate(doubleProp("lr", 1e-3))
                .neighbors(intProp("nbg", 30), intProp("scalek", 15)).scale(org.specrage.methods.common.BatchScale.valueOf(System.getProperty("scale", "LOCAL")))
                .normalizedLoss(Boolean.getBoolean("normalized")).gradientThroughOrtho(!Boolean.getBoolean("constantA"))
                .preprocess(System.getProperty("prep", "none")).seed(Long.getLong("seed", 0)).build();
        long t0 = System.nanoTime();
        EmbeddingModel model = SpectralNet.fit(d, o, listener());
        int[] p = model.predict(d);
        System.out.printf(Locale.ROOT, "codes SpectralNet %.1f s: ACC %.4f NMI %.4f%n", (System.nanoTime() - t0) / 1e9,
                ClusteringMetrics.accuracy(labels, p), ClusteringMetrics.nmi(labels, p));
    }

    /** Offline analysis: SpecNet2 on saved codes (training rows), ACC/NMI of its k-means. */
    static void codesSpecNet2() {
        String path = System.getProperty("codes", "/tmp/fm_codes.npy");
        FMatrix all = org.specrage.data.io.NpyReader.readMatrix(Path.of(path));
        double[] labelValues = org.specrage.data.io.NpyReader.readVector(Path.of(path.replace(".npy", "_labels.npy")));
        int n = intProp("n", 60000);
        int[] rows = new int[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
            labels[i] = (int) labelValues[i];
        }
        MultiViewData d = new MultiViewData(java.util.List.of(org.specrage.data.View.dense(all.selectRows(rows))), labels, "codes");
        SpecNet2Options o = SpecNet2Options.builder(10).embeddingDim(intProp("dim", 10))
                .network(new NetworkSpec(new int[] {intProp("h1", 256), intProp("h2", 256)}, Activation.LEAKY_RELU, Activation.IDENTITY))
                .training(new TrainingOptions(intProp("epochs", 10), intProp("batch", 256), doubleProp("lr", 1e-3), 0.5, 5, 1e-7, 0, 0, 5))
                .gradient(GradientMode.valueOf(System.getProperty("mode", "NEIGHBOR"))).neighbors(intProp("nbg", 10), intProp("scalek", 5))
                .scale(ScaleMode.valueOf(System.getProperty("gscale", "LOCAL")))
                .preprocess(System.getProperty("prep", "none")).seed(Long.getLong("seed", 0)).build();
        long t0 = System.nanoTime();
        EmbeddingModel model = SpecNet2.fit(d, o, listener());
        int[] p = model.predict(d);
        System.out.printf(Locale.ROOT, "codes SpecNet2 %.1f s: ACC %.4f NMI %.4f eigenvalues %s%n", (System.nanoTime() - t0) / 1e9,
                ClusteringMetrics.accuracy(labels, p), ClusteringMetrics.nmi(labels, p), Arrays.toString(model.eigenvalues().orElseThrow()));
        stages(model);
    }

    static SiameseOptions fashionSiamese() {
        int[] hidden = ints("siam.hidden", "256,256");
        return SiameseOptions.defaults().withNetwork(new NetworkSpec(hidden, Activation.RELU, Activation.IDENTITY))
                .withOutputDim(intProp("siam.out", 10)).withNeighbors(intProp("siam.k", 5))
                .withTraining(new TrainingOptions(intProp("siam.epochs", 5), intProp("siam.batch", 256), doubleProp("siam.lr", 1e-3), 0.1, 3, 1e-7, 5, 0.05, 5));
    }

    static AutoencoderOptions fashionAutoencoder() {
        int[] hidden = ints("ae.hidden", "500,500,2000");
        return AutoencoderOptions.defaults().withHidden(hidden).withCodeDim(intProp("ae.code", 10))
                .withTraining(new TrainingOptions(intProp("ae.epochs", 12), intProp("ae.batch", 256), doubleProp("ae.lr", 1e-3), 0.1, 3, 1e-7, 5, 0.05, 5));
    }

    // ---- helpers ----

    static EmbeddingModel run(String name, MultiViewData train, MultiViewData test, SpectralNetOptions o) {
        long t0 = System.nanoTime();
        EmbeddingModel model = SpectralNet.fit(train, o, listener());
        double seconds = (System.nanoTime() - t0) / 1e9;
        ClusteringMetrics.Scores trainScores = ClusteringMetrics.score(train.labels(), model.predict(train));
        ClusteringMetrics.Scores testScores = ClusteringMetrics.score(test.labels(), model.predict(test));
        System.out.printf(Locale.ROOT, "%s: fit %.1f s (n = %d); train ACC %.4f NMI %.4f; held-out (%d) ACC %.4f NMI %.4f ARI %.4f%n", name, seconds,
                train.rows(), trainScores.acc(), trainScores.nmi(), test.rows(), testScores.acc(), testScores.nmi(), testScores.ari());
        // the reference's predict refits k-means on the new rows (as SpecRaGE's held-out protocol does); shown beside, not instead
        int[] refit = new org.specrage.cluster.KMeans(new org.specrage.cluster.KMeansOptions(o.k(), 100, 300, 1e-4, 0))
                .fit(model.transform(test).toDouble()).labels();
        ClusteringMetrics.Scores refitScores = ClusteringMetrics.score(test.labels(), refit);
        System.out.printf(Locale.ROOT, "  held-out with k-means refitted on the held-out embedding (100 restarts): ACC %.4f NMI %.4f ARI %.4f%n",
                refitScores.acc(), refitScores.nmi(), refitScores.ari());
        stages(model);
        return model;
    }

    static void stages(EmbeddingModel model) {
        for (StageSummary s : model.stages()) {
            System.out.printf(Locale.ROOT, "  stage %-20s %7.2f s  epochs %3d  samples/s %9.0f  loss %.4g  stop '%s'  recoveries %d%n", s.stage(),
                    s.seconds(), s.epochs(), s.samplesPerSecond(), s.finalLoss(), s.stopReason(), s.recoveries());
        }
    }

    static void throughput(EmbeddingModel model) {
        double total = 0;
        for (StageSummary s : model.stages()) total += s.seconds();
        System.out.printf(Locale.ROOT, "  whole fit %.1f s on %d threads%n", total, Parallel.threads());
        for (StageSummary s : model.stages()) {
            if (s.epochs() == 0) continue;
            double perThread = s.samplesPerSecond() / Parallel.threads();
            System.out.printf(Locale.ROOT, "  %-12s %9.0f samples/s (%6.0f per thread, %.2fx the reference's %.0f per thread)%n", s.stage(),
                    s.samplesPerSecond(), perThread, perThread / REFERENCE_SAMPLES_PER_THREAD, REFERENCE_SAMPLES_PER_THREAD);
        }
    }

    /**
     * Sine of the largest principal angle between the model's training embedding and the exact bottom
     * eigenvectors of L = D - W for the kNN graph of the training rows built as the batches' graphs are.
     */
    static void agreement(String name, EmbeddingModel model, MultiViewData train, FMatrix x, int nbrs, int scaleK, int k) {
        CsrMatrix w = Affinity.build(KnnSearch.exact(x, nbrs, Metric.EUCLIDEAN, Progress.NONE), AffinityKind.GAUSSIAN, ScaleMode.LOCAL, scaleK);
        // the Laplacian the model's loss uses: L_sym for the normalised loss, L = D - W otherwise
        boolean normalized = Boolean.TRUE.equals(model.options().get("normalized_loss"));
        CsrMatrix laplacian = normalized ? Laplacian.symmetricNormalized(w) : Laplacian.unnormalized(w);
        EigenResult bottom = Eigensolvers.bottom(SymmetricOperator.of(laplacian), k + 2, LanczosOptions.of(1));
        DMatrix y = model.transform(train).toDouble();
        double sine = Subspaces.largestAngleSine(y, columns(bottom.vectors(), k));
        double sineWider = Subspaces.largestAngleSine(y, columns(bottom.vectors(), k + 2));
        System.out.printf(Locale.ROOT, "  %s: sine to the exact bottom-%d space (two more eigenvectors) = %.4f%n", name, k + 2, sineWider);
        System.out.printf(Locale.ROOT, "  %s agreement: sine of the largest principal angle to the exact bottom-%d eigenvectors of %s = %.4f (eigenvalues %s)%n",
                name, k, normalized ? "L_sym" : "L", sine, Arrays.toString(Arrays.stream(bottom.values()).map(v -> Math.round(v * 1e6) / 1e6).toArray()));
    }

    static DMatrix columns(DMatrix m, int count) {
        DMatrix out = new DMatrix(m.rows, count);
        for (int i = 0; i < m.rows; i++) System.arraycopy(m.data, i * m.cols, out.data, i * count, count);
        return out;
    }

    static TrainingListener listener() {
        return new TrainingListener() {
            @Override
            public void epochDone(EpochStats s) {
                if (VERBOSE) {
                    System.out.printf(Locale.ROOT, "    %s epoch %d loss %.6g val %.6g lr %.2g %.0f samples/s %.2f s%n", s.stage(), s.epoch(), s.loss(),
                            s.validationLoss(), s.learningRate(), s.samplesPerSecond(), s.seconds());
                }
            }

            @Override
            public void message(String stage, String text) {
                System.out.println("    [" + stage + "] " + text);
            }
        };
    }

}
