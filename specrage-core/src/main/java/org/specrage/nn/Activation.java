package org.specrage.nn;

import org.specrage.tensor.Activations;
import org.specrage.tensor.Tensor;

/** The element-wise non-linearities an MLP can use between (or after) its linear layers. */
public enum Activation {
    IDENTITY, RELU, LEAKY_RELU, TANH, SIGMOID, SOFTPLUS;

    /** Slope of LEAKY_RELU for negative inputs (PyTorch's default). */
    public static final float LEAKY_SLOPE = 0.01f;

    public Tensor apply(Tensor x) {
        return switch (this) {
            case IDENTITY -> x;
            case RELU -> Activations.relu(x);
            case LEAKY_RELU -> Activations.leakyRelu(x, LEAKY_SLOPE);
            case TANH -> Activations.tanh(x);
            case SIGMOID -> Activations.sigmoid(x);
            case SOFTPLUS -> Activations.softplus(x);
        };
    }

    /** The weight initialisation suited to a layer followed by this activation. */
    public Init defaultInit() {
        return this == RELU || this == LEAKY_RELU ? Init.KAIMING_UNIFORM : Init.XAVIER_UNIFORM;
    }

    /** Parses "relu", "leaky_relu", "tanh", ... (case-insensitive, '-' or '_'). */
    public static Activation parse(String name) {
        String n = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        if (n.equals("NONE") || n.equals("LINEAR")) return IDENTITY;
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation '" + name + "' (identity, relu, leaky_relu, tanh, sigmoid, softplus)");
        }
    }
}
