package org.specrage.methods.exact;

import org.specrage.graph.AffinityKind;
import org.specrage.linalg.CsrMatrix;

/**
 * The affinity graph of one view (or of the joined views) and what a user should know about it.
 *
 * @param sigma      the global Gaussian scale, or NaN when not Gaussian-global
 * @param components connected components of the graph; more than one means the spectrum has
 *                   that many zero Laplacian eigenvalues
 */
public record ViewGraph(String name, CsrMatrix affinity, AffinityKind kind, double sigma, int components,
                        int largestComponent) {
}
