package org.specrage.methods.common;

import org.specrage.cluster.KMeans;
import org.specrage.cluster.KMeansOptions;
import org.specrage.cluster.KMeansResult;
import org.specrage.linalg.FMatrix;

/** k-means on a training embedding: the centroids a model keeps for {@link EmbeddingModel#predict}. */
public final class ClusterCentroids {
    private ClusterCentroids() {
    }

    public static KMeansResult fit(FMatrix embedding, int k, int restarts, long seed) {
        if (k > embedding.rows) throw new IllegalArgumentException("k = " + k + " clusters but only " + embedding.rows + " training rows");
        return new KMeans(KMeansOptions.of(k, seed).withRestarts(restarts)).fit(embedding.toDouble());
    }
}
