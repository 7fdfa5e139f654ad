package org.specrage.methods.spectralnet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.specrage.data.MultiViewData;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.ModelFiles;
import org.specrage.methods.common.ModelReader;
import org.specrage.methods.common.ModelWriter;
import org.specrage.methods.common.NetworkStack;
import org.specrage.methods.common.NeuralModel;
import org.specrage.methods.common.StageSummary;
import org.specrage.model.Manifest;
import org.specrage.model.ModelDirectory;
import org.specrage.model.ModelFormatException;

/**
 * A fitted SpectralNet: scalers, optional encoder, the spectral network, the orthonormalisation
 * matrix A and the k-means centroids. transform(x) = net(fourier(encoder(scale(x)))) A (encoder and
 * Fourier features when used). Immutable: the
 * networks are private and only run forward.
 *
 * <p>Manifest (besides {@link ModelDirectory}'s and {@link ModelFiles#head}'s entries):
 * {@code networks.spectral} and optionally {@code networks.encoder} (sizes, activations; weights
 * under "spectral." and "encoder."), {@code ortho_matrix} (network outputs x embedding_dim: A, times the Ritz rotation with extra columns) and
 * {@code sigma} (the fixed bandwidth used, 0 when per batch) and, with Fourier features,
 * {@code fourier_frequencies} (count x network-input columns).
 */
public final class SpectralNetModel extends NeuralModel<SpectralNetOptions> {
    public static final String METHOD = "spectralnet";
    static final String NETWORK = "spectral";
    private final NetworkStack stack;
    private final double sigma;

    SpectralNetModel(SpectralNetOptions options, NetworkStack stack, DMatrix ortho, DMatrix centroids, List<StageSummary> stages, double sigma) {
        super(METHOD, options, stack.pipeline(), ortho, centroids, stages);
        this.stack = stack;
        this.sigma = sigma;
    }

    @Override
    protected FMatrix networkOutput(MultiViewData data) {
        return stack.apply(data);
    }

    /** The orthonormalisation matrix A (a copy). */
    public DMatrix orthoMatrix() {
        return outputMatrix();
    }

    @Override
    public Optional<double[]> eigenvalues() {
        return Optional.empty();
    }

    public SpectralNetOptions spectralNetOptions() {
        return typedOptions();
    }

    @Override
    protected void saveParts(ModelWriter out) {
        stack.save(out, typedOptions());
        out.put("ortho_matrix", Manifest.matrix(outputMatrix()));
        out.put("sigma", sigma);
    }

    /** Unit rows with the normalised loss (Ng, Jordan and Weiss), else the embedding itself. */
    @Override
    public FMatrix clusteringRows(FMatrix embedding) {
        return typedOptions().normalizedLoss() ? embedding.unitRows() : embedding;
    }

    /** Rebuilds a model from a directory read by {@link ModelDirectory#read}; checks every dimension. */
    public static SpectralNetModel load(ModelDirectory.Stored stored) throws ModelFormatException {
        ModelReader in = new ModelReader(stored, METHOD);
        SpectralNetOptions options = in.options(values -> SpectralNetOptions.fromJson(values, -1));
        NetworkStack stack = NetworkStack.load(in, NETWORK, options.fourierFeatures());
        int dim = in.manifest().smallInt("embedding_dim");
        DMatrix ortho = ModelFiles.finiteMatrix(in.manifest(), "ortho_matrix", stack.net().outputSize(), dim);
        return new SpectralNetModel(options, stack, ortho, in.centroids(dim), in.stages(), in.manifest().number("sigma"));
    }

    /** Reads a SpectralNet model directory. */
    public static SpectralNetModel load(Path dir) throws IOException {
        return load(ModelDirectory.read(dir));
    }
}
