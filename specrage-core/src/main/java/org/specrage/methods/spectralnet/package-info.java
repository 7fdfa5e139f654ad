/**
 * SpectralNet (Shaham et al., ICLR 2018): {@link org.specrage.methods.spectralnet.SpectralNet#fit}
 * with {@link org.specrage.methods.spectralnet.SpectralNetOptions} returns a
 * {@link org.specrage.methods.spectralnet.SpectralNetModel}. Affinities are built per batch (never
 * n x n), on the input, autoencoder codes or Siamese outputs; the orthonormalisation matrix comes
 * from a separate ortho batch, with the gradient through it or with it held constant.
 */
package org.specrage.methods.spectralnet;
