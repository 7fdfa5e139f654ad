package org.specrage.methods.common;

/**
 * Training could not continue: repeated failed steps (rank-deficient batch output, non-finite loss
 * or gradient) survived every recovery. The message says what failed and what to try.
 */
public class TrainingFailedException extends RuntimeException {
    public TrainingFailedException(String message) {
        super(message);
    }
}
