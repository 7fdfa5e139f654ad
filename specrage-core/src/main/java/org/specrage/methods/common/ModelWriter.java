package org.specrage.methods.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.model.Manifest;
import org.specrage.model.ModelDirectory;
import org.specrage.nn.Activation;
import org.specrage.nn.Mlp;

/**
 * Collects a model directory before it is written: the manifest head every model shares
 * ({@link ModelFiles#head}), then "networks" (filled by {@link #putNetwork}), then the method's own
 * entries, and the weights of every network described.
 */
public final class ModelWriter {
    private final Map<String, Object> manifest;
    private final Map<String, Object> networks = Manifest.newObject();
    private final Map<String, FMatrix> weights = new LinkedHashMap<>();

    public ModelWriter(String method, NeuralOptions options, InputPipeline pipeline, int embeddingDim, DMatrix centroids,
                       List<StageSummary> stages) {
        this(method, options.seed(), options.toJson(), pipeline, embeddingDim, centroids, stages);
    }

    /** For models whose options are not {@link NeuralOptions} (the self-supervised encoders). */
    public ModelWriter(String method, long seed, Map<String, Object> options, InputPipeline pipeline, int embeddingDim,
                       DMatrix centroids, List<StageSummary> stages) {
        manifest = ModelFiles.head(method, seed, pipeline, embeddingDim, centroids, options, stages);
        manifest.put("networks", networks);
    }

    /** Adds the network's weights under the prefix and returns its manifest description. */
    public Map<String, Object> network(Mlp mlp, String prefix, Activation activation, Activation outputActivation) {
        NetworkIO.addWeights(weights, prefix, mlp);
        return NetworkIO.describe(mlp, activation, outputActivation);
    }

    /** Describes the network as "networks.name", its weights under the prefix. */
    public void putNetwork(String name, Mlp mlp, String prefix, Activation activation, Activation outputActivation) {
        networks.put(name, network(mlp, prefix, activation, outputActivation));
    }

    /** A list of network descriptions (from {@link #network}) as "networks.name". */
    public void putNetworks(String name, List<Object> descriptions) {
        networks.put(name, descriptions);
    }

    /** A named float array stored with the weights (read back by {@link ModelReader#array}). */
    public void putArray(String name, FMatrix values) {
        if (weights.containsKey(name)) throw new IllegalArgumentException("weight '" + name + "' is already stored");
        weights.put(name, values);
    }

    /** A method-specific manifest entry. */
    public void put(String key, Object value) {
        manifest.put(key, value);
    }

    public void write(Path dir) throws IOException {
        ModelDirectory.write(dir, manifest, weights);
    }
}
