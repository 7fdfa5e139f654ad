package org.specrage.methods.ssl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.specrage.data.MultiViewData;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.ClusterCentroids;
import org.specrage.methods.common.EmbeddingModel;
import org.specrage.methods.common.Inference;
import org.specrage.methods.common.InputPipeline;
import org.specrage.methods.common.ModelReader;
import org.specrage.methods.common.ModelWriter;
import org.specrage.methods.common.StageSummary;
import org.specrage.model.Manifest;
import org.specrage.model.ModelDirectory;
import org.specrage.model.ModelFormatException;
import org.specrage.nn.Activation;
import org.specrage.nn.Mlp;

/**
 * A trained self-supervised encoder as an embedding model, so that {@code transform} and
 * {@code predict} work on it like on the spectral models: transform(x) = encoder(inputScale * x)
 * (the representation; the projector only served the loss and is not kept), predict(x) = the
 * nearest of the k-means centroids fitted on the training representations.
 *
 * <p>Manifest (besides {@link ModelDirectory}'s and the common head): {@code networks.encoder} and
 * {@code input_scale}; "method" is vicreg, simclr or barlow.
 */
public final class SslModel implements EmbeddingModel {
    private static final String ENCODER = "encoder";
    private final SslMethod method;
    private final Map<String, Object> options;
    private final long seed;
    private final InputPipeline pipeline;
    private final float inputScale;
    private final Mlp encoder;
    private final Activation activation;
    private final Activation outputActivation;
    private final DMatrix centroids;
    private final List<StageSummary> stages;

    private SslModel(SslMethod method, Map<String, Object> options, long seed, InputPipeline pipeline, float inputScale,
                     Mlp encoder, Activation activation, Activation outputActivation, DMatrix centroids, List<StageSummary> stages) {
        this.method = method;
        this.options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        this.seed = seed;
        this.pipeline = pipeline;
        this.inputScale = inputScale;
        this.encoder = encoder;
        this.activation = activation;
        this.outputActivation = outputActivation;
        this.centroids = centroids.copy();
        this.stages = List.copyOf(stages);
    }

    /**
     * The model of a trained encoder: k-means (with the given restarts) on the representations of
     * the training rows gives the centroids that {@link #predict} uses.
     */
    public static SslModel of(SslEncoder trained, SslOptions options, MultiViewData train, int clusters, int restarts) {
        if (train.viewCount() != 1) throw new IllegalArgumentException("a self-supervised encoder takes one view, got " + train.viewCount());
        return of(trained, options, train, trained.transform(train.view(0).dense()), clusters, restarts);
    }

    /** As {@link #of(SslEncoder, SslOptions, MultiViewData, int, int)}, given the training rows' representation already computed. */
    public static SslModel of(SslEncoder trained, SslOptions options, MultiViewData train, FMatrix representation, int clusters, int restarts) {
        if (train.viewCount() != 1) throw new IllegalArgumentException("a self-supervised encoder takes one view, got " + train.viewCount());
        if (representation.rows != train.rows()) throw new IllegalArgumentException("the representation has " + representation.rows + " rows for " + train.rows());
        InputPipeline pipeline = InputPipeline.fit(train, "none");
        Mlp encoder = trained.network().encoder();
        long start = System.nanoTime();
        DMatrix centroids = ClusterCentroids.fit(representation, clusters, restarts, options.seed()).centroids();
        double kmeansSeconds = (System.nanoTime() - start) / 1e9;
        // with a projector on top, the representation is taken after the encoder's last non-linearity (see SslNetwork)
        Activation output = options.projectorSizes().length > 0 ? options.activation() : Activation.IDENTITY;
        return new SslModel(options.method(), optionsJson(options), options.seed(), pipeline, trained.inputScale(), encoder,
                options.activation(), output, centroids, List.of(trainingStage(trained.history(), options.epochs()),
                StageSummary.untrained("k-means", kmeansSeconds)));
    }

