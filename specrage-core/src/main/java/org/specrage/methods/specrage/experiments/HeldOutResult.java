package org.specrage.methods.specrage.experiments;

import org.specrage.methods.specrage.SpecRageModel;
import org.specrage.metrics.ClusteringMetrics;

/**
 * One run of the 80/20 protocol: scores of k-means fitted on the held-out embedding (the protocol's
 * numbers) and of the model's stored training centroids, the fit time, and the fitted model.
 */
public record HeldOutResult(long seed, int trainRows, int testRows, ClusteringMetrics.Scores heldOut,
                            ClusteringMetrics.Scores centroids, double fitSeconds, SpecRageModel model) {
}
