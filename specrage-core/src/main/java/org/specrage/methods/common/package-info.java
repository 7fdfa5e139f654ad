/**
 * Pieces shared by the neural spectral methods.
 *
 * <ul>
 *   <li>{@link org.specrage.methods.common.EmbeddingModel}: what a fitted model offers (transform,
 *       predict with the stored k-means centroids, eigenvalues, save); load with
 *       {@link org.specrage.methods.Models#load}.</li>
 *   <li>{@link org.specrage.methods.common.TrainingListener}: per-stage and per-epoch events
 *       ({@link org.specrage.methods.common.EpochStats}, {@link org.specrage.methods.common.StageSummary})
 *       for progress bars and metrics logs.</li>
 *   <li>Training: {@link org.specrage.methods.common.TrainingOptions},
 *       {@link org.specrage.methods.common.EpochControl} (plateau schedule, early stopping, best
 *       parameters), {@link org.specrage.methods.common.Recovery} (failed steps: fresh batch, roll back
 *       and halve the learning rate, stop with {@link org.specrage.methods.common.TrainingFailedException}).</li>
 *   <li>Spectral pieces: {@link org.specrage.methods.common.BatchAffinity} (kNN Gaussian affinity of one
 *       batch), {@link org.specrage.methods.common.Orthonormalizer} (A = sqrt(m) L^-T, Cholesky or QR),
 *       {@link org.specrage.methods.common.FourierFeatures}.</li>
 *   <li>Inputs and files: {@link org.specrage.methods.common.InputPipeline} (scalers fitted on the
 *       training rows, stored in the model), {@link org.specrage.methods.common.NetworkIO},
 *       {@link org.specrage.methods.common.ModelFiles}, {@link org.specrage.methods.common.JsonOptions}
 *       (options from config files).</li>
 *   <li>What the three methods share: {@link org.specrage.methods.common.NeuralOptions} and
 *       {@link org.specrage.methods.common.NeuralOptionsBuilder} (with the single-network variants),
 *       {@link org.specrage.methods.common.OptionsJson}; {@link org.specrage.methods.common.NeuralModel}
 *       with {@link org.specrage.methods.common.ModelWriter}, {@link org.specrage.methods.common.ModelReader}
 *       and {@link org.specrage.methods.common.NetworkStack}; {@link org.specrage.methods.common.FitStages},
 *       {@link org.specrage.methods.common.InputStages}, {@link org.specrage.methods.common.MiniBatchLoop},
 *       {@link org.specrage.methods.common.OrthoBatches} and {@link org.specrage.methods.common.TrainingEmbedding}.</li>
 * </ul>
 */
package org.specrage.methods.common;
