package org.specrage.cluster;

import org.specrage.linalg.DMatrix;

/**
 * Outcome of the best k-means start: labels are the nearest centroid of every point (so they
 * equal {@link KMeans#predict}), inertia is the summed squared distance to it.
 *
 * @param iterations Lloyd iterations run by the winning start
 */
public record KMeansResult(int[] labels, DMatrix centroids, double inertia, int iterations) {
}