    private static StageSummary trainingStage(SslTrainingHistory h, int epochs) {
        double[] losses = h.epochLosses();
        double last = losses.length > 0 ? losses[losses.length - 1] : Double.NaN;
        String stop = h.stoppedByTimeLimit() ? "time limit" : "max epochs";
        return new StageSummary("encoder", Math.min(losses.length, epochs), h.samplesSeen(), h.seconds(),
                h.seconds() > 0 ? h.samplesSeen() / h.seconds() : Double.NaN, last, last, 0, stop);
    }

    private static Map<String, Object> optionsJson(SslOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", o.method().cliName());
        m.put("loss", SslExperiments.describe(o.effectiveLoss()));
        m.put("encoder_sizes", o.encoderSizes());
        m.put("projector_sizes", o.projectorSizes());
        m.put("activation", o.activation().name().toLowerCase(Locale.ROOT));
        m.put("batch_size", o.batchSize());
        m.put("epochs", o.epochs());
        m.put("learning_rate", o.learningRate());
        m.put("weight_decay", o.weightDecay());
        m.put("max_seconds", o.maxSeconds());
        m.put("input_scale", (double) o.inputScale());
        m.put("seed", o.seed());
        return m;
    }

    @Override
    public String method() {
        return method.cliName();
    }

    @Override
    public int[] inputDims() {
        return pipeline.viewDims();
    }

    @Override
    public String[] inputViewNames() {
        return pipeline.viewNames();
    }

    @Override
    public int embeddingDim() {
        return encoder.outputSize();
    }

    @Override
    public int clusters() {
        return centroids.rows;
    }

    @Override
    public FMatrix transform(MultiViewData data) {
        FMatrix x = pipeline.features(data);
        if (x.rows == 0) return new FMatrix(0, embeddingDim());
        FMatrix scaled = new FMatrix(x.rows, x.cols);
        for (int i = 0; i < x.data.length; i++) scaled.data[i] = x.data[i] * inputScale;
        return Inference.apply(encoder, scaled);
    }

    @Override
    public DMatrix centroids() {
        return centroids.copy();
    }

    @Override
    public Optional<double[]> eigenvalues() {
        return Optional.empty();
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Map<String, Object> options() {
        return options;
    }

    @Override
    public List<StageSummary> stages() {
        return stages;
    }

    public float inputScale() {
        return inputScale;
    }

    @Override
    public void save(Path dir) throws IOException {
        ModelWriter out = new ModelWriter(method(), seed, options, pipeline, embeddingDim(), centroids, stages);
        out.putNetwork(ENCODER, encoder, ENCODER + ".", activation, outputActivation);
        out.put("input_scale", (double) inputScale);
        out.write(dir);
    }

    /** Whether a manifest's "method" names a self-supervised encoder. */
    public static boolean isSslMethod(String name) {
        for (SslMethod m : SslMethod.values()) if (m.cliName().equals(name)) return true;
        return false;
    }

    /** Rebuilds a model from a directory read by {@link ModelDirectory#read}; checks every dimension. */
    public static SslModel load(ModelDirectory.Stored stored) throws ModelFormatException {
        String name = stored.manifest().string("method");
        if (!isSslMethod(name)) throw new ModelFormatException("not a self-supervised encoder: method is " + name);
        ModelReader in = new ModelReader(stored, name);
        Manifest m = in.manifest();
        InputPipeline pipeline = in.pipeline();
        Manifest description = in.networks().object(ENCODER);
        Mlp encoder = in.network(description, ENCODER + ".");
        in.requireAllWeightsUsed();
        if (encoder.inputSize() != pipeline.inputDim()) {
            throw new ModelFormatException("the encoder takes " + encoder.inputSize() + " columns but the input has " + pipeline.inputDim());
        }
        double scale = m.number("input_scale");
        if (!(scale > 0) || Double.isInfinite(scale)) throw new ModelFormatException("input_scale must be positive, got " + scale);
        // rebuild() has parsed both activations already
        Activation activation = Activation.parse(description.string("activation"));
        Activation output = Activation.parse(description.string("output_activation"));
        return new SslModel(SslMethod.parse(name), m.object("options").values(), m.integer("seed"), pipeline, (float) scale,
                encoder, activation, output, in.centroids(encoder.outputSize()), in.stages());
    }

    public static SslModel load(Path dir) throws IOException {
        return load(ModelDirectory.read(dir));
    }
}
