/** The Siamese affinity network of SpectralNet: exact-kNN positives, random negatives, contrastive loss. */
package org.specrage.methods.siamese;
