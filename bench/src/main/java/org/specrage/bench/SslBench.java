package org.specrage.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.specrage.data.MultiViewData;
import org.specrage.data.io.DataLoader;
import org.specrage.io.Json;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.ssl.InfoNceLoss;
import org.specrage.methods.ssl.LinearProbe;
import org.specrage.methods.ssl.SslEncoder;
import org.specrage.methods.ssl.SslEvaluation;
import org.specrage.methods.ssl.SslMethod;
import org.specrage.methods.ssl.SslNetwork;
import org.specrage.methods.ssl.SslOptions;
import org.specrage.methods.ssl.SslTrainer;
import org.specrage.util.Parallel;

/**
 * Fashion-MNIST SSL benchmark: trains VICReg, SimCLR and BarlowTwins encoders on the 60,000
 * training images and scores each by a linear probe (fitted on training rows only) on the 10,000
 * test images, next to the raw-pixel probe. Arguments are key=value:
 * {@code data=/usr/share/datasets/fashion-mnist methods=vicreg,simclr,barlow epochs=20 seconds=540
 * batch=256 encoder=1024,512 projector=1024,256 lr=1e-3 threads=2 seed=0 raw=true untrained=false kmeans=3 tau=0.2
 * json=out.json}.
 * Run: {@code OPENBLAS_NUM_THREADS=2 java -cp bench/target/benchmarks.jar org.specrage.bench.SslBench}.
 */
public final class SslBench {
    private SslBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("arguments are key=value, got " + arg);
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Path data = Path.of(a.getOrDefault("data", "/usr/share/datasets/fashion-mnist"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "2"));
        Parallel.setThreads(threads);
        long seed = Long.parseLong(a.getOrDefault("seed", "0"));
        int kmeans = Integer.parseInt(a.getOrDefault("kmeans", "3"));
        SslEvaluation.Options eval = new SslEvaluation.Options(LinearProbe.Options.defaults().withSeed(seed), kmeans, seed);

        long t0 = System.nanoTime();
        MultiViewData d = DataLoader.load(data);
        int trainRows = d.predefinedTrainRows().orElseThrow(() -> new IllegalArgumentException("data has no predefined train rows"));
        FMatrix all = d.view(0).dense();
        int[] labels = d.labels();
        FMatrix train = rows(all, 0, trainRows);
        FMatrix test = rows(all, trainRows, all.rows);
        int[] trainLabels = java.util.Arrays.copyOfRange(labels, 0, trainRows);
        int[] testLabels = java.util.Arrays.copyOfRange(labels, trainRows, labels.length);
        System.out.printf(Locale.ROOT, "loaded %d train + %d test rows x %d in %.1f s; threads %d, OPENBLAS_NUM_THREADS=%s, load average %s%n",
                train.rows, test.rows, all.cols, (System.nanoTime() - t0) / 1e9, threads, System.getenv("OPENBLAS_NUM_THREADS"), loadAverage());

