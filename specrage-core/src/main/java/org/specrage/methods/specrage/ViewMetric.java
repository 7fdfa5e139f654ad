package org.specrage.methods.specrage;

import org.specrage.graph.Metric;

/** The affinity metric asked for one view; AUTO picks cosine for a sparse view used as it is, Euclidean otherwise. */
public enum ViewMetric {
    AUTO, EUCLIDEAN, COSINE;

    /**
     * The metric used: AUTO means cosine when the view is stored sparse (bag-of-words rows, where
     * Euclidean distances mostly measure document length) and its own rows are the affinity space;
     * an autoencoder or Siamese net replaces the rows by dense learned features, compared by Euclidean distance.
     */
    public Metric resolve(boolean sparseView, boolean learnedSpace) {
        return switch (this) {
            case AUTO -> sparseView && !learnedSpace ? Metric.COSINE : Metric.EUCLIDEAN;
            case EUCLIDEAN -> Metric.EUCLIDEAN;
            case COSINE -> Metric.COSINE;
        };
    }

    static ViewMetric of(Metric metric) {
        return metric == Metric.COSINE ? COSINE : EUCLIDEAN;
    }
}
