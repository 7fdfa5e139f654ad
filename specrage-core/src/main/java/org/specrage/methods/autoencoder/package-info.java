/** A fully connected autoencoder whose code space the spectral methods can work in. */
package org.specrage.methods.autoencoder;
