package org.specrage.methods.common;

import java.util.Arrays;
import org.specrage.nn.Activation;
import org.specrage.nn.Mlp;

/**
 * The shape of an MLP apart from its input and output sizes: hidden layer sizes, the activation
 * between layers and the one after the last layer.
 */
public record NetworkSpec(int[] hidden, Activation activation, Activation outputActivation) implements JsonWritable {
    public NetworkSpec {
        if (hidden == null) throw new IllegalArgumentException("hidden layer sizes must not be null (use an empty array for none)");
        hidden = hidden.clone();
        for (int h : hidden) {
            if (h < 1) throw new IllegalArgumentException("hidden layer sizes must be positive, got " + Arrays.toString(hidden));
        }
        if (activation == null || outputActivation == null) throw new IllegalArgumentException("activations must not be null");
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** Layer sizes in -> hidden... -> out. */
    public int[] sizes(int in, int out) {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = in;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = out;
        return sizes;
    }

    public Mlp build(int in, int out, long seed) {
        return Mlp.builder(sizes(in, out)).activation(activation).outputActivation(outputActivation).seed(seed).build();
    }

    /** JSON-ready form: hidden, activation, output_activation. */
    public java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("hidden", hidden.clone());
        m.put("activation", activation.name().toLowerCase(java.util.Locale.ROOT));
        m.put("output_activation", outputActivation.name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }

    /** Reads {@link #toJson()}'s keys; absent keys keep the defaults' values. */
    public static NetworkSpec fromJson(JsonOptions json, NetworkSpec defaults) {
        if (json == null) return defaults;
        json.requireKnown(java.util.Set.of("hidden", "activation", "output_activation"));
        return new NetworkSpec(json.ints("hidden", defaults.hidden), json.activation("activation", defaults.activation),
                json.activation("output_activation", defaults.outputActivation));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec s && Arrays.equals(hidden, s.hidden) && activation == s.activation
                && outputActivation == s.outputActivation;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(hidden) + activation.hashCode()) + outputActivation.hashCode();
    }

    @Override
    public String toString() {
        return Arrays.toString(hidden) + " " + activation + " -> " + outputActivation;
    }
}
