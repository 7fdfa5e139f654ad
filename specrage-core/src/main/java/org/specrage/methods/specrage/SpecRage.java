package org.specrage.methods.specrage;

import java.util.SplittableRandom;
import org.specrage.cluster.KMeans;
import org.specrage.cluster.KMeansOptions;
import org.specrage.cluster.KMeansResult;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.prep.Preprocessing;
import org.specrage.graph.Metric;
import org.specrage.linalg.FMatrix;

/**
 * SpecRaGE (Yacobi, Lindenbaum, Shaham, TMLR 2025): multi-view spectral embedding learnt by per-view
 * networks fused with per-sample softmax weights and trained on the joint diagonalisation of the
 * views' batch Laplacians, each weighted by the fusion weights. {@link #fit} trains on the given
 * rows and returns a model that embeds and clusters new multi-view samples.
 */
public final class SpecRage {
    private SpecRage() {
    }

    /** Trains on every row of {@code train} (labels are ignored). */
    public static SpecRageModel fit(MultiViewData train, SpecRageOptions options) {
        int views = train.viewCount();
        options.checkViews(views);
        if (options.k() > train.rows()) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "k = " + options.k() + " clusters but only " + train.rows() + " training rows");
        }
        SplittableRandom seeds = new SplittableRandom(options.seed());
        long[] netSeeds = new long[views + 1];
        for (int i = 0; i < netSeeds.length; i++) netSeeds[i] = seeds.nextLong();
        long trainSeed = seeds.nextLong();
        long kmeansSeed = seeds.nextLong();

        long start = System.nanoTime();
        Preprocessing preprocessing = Preprocessing.fit(train, options.preprocess());
        MultiViewData scaled = preprocessing.apply(train);
        ViewRows[] inputs = new ViewRows[views];
        ViewRows[] affinitySpaces = new ViewRows[views];
        int[] dims = new int[views];
        for (int v = 0; v < views; v++) {
            inputs[v] = new ViewRows(scaled.view(v), false);
            affinitySpaces[v] = options.metric(v) == Metric.COSINE ? new ViewRows(scaled.view(v), true) : inputs[v];
            dims[v] = scaled.view(v).cols();
        }
        double prepSeconds = (System.nanoTime() - start) / 1e9;

        SpecRageNetwork net = new SpecRageNetwork(dims, options.hidden(), options.activation(), options.k(), options.fusion(),
                options.fusionHidden(), options.temperature(), netSeeds);
        SpecRageTrainer.Result trained = new SpecRageTrainer(net, inputs, affinitySpaces, options, trainSeed).train();

        long kmStart = System.nanoTime();
        FMatrix embedding = SpecRageModel.orthonormalise(FusedForward.apply(net, inputs).fused(), trained.ortho());
        KMeansResult km = new KMeans(KMeansOptions.of(options.k(), kmeansSeed).withRestarts(options.restarts())).fit(embedding.toDouble());
        double kmSeconds = (System.nanoTime() - kmStart) / 1e9;
        TrainingReport report = new TrainingReport(prepSeconds, trained.seconds(), trained.samplesPerSecond(), kmSeconds,
                trained.epochLosses(), trained.failedSteps(), trained.stopReason());
        return new SpecRageModel(options, preprocessing, net, trained.ortho(), km.centroids(), report);
    }
}
