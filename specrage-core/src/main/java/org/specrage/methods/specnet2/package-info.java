/**
 * SpecNet2 (Chen, Li and Cheng, MSML 2022): {@link org.specrage.methods.specnet2.SpecNet2#fit} with
 * {@link org.specrage.methods.specnet2.SpecNet2Options} returns a
 * {@link org.specrage.methods.specnet2.SpecNet2Model} whose eigenvalues and eigenvectors come from the
 * Rayleigh-Ritz step on the learned span. The training graph is the exact kNN graph of the training
 * rows (sparse, n K entries), or an affinity the caller gives.
 */
package org.specrage.methods.specnet2;
