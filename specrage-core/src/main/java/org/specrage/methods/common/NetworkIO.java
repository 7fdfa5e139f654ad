package org.specrage.methods.common;

import java.util.Map;
import org.specrage.linalg.FMatrix;
import org.specrage.model.Manifest;
import org.specrage.model.ModelFormatException;
import org.specrage.nn.Activation;
import org.specrage.nn.Mlp;
import org.specrage.nn.Module;
import org.specrage.tensor.Tensor;

/**
 * Networks in a model directory: the manifest describes each MLP (layer sizes and activations) and
 * the weight file holds its parameters under a prefix ("spectral.0.weight", "encoder.2.bias").
 */
public final class NetworkIO {
    private NetworkIO() {
    }

    /** The manifest entry of an MLP. */
    public static Map<String, Object> describe(Mlp mlp, Activation activation, Activation outputActivation) {
        Map<String, Object> m = Manifest.newObject();
        m.put("sizes", mlp.sizes());
        m.put("activation", activation.name().toLowerCase(java.util.Locale.ROOT));
        m.put("output_activation", outputActivation.name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }

    /** Adds the module's parameters to the weight map under the prefix (values are copied). */
    public static void addWeights(Map<String, FMatrix> into, String prefix, Module module) {
        for (Map.Entry<String, Tensor> e : module.namedParameters().entrySet()) {
            into.put(prefix + e.getKey(), e.getValue().value().copy());
        }
    }

    /**
     * Rebuilds an MLP from its manifest entry and fills it from the weights under the prefix,
     * removing the entries it used from {@code weights}.
     */
    public static Mlp rebuild(Manifest description, Map<String, FMatrix> weights, String prefix) throws ModelFormatException {
        int[] sizes = description.ints("sizes");
        if (sizes.length < 2) throw new ModelFormatException("network '" + prefix + "' needs at least two layer sizes");
        for (int s : sizes) if (s < 1) throw new ModelFormatException("network '" + prefix + "' has a layer of size " + s);
        Activation activation, output;
        try {
            activation = Activation.parse(description.string("activation"));
            output = Activation.parse(description.string("output_activation"));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("network '" + prefix + "': " + e.getMessage());
        }
        Mlp mlp = Mlp.builder(sizes).activation(activation).outputActivation(output).build();
        for (Map.Entry<String, Tensor> e : mlp.namedParameters().entrySet()) {
            Tensor p = e.getValue();
            FMatrix value = take(weights, prefix + e.getKey(), p.rows, p.cols, "the network the manifest describes");
            System.arraycopy(value.data, 0, p.data(), 0, p.size());
        }
        return mlp;
    }

    /**
     * Removes the named array from the weights after checking that it is there, that it has the
     * shape `expected` (what the shape comes from) gives, and that its values are finite.
     */
    static FMatrix take(Map<String, FMatrix> weights, String name, int rows, int cols, String expected) throws ModelFormatException {
        FMatrix value = weights.remove(name);
        if (value == null) throw new ModelFormatException("the weight file lacks '" + name + "'");
        if (value.rows != rows || value.cols != cols) {
            throw new ModelFormatException("'" + name + "' is " + value.rows + " x " + value.cols + " in the weight file but "
                    + rows + " x " + cols + " in " + expected);
        }
        for (float v : value.data) if (!Float.isFinite(v)) throw new ModelFormatException("'" + name + "' holds a non-finite value");
        return value;
    }

    /** Fails if the weight file held parameters that no network used. */
    public static void requireAllUsed(Map<String, FMatrix> remaining) throws ModelFormatException {
        if (!remaining.isEmpty()) {
            throw new ModelFormatException("the weight file holds parameters the manifest does not describe: " + remaining.keySet());
        }
    }
}
