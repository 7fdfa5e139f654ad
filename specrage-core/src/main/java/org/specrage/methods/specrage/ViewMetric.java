package org.specrage.methods.specrage;

import org.specrage.graph.Metric;

/** The affinity metric asked for one view; AUTO picks cosine for a bag-of-words view used as it is, Euclidean otherwise. */
public enum ViewMetric {
    AUTO, EUCLIDEAN, COSINE;

    /**
     * The metric used: AUTO means cosine when the view holds bag-of-words rows ({@link
     * org.specrage.data.View#isBagOfWords}: Euclidean distances there mostly measure document length)
     * and its own rows are the affinity space; an autoencoder or Siamese net replaces the rows by
     * dense learned features, compared by Euclidean distance.
     */
    public Metric resolve(boolean bagOfWords, boolean learnedSpace) {
        return switch (this) {
            case AUTO -> bagOfWords && !learnedSpace ? Metric.COSINE : Metric.EUCLIDEAN;
            case EUCLIDEAN -> Metric.EUCLIDEAN;
            case COSINE -> Metric.COSINE;
        };
    }

    static ViewMetric of(Metric metric) {
        return metric == Metric.COSINE ? COSINE : EUCLIDEAN;
    }
}
