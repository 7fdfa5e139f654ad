package org.specrage.cli;

import org.specrage.data.MultiViewData;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.EmbeddingModel;
import org.specrage.metrics.ClusteringMetrics;

/**
 * The two held-out scores of a fit report: the model's own predict (nearest stored training centroid)
 * and k-means refitted on the held-out embedding (the SpecRaGE protocol). Both work on the model's
 * clustering rows, the space its centroids live in (unit rows under the normalised losses).
 */
final class HeldOutScoring {
    private HeldOutScoring() {
    }

    /** Scores with the training centroids, and with k-means refitted on the held-out rows (null when they are fewer than k). */
    record Result(ClusteringMetrics.Scores centroids, ClusteringMetrics.Scores refit) {
    }

    static Result score(EmbeddingModel model, MultiViewData test, long seed, int restarts) {
        FMatrix embedding = model.transform(test);
        int[] predicted = model.predictEmbedding(embedding);
        ClusteringMetrics.Scores refit = null;
        if (test.rows() >= model.clusters()) refit = ClusteringMetrics.score(test.labels(), model.clusterEmbedding(embedding, restarts, seed));
        return new Result(ClusteringMetrics.score(test.labels(), predicted), refit);
    }
}
