package org.specrage.methods.common;

/** How SpectralNet's orthonormalisation matrix A = sqrt(m) L^-T is obtained from a batch output Y~. */
public enum OrthoMethod {
    /** Cholesky of Y~^T Y~ = L L^T, with a diagonal jitter fallback when it is not positive definite. */
    CHOLESKY,
    /** Thin QR of Y~ with canonical signs (R_ii >= 0), so L = R^T; better conditioned, same A. */
    QR
}
