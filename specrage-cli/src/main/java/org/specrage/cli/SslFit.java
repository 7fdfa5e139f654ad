package org.specrage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.Split;
import org.specrage.data.io.NpyWriter;
import org.specrage.io.AtomicFiles;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.ssl.LinearProbe;
import org.specrage.methods.ssl.SslEncoder;
import org.specrage.methods.ssl.SslEvaluation;
import org.specrage.methods.ssl.SslOptions;
import org.specrage.methods.ssl.SslTrainer;
import org.specrage.nn.ParameterFile;
import org.specrage.util.Progress;

/**
 * {@code fit --method vicreg|simclr|barlow}: trains an MLP encoder on pairs of augmented views of
 * the training images, then scores the representation of the held-out images with a linear probe
 * fitted on training rows only and with k-means, beside the same probe on raw pixels.
 */
final class SslFit {
    private SslFit() {
    }

    record Settings(FitMethod method, Integer epochs, Integer batchSize, Double learningRate, Double maxSeconds, long seed) {
    }

    static Map<String, Object> run(MultiViewData data, Split split, Settings s, Path out, Progress progress) throws IOException {
        if (data.viewCount() != 1 || data.view(0).isSparse()) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "self-supervised fits take one dense view of square images (e.g. Fashion-MNIST)");
        }
        if (!data.hasLabels() || split.test().length == 0) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "self-supervised fits are scored by a linear probe: they need labels and held-out rows");
        }
        FMatrix x = data.view(0).dense();
        FMatrix train = x.selectRows(split.train());
        FMatrix test = x.selectRows(split.test());
        int[] trainLabels = data.selectRows(split.train()).labels();
        int[] testLabels = data.selectRows(split.test()).labels();
        SslOptions d = SslOptions.defaults(s.method().ssl);
        SslOptions options = new SslOptions(d.method(), d.loss(), d.encoderSizes(), d.projectorSizes(), d.activation(),
                s.batchSize() != null ? s.batchSize() : d.batchSize(), s.epochs() != null ? s.epochs() : d.epochs(),
                s.learningRate() != null ? s.learningRate() : d.learningRate(), d.weightDecay(),
                s.maxSeconds() != null ? s.maxSeconds() : d.maxSeconds(), d.inputScale(), d.augmentation(), s.seed());
        long t0 = System.nanoTime();
        SslEncoder encoder = SslTrainer.fit(train, options, progress);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        SslEvaluation.Options evalOptions = new SslEvaluation.Options(LinearProbe.Options.defaults().withSeed(s.seed()), 3, s.seed());
        SslEvaluation learned = SslEvaluation.evaluate(encoder.transform(train), trainLabels, encoder.transform(test), testLabels, evalOptions);
        FMatrix rawTrain = scaled(train, options.inputScale());
        FMatrix rawTest = scaled(test, options.inputScale());
        double rawProbe = LinearProbe.fit(rawTrain, trainLabels, evalOptions.probe()).accuracy(rawTest, testLabels);

        Files.createDirectories(out);
        AtomicFiles.write(out.resolve("encoder.sprp"), tmp -> ParameterFile.save(encoder.network(), tmp));
        FMatrix heldOut = encoder.transform(test);
        AtomicFiles.write(out.resolve("heldout-embedding.npy"), tmp -> NpyWriter.write(tmp, heldOut));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("train_seconds", trainSeconds);
        report.put("train_samples_per_second", split.train().length * (double) options.epochs() / trainSeconds);
        report.put("probe_test_accuracy", learned.probeTestAccuracy());
        report.put("raw_pixel_probe_test_accuracy", rawProbe);
        report.put("evaluation", learned.toMap());
        System.out.printf(Locale.ROOT, "%s encoder: linear probe on held-out rows %.4f (raw pixels %.4f); k-means ACC %.4f NMI %.4f; trained in %.1f s%n",
                s.method(), learned.probeTestAccuracy(), rawProbe, learned.kmeansTestAcc(), learned.kmeansTestNmi(), trainSeconds);
        return report;
    }

    private static FMatrix scaled(FMatrix x, float scale) {
        FMatrix out = x.copy();
        for (int i = 0; i < out.data.length; i++) out.data[i] *= scale;
        return out;
    }
}
