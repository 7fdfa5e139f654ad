package org.specrage.methods.common;

/**
 * One epoch of a training stage.
 *
 * @param epoch            zero-based epoch index
 * @param maxEpochs        the stage's epoch limit
 * @param loss             mean training loss over the epoch's steps
 * @param validationLoss   loss on the validation rows, NaN when the stage has none
 * @param learningRate     learning rate at the end of the epoch
 * @param samples          samples (or pairs) processed in the epoch
 * @param seconds          wall time of the epoch
 * @param samplesPerSecond samples / seconds
 */
public record EpochStats(String stage, int epoch, int maxEpochs, double loss, double validationLoss,
                         double learningRate, long samples, double seconds, double samplesPerSecond) {
}
