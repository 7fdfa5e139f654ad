package org.specrage.methods.exact;

import org.specrage.graph.AffinityKind;
import org.specrage.graph.Metric;

/** The affinity asked for; AUTO picks cosine for bag-of-words views ({@link org.specrage.data.View#isBagOfWords}) and Gaussian otherwise. */
public enum AffinityChoice {
    AUTO, GAUSSIAN, COSINE, CONNECTIVITY;

    AffinityKind resolve(boolean bagOfWords) {
        return switch (this) {
            case AUTO -> bagOfWords ? AffinityKind.COSINE : AffinityKind.GAUSSIAN;
            case GAUSSIAN -> AffinityKind.GAUSSIAN;
            case COSINE -> AffinityKind.COSINE;
            case CONNECTIVITY -> AffinityKind.CONNECTIVITY;
        };
    }

    static Metric metricFor(AffinityKind kind) {
        return kind == AffinityKind.COSINE ? Metric.COSINE : Metric.EUCLIDEAN;
    }
}
