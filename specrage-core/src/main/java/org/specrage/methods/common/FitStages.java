package org.specrage.methods.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The stages of one fit, in order: each is reported to the listener and its summary kept for the model. */
public final class FitStages {
    private final TrainingListener listener;
    private final List<StageSummary> summaries = new ArrayList<>();

    /** A null listener hears nothing. */
    public FitStages(TrainingListener listener) {
        this.listener = listener == null ? TrainingListener.NONE : listener;
    }

    public TrainingListener listener() {
        return listener;
    }

    /** Keeps the summary of a stage that reported itself (a training stage). */
    public void add(StageSummary summary) {
        summaries.add(summary);
    }

    /** Runs a stage without training (graph, k-means, ...) between its start and done events; returns its result. */
    public <T> T run(String stage, Supplier<T> body) {
        List<T> result = new ArrayList<>(1);
        summaries.add(StageReporter.untrained(stage, listener, () -> result.add(body.get())));
        return result.get(0);
    }

    /** The summaries so far. */
    public List<StageSummary> summaries() {
        return summaries;
    }
}
