package org.specrage.methods.exact;

import java.util.List;
import java.util.Map;
import org.specrage.linalg.DMatrix;

/**
 * Outcome of exact spectral clustering.
 *
 * @param labels      cluster id of every row, 0..k-1
 * @param embedding   n x k spectral embedding (row-normalised eigenvectors) that k-means clustered
 * @param eigenvalues the k smallest eigenvalues of the (mean) symmetric normalised Laplacian, ascending
 * @param graphs      one entry per graph built (one per view, or one for joined views)
 * @param seconds     wall time per stage, in order
 * @param eigenTolerance the relative residual the eigenvectors meet (0: dense solver; above the
 *                    Lanczos default when the first attempt stalled on crowded eigenvalues)
 */
public record ExactSpectralResult(int[] labels, DMatrix embedding, double[] eigenvalues, List<ViewGraph> graphs,
                                  Map<String, Double> seconds, double eigenTolerance) {
}
