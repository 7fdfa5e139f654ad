package org.specrage.methods.exact;

import org.specrage.graph.Affinity;
import org.specrage.graph.AffinityKind;
import org.specrage.graph.ConnectedComponents;
import org.specrage.graph.KnnGraph;
import org.specrage.graph.KnnSearch;
import org.specrage.graph.Metric;
import org.specrage.graph.ScaleMode;
import org.specrage.graph.SparseKnnSearch;
import org.specrage.linalg.CsrMatrix;
import org.specrage.data.View;
import org.specrage.util.Progress;

/** kNN search, affinity and component check for one feature matrix. */
final class GraphBuilder {
    private GraphBuilder() {
    }

    /**
     * A sparse view is searched as sparse rows: a wide bag-of-words view is never written out densely.
     * bagOfWords: whether the raw rows (before scaling, which turns counts into fractions) are bag-of-words rows.
     */
    static ViewGraph build(String name, View features, boolean bagOfWords, ExactSpectralOptions options, Progress progress) {
        AffinityKind kind = options.affinity().resolve(bagOfWords || features.isSparse());
        Metric metric = AffinityChoice.metricFor(kind);
        KnnGraph knn = features.isSparse()
                ? SparseKnnSearch.exact(features.sparse(), options.neighbors(), metric, progress)
                : KnnSearch.exact(features.dense(), options.neighbors(), metric, progress);
        CsrMatrix w = Affinity.build(knn, kind, options.scale(), options.scaleK());
        double sigma = kind == AffinityKind.GAUSSIAN && options.scale() == ScaleMode.GLOBAL_MEDIAN
                ? Affinity.globalScale(knn, options.scaleK()) : Double.NaN;
        ConnectedComponents components = ConnectedComponents.of(w);
        return new ViewGraph(name, w, kind, sigma, components.count(), components.largestSize(), components.singletonCount());
    }
}
