package org.specrage.methods.exact;

import org.specrage.graph.AffinityKind;
import org.specrage.linalg.CsrMatrix;

/**
 * The affinity graph of one view (or of the joined views) and what a user should know about it.
 *
 * @param sigma      the global Gaussian scale, or NaN when not Gaussian-global
 * @param components connected components of the graph
 * @param isolatedPoints the components of a single point (all its weights underflowed to zero);
 *                   each other component gives the Laplacian a zero eigenvalue
 */
public record ViewGraph(String name, CsrMatrix affinity, AffinityKind kind, double sigma, int components,
                        int largestComponent, int isolatedPoints) {
    /** Components of more than one point: the multiplicity of the Laplacian's zero eigenvalue. */
    public int componentsWithEdges() {
        return components - isolatedPoints;
    }
}
