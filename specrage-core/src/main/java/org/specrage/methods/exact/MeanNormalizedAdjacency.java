package org.specrage.methods.exact;

import java.util.ArrayList;
import java.util.List;
import org.specrage.eigen.EigenResult;
import org.specrage.eigen.Eigensolvers;
import org.specrage.eigen.LanczosOptions;
import org.specrage.eigen.SymmetricOperator;
import org.specrage.graph.Laplacian;
import org.specrage.linalg.CsrMatrix;

/**
 * The operator M = (1/V) sum_v D_v^-1/2 W_v D_v^-1/2. Its top eigenvectors are the bottom
 * eigenvectors of the mean of the views' L_sym = I - M (the joint diagonaliser when the views'
 * Laplacians commute). The sum is applied view by view, never formed.
 */
final class MeanNormalizedAdjacency implements SymmetricOperator {
    private final List<CsrMatrix> normalized = new ArrayList<>();
    private final double[] scratch;
    private final int n;

    MeanNormalizedAdjacency(List<ViewGraph> graphs) {
        n = graphs.get(0).affinity().rows;
        for (ViewGraph g : graphs) normalized.add(Laplacian.normalizedAdjacency(g.affinity()));
        scratch = new double[n];
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public void apply(double[] x, double[] y) {
        java.util.Arrays.fill(y, 0, n, 0.0);
        double weight = 1.0 / normalized.size();
        for (CsrMatrix m : normalized) {
            m.multiply(x, scratch);
            for (int i = 0; i < n; i++) y[i] += weight * scratch[i];
        }
    }

    /** The k largest eigenpairs of M, ascending. */
    static EigenResult topEigenvectors(List<ViewGraph> graphs, int k, long seed) {
        // a graph of c components with edges repeats the eigenvalue 1 (up to c times in the mean): Lanczos may
        // return one copy. An isolated point adds no copy: its row of M is zero.
        boolean repeated = false;
        for (ViewGraph g : graphs) repeated |= g.componentsWithEdges() > 1;
        return Eigensolvers.top(new MeanNormalizedAdjacency(graphs), k, LanczosOptions.of(seed), repeated);
    }
}
