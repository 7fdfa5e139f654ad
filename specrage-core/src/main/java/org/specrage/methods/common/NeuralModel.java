package org.specrage.methods.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.specrage.data.MultiViewData;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

/**
 * What the fitted neural models share: their options, input pipeline, k-means centroids and stage
 * summaries, and a final matrix (k x k: SpectralNet's and SpecRaGE's orthonormalisation A,
 * SpecNet2's recovery R) applied to the network output: transform(x) = output(x) M. Immutable.
 *
 * @param <O> the method's options
 */
public abstract class NeuralModel<O extends NeuralOptions> implements EmbeddingModel {
    private final String method;
    private final O options;
    private final InputPipeline pipeline;
    private final DMatrix outputMatrix;
    private final DMatrix centroids;
    private final List<StageSummary> stages;

    protected NeuralModel(String method, O options, InputPipeline pipeline, DMatrix outputMatrix, DMatrix centroids,
                          List<StageSummary> stages) {
        this.method = method;
        this.options = options;
        this.pipeline = pipeline;
        this.outputMatrix = outputMatrix.copy();
        this.centroids = centroids.copy();
        this.stages = List.copyOf(stages);
    }

    /** The networks' output for every row of the raw data, before the final matrix. */
    protected abstract FMatrix networkOutput(MultiViewData data);

    /** Adds the method's networks and entries to the model directory being written. */
    protected abstract void saveParts(ModelWriter out);

    @Override
    public FMatrix transform(MultiViewData data) {
        return ModelFiles.multiply(networkOutput(data), outputMatrix);
    }

    @Override
    public void save(Path dir) throws IOException {
        ModelWriter out = new ModelWriter(method, options, pipeline, embeddingDim(), centroids, stages);
        saveParts(out);
        out.write(dir);
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public int[] inputDims() {
        return pipeline.viewDims();
    }

    @Override
    public String[] inputViewNames() {
        return pipeline.viewNames();
    }

    protected InputPipeline pipeline() {
        return pipeline;
    }

    @Override
    public int embeddingDim() {
        return outputMatrix.cols;
    }

    @Override
    public int clusters() {
        return centroids.rows;
    }

    @Override
    public DMatrix centroids() {
        return centroids.copy();
    }

    /** The final matrix (a copy). */
    protected DMatrix outputMatrix() {
        return outputMatrix.copy();
    }

    @Override
    public long seed() {
        return options.seed();
    }

    /** The options the model was trained with. */
    protected O typedOptions() {
        return options;
    }

    @Override
    public Map<String, Object> options() {
        return options.toJson();
    }

    @Override
    public List<StageSummary> stages() {
        return stages;
    }
}
