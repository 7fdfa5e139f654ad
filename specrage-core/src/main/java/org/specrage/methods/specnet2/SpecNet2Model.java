package org.specrage.methods.specnet2;

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
import org.specrage.model.Manifest;
import org.specrage.model.ModelDirectory;
import org.specrage.model.ModelFormatException;
import org.specrage.nn.Activation;
import org.specrage.nn.Mlp;

/**
 * A fitted SpecNet2: scalers, optional encoder, the network and the Rayleigh-Ritz recovery matrix
 * R. transform(x) = net(fourier(encoder(scale(x)))) R (encoder and Fourier features when used): estimates of the top non-trivial eigenvectors of
 * W v = lambda D v, scaled so that U^T D U = vol I on the training graph (vol = sum of degrees),
 * extended to new rows. {@link #eigenvalues()} gives the Ritz values, largest first.
 *
 * <p>Manifest (besides {@link ModelDirectory}'s and {@link ModelFiles#head}'s entries):
 * {@code networks.specnet2}, optionally {@code networks.encoder}, {@code recovery_matrix}
 * (embedding_dim x embedding_dim), {@code eigenvalues}, {@code graph_volume} and, with Fourier features,
 * {@code fourier_frequencies}.
 */
public final class SpecNet2Model implements EmbeddingModel {
    public static final String METHOD = "specnet2";
    private final SpecNet2Options options;
    private final InputPipeline pipeline;
    private final Mlp encoder;
    private final FourierFeatures fourier;
    private final Mlp net;
    private final DMatrix recovery;
    private final double[] eigenvalues;
    private final DMatrix centroids;
    private final List<StageSummary> stages;
    private final double volume;

    SpecNet2Model(SpecNet2Options options, InputPipeline pipeline, Mlp encoder, FourierFeatures fourier, Mlp net, DMatrix recovery,
                  double[] eigenvalues, DMatrix centroids, List<StageSummary> stages, double volume) {
        this.options = options;
        this.pipeline = pipeline;
        this.encoder = encoder;
        this.fourier = fourier;
        this.net = net;
        this.recovery = recovery.copy();
        this.eigenvalues = eigenvalues.clone();
        this.centroids = centroids.copy();
        this.stages = List.copyOf(stages);
        this.volume = volume;
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
        return recovery.cols;
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
        return ModelFiles.multiply(Inference.apply(net, x), recovery);
    }

    @Override
    public DMatrix centroids() {
        return centroids.copy();
    }

    /** The Ritz values, largest first: estimates of the top non-trivial eigenvalues of W v = lambda D v. */
    @Override
    public Optional<double[]> eigenvalues() {
        return Optional.of(eigenvalues.clone());
    }

    /** The recovery matrix R (a copy). */
    public DMatrix recoveryMatrix() {
        return recovery.copy();
    }

    /** Sum of the training graph's degrees. */
    public double graphVolume() {
        return volume;
    }

    @Override
    public long seed() {
        return options.seed();
    }

    public SpecNet2Options specNet2Options() {
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
        Map<String, FMatrix> weights = new LinkedHashMap<>();
        if (encoder != null) {
            networks.put("encoder", NetworkIO.describe(encoder, options.autoencoder().activation(), Activation.IDENTITY));
            NetworkIO.addWeights(weights, "encoder.", encoder);
        }
        networks.put("specnet2", NetworkIO.describe(net, options.network().activation(), options.network().outputActivation()));
        NetworkIO.addWeights(weights, "specnet2.", net);
        m.put("networks", networks);
        if (fourier != null) m.put("fourier_frequencies", fourier.toJson());
        m.put("recovery_matrix", Manifest.matrix(recovery));
        m.put("eigenvalues", eigenvalues);
        m.put("graph_volume", volume);
        ModelDirectory.write(dir, m, weights);
    }

    /** Rebuilds a model from a directory read by {@link ModelDirectory#read}; checks every dimension. */
    public static SpecNet2Model load(ModelDirectory.Stored stored) throws ModelFormatException {
        Manifest m = stored.manifest();
        if (!METHOD.equals(m.string("method"))) throw new ModelFormatException("not a " + METHOD + " model: method is " + m.string("method"));
        SpecNet2Options options;
        try {
            options = SpecNet2Options.fromJson(m.object("options").values(), -1);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the model's options are invalid: " + e.getMessage());
        }
        InputPipeline pipeline = ModelFiles.pipeline(m);
        Map<String, FMatrix> weights = new LinkedHashMap<>(stored.weights());
        Manifest networks = m.object("networks");
        Mlp encoder = networks.has("encoder") ? NetworkIO.rebuild(networks.object("encoder"), weights, "encoder.") : null;
        Mlp net = NetworkIO.rebuild(networks.object("specnet2"), weights, "specnet2.");
        NetworkIO.requireAllUsed(weights);
        if (encoder != null && encoder.inputSize() != pipeline.inputDim()) {
            throw new ModelFormatException("the encoder takes " + encoder.inputSize() + " columns but the input views have " + pipeline.inputDim());
        }
        int inputs = encoder != null ? encoder.outputSize() : pipeline.inputDim();
        FourierFeatures fourier = null;
        if (options.fourierFeatures() > 0) {
            fourier = FourierFeatures.fromJson(m, "fourier_frequencies", options.fourierFeatures(), inputs);
            inputs = fourier.outputDim();
        }
        if (net.inputSize() != inputs) throw new ModelFormatException("the specnet2 network takes " + net.inputSize() + " columns but gets " + inputs);
        int dim = m.smallInt("embedding_dim");
        if (net.outputSize() != dim) throw new ModelFormatException("the specnet2 network has " + net.outputSize() + " outputs but embedding_dim is " + dim);
        DMatrix recovery = ModelFiles.finiteMatrix(m, "recovery_matrix", dim, dim);
        double[] eigenvalues = m.doubles("eigenvalues");
        if (eigenvalues.length != dim) throw new ModelFormatException("the model lists " + eigenvalues.length + " eigenvalues for " + dim + " eigenvectors");
        int k = m.smallInt("clusters");
        if (k < 1) throw new ModelFormatException("the model has " + k + " clusters");
        DMatrix centroids = ModelFiles.finiteMatrix(m, "centroids", k, dim);
        return new SpecNet2Model(options, pipeline, encoder, fourier, net, recovery, eigenvalues, centroids, ModelFiles.stages(m), m.number("graph_volume"));
    }

    public static SpecNet2Model load(Path dir) throws IOException {
        return load(ModelDirectory.read(dir));
    }
}
