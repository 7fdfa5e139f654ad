package org.specrage.methods.exact;

import org.specrage.graph.AffinityKind;
import org.specrage.graph.Metric;

/** The affinity asked for; AUTO picks cosine for sparse views and Gaussian for dense ones. */
public enum AffinityChoice {
    AUTO, GAUSSIAN, COSINE, CONNECTIVITY;

    AffinityKind resolve(boolean sparseView) {
        return switch (this) {
            case AUTO -> sparseView ? AffinityKind.COSINE : AffinityKind.GAUSSIAN;
            case GAUSSIAN -> AffinityKind.GAUSSIAN;
            case COSINE -> AffinityKind.COSINE;
            case CONNECTIVITY -> AffinityKind.CONNECTIVITY;
        };
    }

    static Metric metricFor(AffinityKind kind) {
        return kind == AffinityKind.COSINE ? Metric.COSINE : Metric.EUCLIDEAN;
    }
}
