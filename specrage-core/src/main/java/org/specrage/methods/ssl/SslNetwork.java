package org.specrage.methods.ssl;

import org.specrage.nn.Activation;
import org.specrage.nn.Layer;
import org.specrage.nn.Mlp;
import org.specrage.tensor.Tensor;

/**
 * Encoder plus optional projector, as one module (parameters "encoder.*" and "projector.*", for
 * {@link org.specrage.nn.ParameterFile}). With a projector the representation is the encoder's
 * activated last layer (as a ResNet's pooled features) and the projector ends linear; without one
 * the encoder ends linear.
 */
public final class SslNetwork extends Layer {
    private final Mlp encoder;
    private final Mlp projector;

    /** Builds the layers for inputs of {@code inputSize} columns, initialised from {@code seed}. */
    public SslNetwork(int inputSize, int[] encoderSizes, int[] projectorSizes, Activation activation, long seed) {
        int[] enc = new int[encoderSizes.length + 1];
        enc[0] = inputSize;
        System.arraycopy(encoderSizes, 0, enc, 1, encoderSizes.length);
        boolean hasProjector = projectorSizes.length > 0;
        this.encoder = addModule("encoder", Mlp.builder(enc).activation(activation)
                .outputActivation(hasProjector ? activation : Activation.IDENTITY).seed(seed).build());
        if (hasProjector) {
            int[] proj = new int[projectorSizes.length + 1];
            proj[0] = encoderSizes[encoderSizes.length - 1];
            System.arraycopy(projectorSizes, 0, proj, 1, projectorSizes.length);
            this.projector = addModule("projector", Mlp.builder(proj).activation(activation).outputActivation(Activation.IDENTITY)
                    .seed(seed + 1).build());
        } else {
            this.projector = null;
        }
    }

    /** The representation (encoder output). */
    public Tensor represent(Tensor input) {
        return encoder.forward(input);
    }

    /** The loss's input: the projector applied to the representation (or the representation itself). */
    @Override
    public Tensor forward(Tensor input) {
        Tensor h = encoder.forward(input);
        return projector == null ? h : projector.forward(h);
    }

    public Mlp encoder() {
        return encoder;
    }

    /** The projector, or null. */
    public Mlp projector() {
        return projector;
    }

    public int inputSize() {
        return encoder.inputSize();
    }

    public int representationSize() {
        return encoder.outputSize();
    }
}
