/**
 * SpecRaGE, robust and generalisable multi-view spectral representation learning.
 *
 * <p>{@link org.specrage.methods.specrage.SpecRage#fit} trains on a {@link org.specrage.data.MultiViewData}
 * (any number of views, dense or sparse, of any widths) with {@link org.specrage.methods.specrage.SpecRageOptions}
 * and returns a {@link org.specrage.methods.specrage.SpecRageModel}: {@code transform} (embedding of new
 * multi-view samples), {@code predict} (nearest training centroid), {@code cluster} (k-means afresh on the
 * given rows, the evaluation protocol), {@code viewWeights} (each sample's fusion weights: which view the
 * model distrusts for which sample), {@code save} and {@code SpecRageModel.load} / {@code Models.load}.
 * Ablations: {@link org.specrage.methods.specrage.FusionMode#UNIFORM}, no Siamese net (the default),
 * no autoencoder (the default), a single view. The loss is
 * {@link org.specrage.methods.specrage.JointDiagonalizationLoss}.
 *
 * <p>{@link org.specrage.methods.specrage.experiments} holds the routines behind the benchmarks: the
 * 80/20 held-out protocol, the contamination sweep and the scale timing.
 */
package org.specrage.methods.specrage;
