package org.specrage.eigen;

/** An eigensolver failed: no convergence, or LAPACK/ARPACK reported an error (code in {@link #info()}). */
public final class EigenSolverException extends RuntimeException {
    private final int info;

    public EigenSolverException(String message, int info) {
        super(message);
        this.info = info;
    }

    /** The routine's INFO code (e.g. 1 for ARPACK's "maximum number of iterations taken"). */
    public int info() {
        return info;
    }
}
