/**
 * Contrastive and non-contrastive self-supervised learning as spectral embedding (Balestriero and
 * LeCun, NeurIPS 2022).
 *
 * <p><b>Relations.</b> G is N x N, sparse, symmetric, non-negative with a zero diagonal:
 * {@link org.specrage.methods.ssl.Relations} builds it from views of a sample, kNN graphs, labels
 * or edge lists ({@link org.specrage.methods.ssl.EdgeListReader}); a
 * {@link org.specrage.methods.ssl.RelationBatch} is G among the rows of one batch.
 *
 * <p><b>Losses.</b> {@link org.specrage.methods.ssl.SslLoss} is one interface over the engine's
 * tape: {@link org.specrage.methods.ssl.VicRegLoss}, {@link org.specrage.methods.ssl.InfoNceLoss}
 * (SimCLR), {@link org.specrage.methods.ssl.BarlowTwinsLoss} and
 * {@link org.specrage.methods.ssl.SpectralNetLoss}.
 *
 * <p><b>Closed forms.</b> {@link org.specrage.methods.ssl.ClosedForms}: Laplacian eigenmaps
 * (VICReg), the SpectralNet optimum, the degree-weighted variant, the top eigenvectors of G
 * (SimCLR, BarlowTwins) and locality preserving projections (linear VICReg).
 *
 * <p><b>Experiments.</b> {@link org.specrage.methods.ssl.FreeEmbedding} optimises a loss over a
 * free Z or a linear Z = X W; {@link org.specrage.methods.ssl.SslExperiments} compares the result
 * with the closed form by principal angles, or measures its rank; {@link org.specrage.methods.ssl.SslCheck}
 * runs them all for {@code specrage ssl-check} and returns an {@link org.specrage.methods.ssl.SslCheckReport}.
 *
 * <p><b>Encoders.</b> {@link org.specrage.methods.ssl.SslTrainer} trains an MLP
 * ({@link org.specrage.methods.ssl.SslNetwork}) on two augmented views per image
 * ({@link org.specrage.data.augment}) with a chosen {@link org.specrage.methods.ssl.SslMethod};
 * {@link org.specrage.methods.ssl.SslEvaluation} scores the representation with a
 * {@link org.specrage.methods.ssl.LinearProbe} fitted on training rows only and with k-means.
 */
package org.specrage.methods.ssl;
