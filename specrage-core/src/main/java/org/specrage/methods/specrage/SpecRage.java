package org.specrage.methods.specrage;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.methods.autoencoder.AutoencoderOptions;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.BatchScale;
import org.specrage.methods.common.FitStages;
import org.specrage.methods.common.InputPipeline;
import org.specrage.methods.common.InputStages;
import org.specrage.methods.common.ModelFiles;
import org.specrage.methods.common.OutputColumns;
import org.specrage.methods.common.TrainingEmbedding;
import org.specrage.methods.common.TrainingListener;
import org.specrage.nn.Mlp;

/**
 * SpecRaGE (Yacobi, Lindenbaum, Shaham, TMLR 2025): multi-view spectral embedding learnt by one
 * network per view, fused per sample with softmax weights from a fusion network, and trained on the
 * joint diagonalisation of the views' batch Laplacians, each view's affinity weighted by the fusion
 * weights (W~_ij = W_ij alpha_i alpha_j), so a view that disagrees with the embedding for a sample
 * (an outlier, noise) loses weight for that sample.
 *
 * <p>Pipeline of {@link #fit}: scale each view (scalers fitted on the training rows, kept in the
 * model); per view, train an autoencoder and switch to its codes (optional); per view, train a
 * Siamese net whose output is that view's affinity space (optional); scale rows to unit length for
 * cosine views; train; compute the orthonormalisation matrix A once more from the whole training set;
 * k-means on the training embedding.
 */
public final class SpecRage {
    private SpecRage() {
    }

