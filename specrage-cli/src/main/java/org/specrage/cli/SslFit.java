package org.specrage.cli;

import java.io.IOException;
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
import org.specrage.metrics.ClusteringMetrics;
import org.specrage.methods.ssl.LinearProbe;
import org.specrage.methods.ssl.SslEncoder;
import org.specrage.methods.ssl.SslEvaluation;
import org.specrage.methods.ssl.SslModel;
import org.specrage.methods.ssl.SslOptions;
import org.specrage.methods.ssl.SslTrainer;
import org.specrage.util.Progress;

/**
 * {@code fit --method vicreg|simclr|barlow}: trains an MLP encoder on pairs of augmented views of
 * the training images, then scores the representation of the held-out images with a linear probe
 * fitted on training rows only and with k-means, beside the same probe on raw pixels. The model
 * written is an {@link SslModel}: {@code transform} and {@code predict} load it like any other.
 */
final class SslFit {
    /**
     * k-means restarts for the centroids the model keeps and for the held-out refit. Fewer than for
     * the spectral embeddings: the representations are wide (512 columns by default), and on
     * Fashion-MNIST 10 restarts of the held-out refit take about 7 s where 100 took 70 s.
     */
    private static final int CENTROID_RESTARTS = 5;
    static final int HELD_OUT_RESTARTS = 10;
    /** The held-out rows' representations, written beside the model. */
    static final String HELD_OUT_EMBEDDING = "heldout-embedding.npy";
    private SslFit() {
    }

    record Settings(FitMethod method, Integer epochs, Integer batchSize, Double learningRate, Double maxSeconds, long seed) {
    }

    /** The fitted model (saved to out) and the method's own report entries. */
    record Result(SslModel model, Map<String, Object> report) {
    }

    /**
     * Trains, saves the model (encoder and the k-means centroids of the training representations) to
     * out, writes the held-out representations beside it, and scores the representation.
     */
    static Result run(MultiViewData data, Split split, Settings s, int clusters, Path out, Progress progress) throws IOException {
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
                s.maxSeconds() != null ? s.maxSeconds() : d.maxSeconds(), inputScale(train), d.augmentation(), s.seed());
        long t0 = System.nanoTime();
        SslEncoder encoder = SslTrainer.fit(train, options, progress);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        // k-means is scored below with the model's own centroids, so that this line and the held-out scores agree
        SslEvaluation.Options evalOptions = new SslEvaluation.Options(LinearProbe.Options.defaults().withSeed(s.seed()), 0, s.seed());
        FMatrix trainRepresentation = encoder.transform(train);
        FMatrix heldOut = encoder.transform(test);
        SslEvaluation learned = SslEvaluation.evaluate(trainRepresentation, trainLabels, heldOut, testLabels, evalOptions);
        FMatrix rawTrain = scaled(train, options.inputScale());
        FMatrix rawTest = scaled(test, options.inputScale());
        double rawProbe = LinearProbe.fit(rawTrain, trainLabels, evalOptions.probe()).accuracy(rawTest, testLabels);

        long kmeansStart = System.nanoTime();
        SslModel model = SslModel.of(encoder, options, data.selectRows(split.train()), trainRepresentation, clusters, CENTROID_RESTARTS);
        int[] assigned = model.predictEmbedding(heldOut);
        learned = new SslEvaluation(learned.probeTrainAccuracy(), learned.probeTestAccuracy(), ClusteringMetrics.accuracy(testLabels, assigned),
                ClusteringMetrics.nmi(testLabels, assigned), learned.probeSeconds(), (System.nanoTime() - kmeansStart) / 1e9);
        model.save(out);
        AtomicFiles.write(out.resolve(HELD_OUT_EMBEDDING), tmp -> NpyWriter.write(tmp, heldOut));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("train_seconds", trainSeconds);
        report.put("training", encoder.history().toMap());
        report.put("train_samples_per_second", encoder.history().samplesSeen() / trainSeconds); // epochs run, not asked for
        report.put("probe_test_accuracy", learned.probeTestAccuracy());
        report.put("raw_pixel_probe_test_accuracy", rawProbe);
        report.put("evaluation", learned.toMap());
        System.out.printf(Locale.ROOT, "%s encoder: linear probe on held-out rows %.4f (raw pixels %.4f); k-means ACC %.4f NMI %.4f; trained in %.1f s%n",
                s.method(), learned.probeTestAccuracy(), rawProbe, learned.kmeansTestAcc(), learned.kmeansTestNmi(), trainSeconds);
        return new Result(model, report);
    }

    /**
     * Brings the training pixels to at most 1 in magnitude (1/255 for 8-bit images, 1 for images
     * already in [0, 1]): the augmentations' noise and the network's initialisation assume that range.
     */
    static float inputScale(FMatrix train) {
        float max = 0;
        for (float v : train.data) max = Math.max(max, Math.abs(v));
        return max > 1 ? 1f / max : 1f;
    }

    private static FMatrix scaled(FMatrix x, float scale) {
        FMatrix out = x.copy();
        for (int i = 0; i < out.data.length; i++) out.data[i] *= scale;
        return out;
    }
}
