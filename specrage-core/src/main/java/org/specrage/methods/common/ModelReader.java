package org.specrage.methods.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.model.Manifest;
import org.specrage.model.ModelDirectory;
import org.specrage.model.ModelFormatException;
import org.specrage.nn.Mlp;

/**
 * Reads a stored model directory back: the entries every model has, and its networks, each checked;
 * the weights a network takes are crossed off so {@link #requireAllWeightsUsed} finds strays.
 */
public final class ModelReader {
    private final Manifest manifest;
    private final Map<String, FMatrix> weights;

    /** Fails unless the directory holds a model of the given method. */
    public ModelReader(ModelDirectory.Stored stored, String method) throws ModelFormatException {
        this.manifest = stored.manifest();
        if (!method.equals(manifest.string("method"))) {
            throw new ModelFormatException("not a " + method + " model: method is " + manifest.string("method"));
        }
        this.weights = new LinkedHashMap<>(stored.weights());
    }

    public Manifest manifest() {
        return manifest;
    }

    /**
     * The "options" entry read by the method's fromJson(values); invalid values are format errors, and
     * so are an options "k" or "embedding_dim" that disagree with the manifest's "clusters" and
     * "embedding_dim" (the same facts stored twice: an edit to one copy would go unnoticed).
     */
    public <O> O options(Function<Map<String, Object>, O> fromJson) throws ModelFormatException {
        Manifest options = manifest.object("options");
        O parsed;
        try {
            parsed = fromJson.apply(options.values());
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the model's options are invalid: " + e.getMessage());
        }
        requireSame(options, "k", "clusters");
        requireSame(options, "embedding_dim", "embedding_dim");
        return parsed;
    }

    private void requireSame(Manifest options, String optionKey, String manifestKey) throws ModelFormatException {
        if (!options.has(optionKey)) return;
        int inOptions = options.smallInt(optionKey), stored = manifest.smallInt(manifestKey);
        if (inOptions != stored) {
            throw new ModelFormatException("the model's options give " + optionKey + " = " + inOptions + " but the manifest's \""
                    + manifestKey + "\" is " + stored + " (an edited manifest?)");
        }
    }

    /** The input pipeline, checked against "input_dims". */
    public InputPipeline pipeline() throws ModelFormatException {
        return ModelFiles.pipeline(manifest);
    }

    /** The "networks" entry. */
    public Manifest networks() throws ModelFormatException {
        return manifest.object("networks");
    }

    /** The network a description (from {@link #networks()}) gives, filled from the weights under the prefix. */
    public Mlp network(Manifest description, String prefix) throws ModelFormatException {
        return NetworkIO.rebuild(description, weights, prefix);
    }

    /** A float array stored by {@link ModelWriter#putArray}, checked for its shape and finite values. */
    public FMatrix array(String name, int rows, int cols) throws ModelFormatException {
        return NetworkIO.take(weights, name, rows, cols, "the model the manifest describes");
    }

    /** Fails if the weight file held parameters that no network took. */
    public void requireAllWeightsUsed() throws ModelFormatException {
        NetworkIO.requireAllUsed(weights);
    }

    /** The k-means centroids (clusters x embeddingDim, at least one cluster). */
    public DMatrix centroids(int embeddingDim) throws ModelFormatException {
        int k = manifest.smallInt("clusters");
        if (k < 1) throw new ModelFormatException("the model has " + k + " clusters");
        return ModelFiles.finiteMatrix(manifest, "centroids", k, embeddingDim);
    }

    public List<StageSummary> stages() throws ModelFormatException {
        return ModelFiles.stages(manifest);
    }
}
