/**
 * Float32 tensors (row-major matrices; vectors are 1 x n) with reverse-mode differentiation on a
 * {@link org.specrage.tensor.Tape}.
 *
 * <p>A training step: {@code tape.reset(); Tensor x = tape.inputRows(data, order, from, to);
 * Tensor loss = ...ops...; tape.backward(loss); optimizer.step(); optimizer.zeroGrad();}.
 * Op families: {@link org.specrage.tensor.Arithmetic} (broadcasting add/sub/mul/div, scalars),
 * {@link org.specrage.tensor.Activations}, {@link org.specrage.tensor.Reductions},
 * {@link org.specrage.tensor.Softmax}, {@link org.specrage.tensor.MatrixOps} (sgemm products, the
 * fused affine layer, transpose, pairwise distances), {@link org.specrage.tensor.RowOps} (gather,
 * scatter, slices, concatenation, masks, row normalisation) and {@link org.specrage.tensor.LinalgOps}
 * (Cholesky, triangular solve, QR, inverse, eigen; double inside).
 *
 * <p>Memory: results and their gradients come from the tape's pool, recycled by
 * {@code reset()}, so steps of the same shapes allocate no arrays (only a few small objects per
 * op). Threads: BLAS threads are fixed when OpenBLAS loads, by OPENBLAS_NUM_THREADS (or
 * OMP_NUM_THREADS) in the environment; the engine's own loops use
 * {@link org.specrage.util.Parallel#setThreads}. Element-wise loops are split freely and reductions
 * only across independent sums, so results do not depend on the engine thread count, and with one
 * BLAS thread a seeded run is bit-for-bit reproducible.
 */
package org.specrage.tensor;
