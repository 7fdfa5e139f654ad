package org.specrage.tensor.linalg;

/** A matrix that must be inverted or solved with is singular (exactly or to working precision). */
public class SingularMatrixException extends IllegalArgumentException {
    public SingularMatrixException(String message) {
        super(message);
    }
}
