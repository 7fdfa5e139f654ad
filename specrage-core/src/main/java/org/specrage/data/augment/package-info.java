/**
 * Seeded image augmentations for rows that hold single-channel images (Fashion-MNIST: 28 x 28):
 * {@link org.specrage.data.augment.RandomResizedCrop} (bilinear), {@link org.specrage.data.augment.RandomRotation},
 * {@link org.specrage.data.augment.GaussianNoise}, {@link org.specrage.data.augment.HorizontalFlip}, composed by
 * {@link org.specrage.data.augment.AugmentationPipeline}, whose batch method gives every output row its own
 * random stream so results do not depend on the thread count.
 */
package org.specrage.data.augment;