        Map<String, Object> out = new LinkedHashMap<>();
        if (Boolean.parseBoolean(a.getOrDefault("raw", "true"))) {
            SslEvaluation raw = SslEvaluation.evaluate(scale(train), trainLabels, scale(test), testLabels, eval);
            System.out.printf(Locale.ROOT, "raw pixels: probe test %.4f (train %.4f), k-means test ACC %.4f NMI %.4f (probe %.1f s, k-means %.1f s)%n",
                    raw.probeTestAccuracy(), raw.probeTrainAccuracy(), raw.kmeansTestAcc(), raw.kmeansTestNmi(), raw.probeSeconds(), raw.kmeansSeconds());
            out.put("raw_pixels", raw.toMap());
        }
        if (Boolean.parseBoolean(a.getOrDefault("untrained", "false"))) {
            // the initial network (same seed, no training): how much of the probe accuracy random ReLU features already give
            SslOptions o = options(SslMethod.VICREG, a, seed);
            SslEncoder initial = new SslEncoder(new SslNetwork(all.cols, o.encoderSizes(), o.projectorSizes(), o.activation(), o.seed()), o.inputScale(), null);
            SslEvaluation u = SslEvaluation.evaluate(initial.transform(train), trainLabels, initial.transform(test), testLabels, eval);
            System.out.printf(Locale.ROOT, "untrained encoder: probe test %.4f (train %.4f), k-means test ACC %.4f NMI %.4f%n",
                    u.probeTestAccuracy(), u.probeTrainAccuracy(), u.kmeansTestAcc(), u.kmeansTestNmi());
            out.put("untrained_encoder", u.toMap());
        }
        List<Object> results = new ArrayList<>();
        for (String name : a.getOrDefault("methods", "vicreg,simclr,barlow").split(",")) {
            SslMethod method = SslMethod.parse(name);
            SslOptions o = options(method, a, seed);
            SslEncoder encoder = SslTrainer.fit(train, o);
            long te = System.nanoTime();
            FMatrix trainEmbedding = encoder.transform(train);
            FMatrix testEmbedding = encoder.transform(test);
            double embedSeconds = (System.nanoTime() - te) / 1e9;
            SslEvaluation e = SslEvaluation.evaluate(trainEmbedding, trainLabels, testEmbedding, testLabels, eval);
            var h = encoder.history();
            System.out.printf(Locale.ROOT, "%s: %s; trained %.1f s (%d steps, %d epochs%s, augment %.1f s), embed %.1f s; probe test %.4f (train %.4f), k-means test ACC %.4f NMI %.4f; epoch losses %s; load average %s%n",
                    method.cliName(), h.loss(), h.seconds(), h.steps(), h.epochLosses().length, h.stoppedByTimeLimit() ? ", time limit" : "",
                    h.augmentSeconds(), embedSeconds, e.probeTestAccuracy(), e.probeTrainAccuracy(), e.kmeansTestAcc(), e.kmeansTestNmi(),
                    java.util.Arrays.toString(h.epochLosses()), loadAverage());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("method", method.cliName());
            r.put("training", h.toMap());
            r.put("evaluation", e.toMap());
            r.put("embed_seconds", embedSeconds);
            results.add(r);
        }
        out.put("methods", results);
        if (a.containsKey("json")) Files.writeString(Path.of(a.get("json")), Json.write(out, true));
    }

    private static SslOptions options(SslMethod method, Map<String, String> a, long seed) {
        SslOptions o = SslOptions.defaults(method)
                .withEpochs(Integer.parseInt(a.getOrDefault("epochs", "20")))
                .withMaxSeconds(Double.parseDouble(a.getOrDefault("seconds", "540")))
                .withBatchSize(Integer.parseInt(a.getOrDefault("batch", "256")))
                .withLearningRate(Double.parseDouble(a.getOrDefault("lr", "1e-3")))
                .withEncoderSizes(sizes(a.getOrDefault("encoder", "1024,512")))
                .withProjectorSizes(sizes(a.getOrDefault("projector", "1024,256")))
                .withSeed(seed);
        if (a.containsKey("tau") && method == SslMethod.SIMCLR) o = o.withLoss(new InfoNceLoss(Double.parseDouble(a.get("tau"))));
        return o;
    }

    private static FMatrix rows(FMatrix m, int from, int to) {
        FMatrix out = new FMatrix(to - from, m.cols);
        System.arraycopy(m.data, from * m.cols, out.data, 0, out.data.length);
        return out;
    }

    private static FMatrix scale(FMatrix m) {
        FMatrix out = new FMatrix(m.rows, m.cols);
        for (int i = 0; i < out.data.length; i++) out.data[i] = m.data[i] / 255f;
        return out;
    }

    private static int[] sizes(String s) {
        if (s.isBlank() || s.equals("none")) return new int[0];
        String[] parts = s.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Integer.parseInt(parts[i].trim());
        return out;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
