package org.specrage.methods.spectralnet;

/** The space in which SpectralNet's per-batch affinities are computed. */
public enum AffinitySpace {
    /** The network's input: the scaled features, or the autoencoder codes when an autoencoder is used. */
    INPUT,
    /** The output of a Siamese net trained on the network's input. */
    SIAMESE
}
