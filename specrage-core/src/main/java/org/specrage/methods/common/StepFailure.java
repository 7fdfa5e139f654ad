package org.specrage.methods.common;

/**
 * A recoverable failure of one training step (rank-deficient batch output, NaN or infinite loss or
 * gradient). Thrown by a step before the optimiser has changed anything, caught by {@link Recovery}.
 */
public final class StepFailure extends Exception {
    public StepFailure(String message) {
        super(message, null, false, false);
    }
}
