package org.specrage.methods.specrage.experiments;

import java.util.ArrayList;
import java.util.List;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.Split;
import org.specrage.methods.specrage.SpecRage;
import org.specrage.methods.specrage.SpecRageModel;
import org.specrage.methods.specrage.SpecRageOptions;
import org.specrage.metrics.ClusteringMetrics;

/**
 * The evaluation protocol of the SpecRaGE paper: a seeded 80/20 split, training on the 80%
 * (scalers fitted there too), embedding the held-out 20%, k-means with many restarts on the
 * held-out embedding, and ACC/NMI/ARI against the held-out labels; repeated over seeds.
 */
public final class HeldOutEvaluation {
    /** Held-out share of the rows. */
    public static final double TEST_FRACTION = 0.2;
    /** k-means restarts on the held-out embedding (the reference uses 100). */
    public static final int DEFAULT_RESTARTS = 100;

    private HeldOutEvaluation() {
    }

    /** One run: split, model and k-means all seeded by {@code seed} (the options' own seed is replaced). */
    public static HeldOutResult run(MultiViewData data, SpecRageOptions options, long seed, int restarts) {
        if (!data.hasLabels()) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "the held-out protocol needs labels");
        Split split = Split.random(data.rows(), TEST_FRACTION, seed);
        MultiViewData train = data.selectRows(split.train());
        MultiViewData test = data.selectRows(split.test());
        long start = System.nanoTime();
        SpecRageModel model = SpecRage.fit(train, options.toBuilder().seed(seed).build());
        double seconds = (System.nanoTime() - start) / 1e9;
        int[] truth = test.labels();
        ClusteringMetrics.Scores heldOut = ClusteringMetrics.score(truth, model.cluster(test, restarts, seed));
        ClusteringMetrics.Scores centroids = ClusteringMetrics.score(truth, model.predict(test));
        return new HeldOutResult(seed, train.rows(), test.rows(), heldOut, centroids, seconds, model);
    }

    /** One run per seed. */
    public static List<HeldOutResult> repeat(MultiViewData data, SpecRageOptions options, long[] seeds, int restarts) {
        List<HeldOutResult> out = new ArrayList<>();
        for (long s : seeds) out.add(run(data, options, s, restarts));
        return out;
    }
}
