package org.specrage.methods.ssl;

import java.util.Arrays;
import org.specrage.data.augment.AugmentationPipeline;
import org.specrage.nn.Activation;

/**
 * Settings of {@link SslTrainer}: an MLP encoder (input -> encoderSizes, the last size is the
 * representation), an MLP projector on top (projectorSizes; empty for none) whose output the loss
 * sees, two augmented views per sample, Adam with linear warm-up and cosine decay.
 *
 * @param method        the loss family (used when {@code loss} is null)
 * @param loss          an explicit loss, or null for {@code method.defaultLoss(output size)}
 * @param encoderSizes  hidden and representation sizes of the encoder
 * @param projectorSizes sizes of the projector layers after the representation (may be empty)
 * @param activation    non-linearity between layers (the representation and output are linear)
 * @param batchSize     samples per step (the step sees 2 x batchSize augmented rows)
 * @param epochs        passes over the training rows
 * @param learningRate  Adam's peak learning rate
 * @param weightDecay   decoupled weight decay (AdamW), 0 for none
 * @param maxSeconds    stop training after this wall time (0: no limit)
 * @param inputScale    multiplies the raw inputs first (1/255 for 8-bit pixels)
 * @param augmentation  the view generator, or null for {@link AugmentationPipeline#defaultsFor} the square image shape
 * @param seed          drives initialisation, batches and augmentations
 */
public record SslOptions(SslMethod method, SslLoss loss, int[] encoderSizes, int[] projectorSizes, Activation activation,
                         int batchSize, int epochs, double learningRate, double weightDecay, double maxSeconds,
                         float inputScale, AugmentationPipeline augmentation, long seed) {
    public SslOptions {
        if (method == null) throw new IllegalArgumentException("method must be given");
        encoderSizes = encoderSizes.clone();
        projectorSizes = projectorSizes.clone();
        if (encoderSizes.length == 0) throw new IllegalArgumentException("the encoder needs at least one layer size");
        for (int s : encoderSizes) if (s < 1) throw new IllegalArgumentException("encoder sizes must be positive: " + Arrays.toString(encoderSizes));
        for (int s : projectorSizes) if (s < 1) throw new IllegalArgumentException("projector sizes must be positive: " + Arrays.toString(projectorSizes));
        if (batchSize < 2) throw new IllegalArgumentException("batch size must be at least 2, got " + batchSize);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        LossTerms.requirePositive("learning rate", learningRate);
        LossTerms.requireNonNegative("weight decay", weightDecay);
        LossTerms.requireNonNegative("time limit", maxSeconds);
        if (!(inputScale > 0) || Float.isInfinite(inputScale)) throw new IllegalArgumentException("input scale must be positive, got " + inputScale);
    }

    /**
     * Defaults for 8-bit images: encoder 1024-512 (ReLU), projector 1024-256, batch 256, 20 epochs,
     * Adam 1e-3 without weight decay, no time limit, pixels scaled by 1/255, default augmentations, seed 0.
     */
    public static SslOptions defaults(SslMethod method) {
        return new SslOptions(method, null, new int[] {1024, 512}, new int[] {1024, 256}, Activation.RELU, 256, 20, 1e-3,
                0, 0, 1f / 255, null, 0);
    }

    /** Size of the loss's input: the last projector size, or the representation size. */
    public int outputSize() {
        return projectorSizes.length > 0 ? projectorSizes[projectorSizes.length - 1] : representationSize();
    }

    public int representationSize() {
        return encoderSizes[encoderSizes.length - 1];
    }

    /** The loss the trainer uses. */
    public SslLoss effectiveLoss() {
        return loss != null ? loss : method.defaultLoss(outputSize());
    }

    public SslOptions withLoss(SslLoss value) {
        return new SslOptions(method, value, encoderSizes, projectorSizes, activation, batchSize, epochs, learningRate, weightDecay, maxSeconds, inputScale, augmentation, seed);
    }

    public SslOptions withEncoderSizes(int... value) {
        return new SslOptions(method, loss, value, projectorSizes, activation, batchSize, epochs, learningRate, weightDecay, maxSeconds, inputScale, augmentation, seed);
    }

    public SslOptions withProjectorSizes(int... value) {
        return new SslOptions(method, loss, encoderSizes, value, activation, batchSize, epochs, learningRate, weightDecay, maxSeconds, inputScale, augmentation, seed);
    }

    public SslOptions withActivation(Activation value) {
        return new SslOptions(method, loss, encoderSizes, projectorSizes, value, batchSize, epochs, learningRate, weightDecay, maxSeconds, inputScale, augmentation, seed);
    }

    public SslOptions withBatchSize(int value) {
        return new SslOptions(method, loss, encoderSizes, projectorSizes, activation, value, epochs, learningRate, weightDecay, maxSeconds, inputScale, augmentation, seed);
    }

    public SslOptions withEpochs(int value) {
        return new SslOptions(method, loss, encoderSizes, projectorSizes, activation, batchSize, value, learningRate, weightDecay, maxSeconds, inputScale, augmentation, seed);
    }

    public SslOptions withLearningRate(double value) {
        return new SslOptions(method, loss, encoderSizes, projectorSizes, activation, batchSize, epochs, value, weightDecay, maxSeconds, inputScale, augmentation, seed);
    }

    public SslOptions withWeightDecay(double value) {
        return new SslOptions(method, loss, encoderSizes, projectorSizes, activation, batchSize, epochs, learningRate, value, maxSeconds, inputScale, augmentation, seed);
    }

    public SslOptions withMaxSeconds(double value) {
        return new SslOptions(method, loss, encoderSizes, projectorSizes, activation, batchSize, epochs, learningRate, weightDecay, value, inputScale, augmentation, seed);
    }

    public SslOptions withInputScale(float value) {
        return new SslOptions(method, loss, encoderSizes, projectorSizes, activation, batchSize, epochs, learningRate, weightDecay, maxSeconds, value, augmentation, seed);
    }

    public SslOptions withAugmentation(AugmentationPipeline value) {
        return new SslOptions(method, loss, encoderSizes, projectorSizes, activation, batchSize, epochs, learningRate, weightDecay, maxSeconds, inputScale, value, seed);
    }

    public SslOptions withSeed(long value) {
        return new SslOptions(method, loss, encoderSizes, projectorSizes, activation, batchSize, epochs, learningRate, weightDecay, maxSeconds, inputScale, augmentation, value);
    }

    @Override
    public int[] encoderSizes() {
        return encoderSizes.clone();
    }

    @Override
    public int[] projectorSizes() {
        return projectorSizes.clone();
    }
}
