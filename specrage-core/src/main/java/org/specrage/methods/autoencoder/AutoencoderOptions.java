package org.specrage.methods.autoencoder;

import java.util.Map;
import java.util.Set;
import org.specrage.methods.common.JsonOptions;
import org.specrage.methods.common.JsonWritable;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.nn.Activation;

/**
 * Options of the autoencoder whose code space the spectral methods can run on.
 *
 * @param hidden     encoder hidden sizes (default 512-512-2048, the reference's); the decoder mirrors them
 * @param codeDim    code size (default 10)
 * @param activation between layers (default ReLU); code and reconstruction are linear
 * @param training   default 40 epochs, batch 256, lr 1e-3, plateau factor 0.1 after 5 epochs, early stopping after 10, 10% validation
 */
public record AutoencoderOptions(int[] hidden, int codeDim, Activation activation, TrainingOptions training) implements JsonWritable {
    public AutoencoderOptions {
        if (hidden == null || training == null || activation == null) throw new IllegalArgumentException("autoencoder options must not be null");
        hidden = hidden.clone();
        for (int h : hidden) if (h < 1) throw new IllegalArgumentException("autoencoder hidden sizes must be positive, got " + java.util.Arrays.toString(hidden));
        if (codeDim < 1) throw new IllegalArgumentException("autoencoder code dimension must be at least 1, got " + codeDim);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    public static AutoencoderOptions defaults() {
        return new AutoencoderOptions(new int[] {512, 512, 2048}, 10, Activation.RELU, new TrainingOptions(40, 256, 1e-3, 0.1, 5, 1e-7, 10, 0.1, 5));
    }

    public AutoencoderOptions withHidden(int... value) {
        return new AutoencoderOptions(value, codeDim, activation, training);
    }

    public AutoencoderOptions withCodeDim(int value) {
        return new AutoencoderOptions(hidden, value, activation, training);
    }

    public AutoencoderOptions withTraining(TrainingOptions value) {
        return new AutoencoderOptions(hidden, codeDim, activation, value);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("hidden", hidden.clone());
        m.put("code_dim", codeDim);
        m.put("activation", activation.name().toLowerCase(java.util.Locale.ROOT));
        m.put("training", training.toJson());
        return m;
    }

    public static AutoencoderOptions fromJson(JsonOptions json) {
        AutoencoderOptions d = defaults();
        if (json == null) return d;
        json.requireKnown(Set.of("hidden", "code_dim", "activation", "training"));
        return new AutoencoderOptions(json.ints("hidden", d.hidden), json.integer("code_dim", d.codeDim),
                json.activation("activation", d.activation), TrainingOptions.fromJson(json.object("training"), d.training));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutoencoderOptions a && java.util.Arrays.equals(hidden, a.hidden) && codeDim == a.codeDim
                && activation == a.activation && training.equals(a.training);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(hidden) * 31 + codeDim;
    }
}
