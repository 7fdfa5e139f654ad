package org.specrage.methods.exact;

import org.specrage.graph.Affinity;
import org.specrage.graph.AffinityKind;
import org.specrage.graph.ConnectedComponents;
import org.specrage.graph.KnnGraph;
import org.specrage.graph.KnnSearch;
import org.specrage.graph.ScaleMode;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.util.Progress;

/** kNN search, affinity and component check for one feature matrix. */
final class GraphBuilder {
    private GraphBuilder() {
    }

    static ViewGraph build(String name, FMatrix features, boolean sparseView, ExactSpectralOptions options, Progress progress) {
        AffinityKind kind = options.affinity().resolve(sparseView);
        KnnGraph knn = KnnSearch.exact(features, options.neighbors(), AffinityChoice.metricFor(kind), progress);
        CsrMatrix w = Affinity.build(knn, kind, options.scale(), options.scaleK());
        double sigma = kind == AffinityKind.GAUSSIAN && options.scale() == ScaleMode.GLOBAL_MEDIAN
                ? Affinity.globalScale(knn, options.scaleK()) : Double.NaN;
        ConnectedComponents components = ConnectedComponents.of(w);
        return new ViewGraph(name, w, kind, sigma, components.count(), components.largestSize());
    }
}