    /** Trains on every row of {@code train} (labels are ignored). */
    public static SpecRageModel fit(MultiViewData train, SpecRageOptions options, TrainingListener listener) {
        int n = train.rows();
        int views = train.viewCount();
        options.checkViews(views);
        if (n < 2) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "SpecRaGE needs at least 2 training rows, got " + n);
        if (options.k() > n) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "k (" + options.k() + ") is larger than the number of training rows (" + n + ")");
        }
        // the model records the metric each view used, not "auto"
        SpecRageOptions used = options.withMetricsResolved(train);
        FitStages stages = new FitStages(listener);
        SplittableRandom random = org.specrage.util.Seeds.stream(options.seed(), "specrage");
        InputPipeline pipeline = InputPipeline.fit(train, options.preprocess());
        ViewInput[] x = stages.run("preprocess", () -> ViewInput.all(pipeline.scaledViews(train)));

        // encoders[v] is null for a view that keeps its features; the list is null when no view has one
        List<Mlp> encoders = null;
        SplittableRandom aeSeeds = new SplittableRandom(random.nextLong());
        for (int v = 0; v < views; v++) {
            long seed = aeSeeds.nextLong();
            AutoencoderOptions ae = options.autoencoderFor(v);
            if (ae == null) continue;
            if (encoders == null) encoders = new ArrayList<>(java.util.Collections.nCopies(views, (Mlp) null));
            InputStages.Encoded encoded = InputStages.encode(x[v].rowInput(), ae, seed, stages);
            encoders.set(v, encoded.encoder());
            x[v] = ViewInput.dense(encoded.codes().toDense());
        }

        ViewInput[] spaces = x.clone();
        SplittableRandom siameseSeeds = new SplittableRandom(random.nextLong());
        for (int v = 0; v < views; v++) {
            long seed = siameseSeeds.nextLong();
            if (options.siameseFor(v) != null) spaces[v] = ViewInput.dense(InputStages.siameseSpace(x[v].rowInput(), options.siameseFor(v), seed, stages));
            if (used.viewMetric(v) == ViewMetric.COSINE) spaces[v] = spaces[v].unitRows();
        }

        double[] sigmas = new double[views];
        if (options.scale() == BatchScale.FIXED) {
            stages.run("scale", () -> {
                for (int v = 0; v < views; v++) sigmas[v] = spaces[v].datasetScale(options.scaleK());
                return sigmas;
            });
        }

        int[] dims = new int[views];
        long[] netSeeds = new long[views + 1];
        for (int v = 0; v < views; v++) dims[v] = x[v].cols();
        for (int i = 0; i < netSeeds.length; i++) netSeeds[i] = random.nextLong();
        int outputs = OutputColumns.learned(options.k(), options.extraDimensions(), options.training().batchSize(), n);
        SpecRageNetwork net = SpecRageNetwork.create(dims, options.network(), outputs, options.fusion(), options.fusionHidden(),
                options.temperature(), netSeeds);
        ViewConsistency.Result consistency = options.consistencyPenalty() > 0 ? consistencyCheck(x, used, stages) : null;
        boolean[][] unsupported = consistency == null ? null : consistency.marked();
        stages.add(new SpecRageTrainer(net, x, spaces, sigmas, options, random.split(), stages.listener()).dropping(unsupported).train());

        // the final matrix comes from the output as training shaped it: with the fallback's weights (all on
        // the trusted views) the Rayleigh-Ritz graphs would tie the gated rows into a block of their own
        FusedForward.Result output = FusedForward.apply(net, x);
        ViewGate gate = consistency == null ? null : consistency.gate();
        Mlp[] heads = gate == null ? null : singleViewHeads(output.fused(), x, unsupported, stages);
        TrainingEmbedding orthonormal = stages.run("orthonormalisation",
                () -> TrainingEmbedding.orthonormalised(options.ortho(), output.fused(), "SpecRaGE"));
        long ritzSeed = random.nextLong();
        TrainingEmbedding trained = outputs == options.k() ? orthonormal : stages.run("rayleigh-ritz", () -> orthonormal.rotated(
                RitzRotation.bottom(orthonormal.embedding(), output.weights(), spaces, unsupported, sigmas, options, options.k(), ritzSeed), output.fused()));
        // the centroids are fitted on the training rows as transform embeds them, gated rows at their fallback
        FMatrix embedding = gate == null ? trained.embedding() : ModelFiles.multiply(FusedForward.apply(net, x, gate, heads).fused(), trained.matrix());
        FMatrix clustered = options.normalization().unitRowsForClustering() ? embedding.unitRows() : embedding;
        DMatrix centroids = InputStages.centroids(clustered, options.k(), options.kmeansRestarts(), random.nextLong(), stages);
        return new SpecRageModel(used, pipeline, encoders, net, gate, heads, trained.matrix(), centroids, stages.summaries());
    }

    /** Trains without progress events. */
    public static SpecRageModel fit(MultiViewData train, SpecRageOptions options) {
        return fit(train, options, TrainingListener.NONE);
    }

    /**
     * The view-consistency check ({@link ViewConsistency}) on each view's network input (cosine views
     * scaled to unit rows), reported per view; null when nothing is marked. It runs on the network
     * input, not a Siamese space, so that its gate can judge new rows.
     */
    private static ViewConsistency.Result consistencyCheck(ViewInput[] x, SpecRageOptions used, FitStages stages) {
        int views = x.length;
        ViewInput[] space = new ViewInput[views];
        boolean[] unitRows = new boolean[views];
        for (int v = 0; v < views; v++) {
            unitRows[v] = used.viewMetric(v) == ViewMetric.COSINE;
            space[v] = unitRows[v] ? x[v].unitRows() : x[v];
        }
        // a seed of its own: with nothing marked, training draws exactly what it draws without the check
        ViewConsistency.Result result = stages.run("view-consistency",
                () -> ViewConsistency.check(space, unitRows, used.k(), used.seed() ^ 0x5eedL));
        for (int v = 0; v < views; v++) {
            if (!ViewConsistency.checkable(space[v])) {
                stages.listener().message("view-consistency", "view " + v + ": not checked (a sparse view is not clustered)");
                continue;
            }
            int count = 0;
            if (result != null && result.marked()[v] != null) for (boolean marked : result.marked()[v]) if (marked) count++;
            stages.listener().message("view-consistency", "view " + v + ": " + count + " training rows marked (empty, or in clusters no other view supports)");
        }
        return result;
    }

    /** Ridge maps from each view to the fused output, fitted on the rows no view marks ({@link SingleViewHeads}). */
    private static Mlp[] singleViewHeads(FMatrix fused, ViewInput[] x, boolean[][] marked, FitStages stages) {
        int n = x[0].rows();
        boolean[] clean = new boolean[n];
        java.util.Arrays.fill(clean, true);
        for (boolean[] view : marked) if (view != null) for (int i = 0; i < n; i++) if (view[i]) clean[i] = false;
        SingleViewHeads.Head[] fitted = stages.run("single-view-heads", () -> SingleViewHeads.fit(x, clean, fused));
        Mlp[] heads = new Mlp[x.length];
        for (int v = 0; v < x.length; v++) {
            heads[v] = fitted[v] == null ? null : fitted[v].map();
            String why = x[v].cols() > SingleViewHeads.MAX_COLUMNS ? x[v].cols() + " columns, more than " + SingleViewHeads.MAX_COLUMNS
                    : "fewer than 2 rows that no view marks";
            stages.listener().message("single-view-heads", fitted[v] == null ? "view " + v + ": no ridge map (" + why + ")"
                    : String.format(java.util.Locale.ROOT, "view %d: ridge map, strength %.4g (generalised cross-validation)", v, fitted[v].lambda()));
        }
        return heads;
    }
}
