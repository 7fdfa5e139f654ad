/**
 * SpecRaGE, robust and generalisable multi-view spectral representation learning.
 *
 * <p>{@link org.specrage.methods.specrage.SpecRage#fit} trains on a {@link org.specrage.data.MultiViewData}
 * (any number of views, dense or sparse, of any widths) with {@link org.specrage.methods.specrage.SpecRageOptions}
 * and returns a {@link org.specrage.methods.specrage.SpecRageModel}: {@code transform} (embedding of new
 * multi-view samples), {@code predict} (nearest training centroid), {@code cluster} (k-means afresh on the
 * given rows, the evaluation protocol), {@code viewWeights} (each sample's fusion weights: which view the
 * model distrusts for which sample), {@code distrustedViews} (the view-consistency gate's verdicts),
 * {@code save} and {@code SpecRageModel.load} / {@code Models.load}.
 * Ablations: {@link org.specrage.methods.specrage.FusionMode#UNIFORM}, no Siamese net (the default),
 * no autoencoder (the default), a single view. The loss is
 * {@link org.specrage.methods.specrage.JointDiagonalizationLoss}, in the form chosen by
 * {@link org.specrage.methods.specrage.AffinityNormalization}: by default the normalised Laplacian of
 * each fusion-weighted view affinity (the reference's unnormalised form is NONE).
 *
 * <p>Three choices depart from the reference implementation, each measured against the exact
 * eigensolver on the same graphs (bench/results/specrage/README.md):
 * <ul>
 *   <li>the normalised Laplacian: the exact minimiser of the unnormalised form clusters handwritten
 *       (views 0, 2) at 0.85 and MNIST_USPS at 0.89, that of the normalised form at 0.95 and 0.99;</li>
 *   <li>per-batch neighbours scaled by m/n ({@code batchNeighbors}): 30 neighbours inside a batch of a
 *       quarter of the data are the data set's 120 nearest, a graph whose exact embedding clusters
 *       MNIST_USPS at 0.84 instead of 0.99;</li>
 *   <li>k + p learned columns and a Rayleigh-Ritz rotation ({@link org.specrage.methods.specrage.RitzRotation}):
 *       with exactly k columns the last direction often settles on a wrong eigenvector (largest
 *       principal-angle sine 0.99 against the exact bottom-k subspace on one handwritten seed).</li>
 * </ul>
 *
 * <p>Contamination ({@code consistencyPenalty} above 0): {@link org.specrage.methods.specrage.ViewConsistency}
 * marks, per view, the training rows whose clusters no other view supports; training drops their
 * affinities in that view and charges the fusion weight they put on it; the model keeps the clusters'
 * centroids as a {@link org.specrage.methods.specrage.ViewGate}, and a row (training or new) that the gate
 * distrusts in a view is embedded from its other views by ridge maps to the fused output
 * ({@link org.specrage.methods.specrage.SingleViewHeads}).
 *
 * <p>{@link org.specrage.methods.specrage.experiments} holds the routines behind the benchmarks: the
 * 80/20 held-out protocol, the contamination sweep and the scale timing.
 */
package org.specrage.methods.specrage;
