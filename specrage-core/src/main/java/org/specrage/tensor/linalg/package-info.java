/**
 * Differentiable small dense factorisations in float64 (Cholesky, triangular solve, thin QR, inverse,
 * symmetric and generalised symmetric eigen). Every op is a pure function with a {@code forward} and a
 * {@code backward} (vector-Jacobian product: given forward's inputs/outputs and the upstream gradient,
 * return the gradient with respect to the inputs), so an autodiff tape can wrap them as operations.
 * A {@code null} upstream gradient means zero. Ops that read only part of an input (a triangle, or the
 * symmetric part) return gradients that are exact for that reading, so they can be checked with
 * unrestricted finite differences.
 */
package org.specrage.tensor.linalg;
