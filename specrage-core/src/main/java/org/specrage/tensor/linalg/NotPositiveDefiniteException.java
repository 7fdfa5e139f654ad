package org.specrage.tensor.linalg;

/**
 * A Cholesky factorisation met a pivot that is not (sufficiently) positive. Callers can catch it,
 * add diagonal jitter and retry (see {@link Cholesky#forwardWithJitter}).
 */
public class NotPositiveDefiniteException extends IllegalArgumentException {
    private final int pivotIndex;
    private final double pivotValue;

    public NotPositiveDefiniteException(String message, int pivotIndex, double pivotValue) {
        super(message);
        this.pivotIndex = pivotIndex;
        this.pivotValue = pivotValue;
    }

    /** Zero-based index of the failing pivot (the leading minor of order pivotIndex + 1 failed). */
    public int pivotIndex() {
        return pivotIndex;
    }

    /** The failing pivot: the Schur complement entry A_jj - sum_p L_jp^2, before the square root. */
    public double pivotValue() {
        return pivotValue;
    }
}
