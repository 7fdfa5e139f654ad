package org.specrage.methods.spectralnet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.specrage.data.MultiViewData;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.EmbeddingModel;
import org.specrage.methods.common.FourierFeatures;
import org.specrage.methods.common.Inference;
import org.specrage.methods.common.InputPipeline;
import org.specrage.methods.common.ModelFiles;
import org.specrage.methods.common.NetworkIO;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.autoencoder.AutoencoderOptions;
import org.specrage.model.Manifest;
import org.specrage.model.ModelDirectory;
import org.specrage.model.ModelFormatException;
import org.specrage.nn.Activation;
import org.specrage.nn.Mlp;

/**
 * A fitted SpectralNet: scalers, optional encoder, the spectral network, the orthonormalisation
 * matrix A and the k-means centroids. transform(x) = net(fourier(encoder(scale(x)))) A (encoder and
 * Fourier features when used). Immutable: the
 * networks are private and only run forward.
 *
 * <p>Manifest (besides {@link ModelDirectory}'s and {@link ModelFiles#head}'s entries):
 * {@code networks.spectral} and optionally {@code networks.encoder} (sizes, activations; weights
 * under "spectral." and "encoder."), {@code ortho_matrix} (embedding_dim x embedding_dim) and
 * {@code sigma} (the fixed bandwidth used, 0 when per batch) and, with Fourier features,
 * {@code fourier_frequencies} (count x network-input columns).
 */
public final class SpectralNetModel implements EmbeddingModel {
    public static final String METHOD = "spectralnet";
    private final SpectralNetOptions options;
    private final InputPipeline pipeline;
    private final Mlp encoder;
    private final FourierFeatures fourier;
    private final Mlp net;
    private final DMatrix ortho;
    private final DMatrix centroids;
    private final List<StageSummary> stages;
    private final double sigma;

    SpectralNetModel(SpectralNetOptions options, InputPipeline pipeline, Mlp encoder, FourierFeatures fourier, Mlp net, DMatrix ortho,
                     DMatrix centroids, List<StageSummary> stages, double sigma) {
        this.options = options;
        this.pipeline = pipeline;
        this.encoder = encoder;
        this.fourier = fourier;
        this.net = net;
        this.ortho = ortho.copy();
        this.centroids = centroids.copy();
        this.stages = List.copyOf(stages);
        this.sigma = sigma;
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public int[] inputDims() {
        return pipeline.viewDims();
    }

    @Override
    public int embeddingDim() {
        return ortho.cols;
    }

    @Override
    public int clusters() {
        return centroids.rows;
    }

    @Override
    public FMatrix transform(MultiViewData data) {
        FMatrix x = pipeline.features(data);
        if (encoder != null) x = Inference.apply(encoder, x);
        if (fourier != null) x = fourier.apply(x);
        return ModelFiles.multiply(Inference.apply(net, x), ortho);
    }

    @Override
    public DMatrix centroids() {
        return centroids.copy();
    }

    /** The orthonormalisation matrix A (a copy). */
    public DMatrix orthoMatrix() {
        return ortho.copy();
    }

    @Override
    public Optional<double[]> eigenvalues() {
        return Optional.empty();
    }

    @Override
    public long seed() {
        return options.seed();
    }

    public SpectralNetOptions spectralNetOptions() {
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

    @Override
    public void save(Path dir) throws IOException {
        Map<String, Object> m = ModelFiles.head(METHOD, options.seed(), pipeline, embeddingDim(), centroids, options.toJson(), stages);
        Map<String, Object> networks = Manifest.newObject();
        Map<String, org.specrage.linalg.FMatrix> weights = new LinkedHashMap<>();
        if (encoder != null) {
            AutoencoderOptions ae = options.autoencoder();
            networks.put("encoder", NetworkIO.describe(encoder, ae.activation(), Activation.IDENTITY));
            NetworkIO.addWeights(weights, "encoder.", encoder);
        }
        networks.put("spectral", NetworkIO.describe(net, options.network().activation(), options.network().outputActivation()));
        NetworkIO.addWeights(weights, "spectral.", net);
        m.put("networks", networks);
        if (fourier != null) m.put("fourier_frequencies", fourier.toJson());
        m.put("ortho_matrix", Manifest.matrix(ortho));
        m.put("sigma", sigma);
        ModelDirectory.write(dir, m, weights);
    }

    /** Rebuilds a model from a directory read by {@link ModelDirectory#read}; checks every dimension. */
    public static SpectralNetModel load(ModelDirectory.Stored stored) throws ModelFormatException {
        Manifest m = stored.manifest();
        if (!METHOD.equals(m.string("method"))) throw new ModelFormatException("not a " + METHOD + " model: method is " + m.string("method"));
        SpectralNetOptions options;
        try {
            options = SpectralNetOptions.fromJson(m.object("options").values(), -1);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the model's options are invalid: " + e.getMessage());
        }
        InputPipeline pipeline = ModelFiles.pipeline(m);
        Map<String, FMatrix> weights = new LinkedHashMap<>(stored.weights());
        Manifest networks = m.object("networks");
        Mlp encoder = networks.has("encoder") ? NetworkIO.rebuild(networks.object("encoder"), weights, "encoder.") : null;
        Mlp net = NetworkIO.rebuild(networks.object("spectral"), weights, "spectral.");
        NetworkIO.requireAllUsed(weights);
        int inputs = encoder != null ? encoder.outputSize() : pipeline.inputDim();
        if (encoder != null && encoder.inputSize() != pipeline.inputDim()) {
            throw new ModelFormatException("the encoder takes " + encoder.inputSize() + " columns but the input views have " + pipeline.inputDim());
        }
        FourierFeatures fourier = null;
        if (options.fourierFeatures() > 0) {
            fourier = FourierFeatures.fromJson(m, "fourier_frequencies", options.fourierFeatures(), inputs);
            inputs = fourier.outputDim();
        }
        if (net.inputSize() != inputs) throw new ModelFormatException("the spectral network takes " + net.inputSize() + " columns but gets " + inputs);
        int dim = m.smallInt("embedding_dim");
        if (net.outputSize() != dim) throw new ModelFormatException("the spectral network has " + net.outputSize() + " outputs but embedding_dim is " + dim);
        DMatrix ortho = ModelFiles.finiteMatrix(m, "ortho_matrix", dim, dim);
        int k = m.smallInt("clusters");
        if (k < 1) throw new ModelFormatException("the model has " + k + " clusters");
        DMatrix centroids = ModelFiles.finiteMatrix(m, "centroids", k, dim);
        return new SpectralNetModel(options, pipeline, encoder, fourier, net, ortho, centroids, ModelFiles.stages(m), m.number("sigma"));
    }

    /** Reads a SpectralNet model directory. */
    public static SpectralNetModel load(Path dir) throws IOException {
        return load(ModelDirectory.read(dir));
    }
}
