package org.specrage.methods.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.specrage.cluster.KMeans;
import org.specrage.cluster.KMeansOptions;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

/**
 * A fitted, immutable parametric embedding. {@link #transform} maps raw data (scaled by the
 * model's own stored scalers) to the embedding; {@link #predict} assigns each row to the nearest
 * of the k-means centroids fitted on the training embedding (never refitted on new data).
 */
public interface EmbeddingModel {
    /** The method name stored in the manifest ("spectralnet", "specnet2", "specrage"). */
    String method();

    /** Columns of each input view the model expects. */
    int[] inputDims();

    /** Names of the input views, as the training data named them (null entries for unnamed views). */
    String[] inputViewNames();

    /** Columns of all input views together. */
    default int inputDim() {
        int total = 0;
        for (int d : inputDims()) total += d;
        return total;
    }

    /** Columns of the embedding. */
    int embeddingDim();

    /** Number of clusters (rows of {@link #centroids()}). */
    int clusters();

    /** The embedding of every row of the raw data (n x embeddingDim). */
    FMatrix transform(MultiViewData data);

    /** The embedding of a single-view data set given as one raw view. */
    default FMatrix transform(View view) {
        return transform(new MultiViewData(List.of(view), null, "input"));
    }

    /** The embedding of raw single-view rows. */
    default FMatrix transform(FMatrix rows) {
        return transform(View.dense(rows));
    }

    /** Cluster ids 0..k-1: the nearest training centroid of each row's embedding. */
    default int[] predict(MultiViewData data) {
        return predictEmbedding(transform(data));
    }

    default int[] predict(View view) {
        return predictEmbedding(transform(view));
    }

    default int[] predict(FMatrix rows) {
        return predictEmbedding(transform(rows));
    }

    /** Cluster ids of an embedding this model made: the nearest training centroid of each row's clustering row. */
    default int[] predictEmbedding(FMatrix embedding) {
        return KMeans.predict(clusteringRows(embedding).toDouble(), centroids());
    }

    /**
     * Clusters the given rows afresh: k-means with the given restarts on their clustering rows (the
     * evaluation protocol's held-out clustering); {@link #predict} keeps the training centroids instead.
     */
    default int[] cluster(MultiViewData data, int restarts, long seed) {
        return clusterEmbedding(transform(data), restarts, seed);
    }

    /** As {@link #cluster(MultiViewData, int, long)} for an embedding this model made. */
    default int[] clusterEmbedding(FMatrix embedding, int restarts, long seed) {
        return new KMeans(KMeansOptions.of(clusters(), seed).withRestarts(restarts)).fit(clusteringRows(embedding).toDouble()).labels();
    }

    /** The rows k-means sees for an embedding: the embedding itself unless the method rescales rows. */
    default FMatrix clusteringRows(FMatrix embedding) {
        return embedding;
    }

    /** The k-means centroids fitted on the training embedding (a copy). */
    DMatrix centroids();

    /** Estimated eigenvalues, when the method yields them (SpecNet2); empty otherwise. */
    Optional<double[]> eigenvalues();

    /** The seed the model was trained with. */
    long seed();

    /** The options the model was trained with, as JSON-ready values. */
    Map<String, Object> options();

    /** What happened during training: one summary per stage, in order. */
    List<StageSummary> stages();

    /** Writes the model directory atomically (see {@link org.specrage.model.ModelDirectory}). */
    void save(Path dir) throws IOException;
}
