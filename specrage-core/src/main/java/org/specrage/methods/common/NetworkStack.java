package org.specrage.methods.common;

import org.specrage.data.MultiViewData;
import org.specrage.linalg.FMatrix;
import org.specrage.model.Manifest;
import org.specrage.model.ModelFormatException;
import org.specrage.nn.Activation;
import org.specrage.nn.Mlp;

/**
 * The forward path of a single-network model (SpectralNet, SpecNet2) up to its final matrix:
 * net(fourier(encoder(scale(x)))), the encoder and the Fourier features when used.
 *
 * <p>Manifest: {@code networks.encoder} (weights under "encoder.", optional), {@code networks.<name>}
 * (weights under "<name>.") and, with Fourier features, {@code fourier_frequencies}.
 *
 * @param name the network's name in the manifest ("spectral", "specnet2")
 */
public record NetworkStack(InputPipeline pipeline, Mlp encoder, FourierFeatures fourier, Mlp net, String name) {
    /** The network output of every row of the raw data (a sparse input stays sparse up to the first network). */
    public FMatrix apply(MultiViewData data) {
        RowInput rows = pipeline.rows(data);
        if (encoder != null) rows = RowInput.of(rows.apply(encoder));
        if (fourier != null) rows = RowInput.of(fourier.apply(rows.toDense()));
        return rows.apply(net);
    }

    /** Adds the networks and the Fourier frequencies to the model directory. */
    public void save(ModelWriter out, NeuralOptions options) {
        if (encoder != null) out.putNetwork("encoder", encoder, "encoder.", options.autoencoder().activation(), Activation.IDENTITY);
        out.putNetwork(name, net, name + ".", options.network().activation(), options.network().outputActivation());
        if (fourier != null) out.put("fourier_frequencies", fourier.toJson());
    }

    /**
     * Reads what {@link #save} wrote, checks that each part's columns fit the next and that the
     * network has at least "embedding_dim" outputs (more when extra columns were learned and
     * rotated away); then no weights may be left over.
     */
    public static NetworkStack load(ModelReader in, String name, int fourierFeatures) throws ModelFormatException {
        InputPipeline pipeline = in.pipeline();
        Manifest networks = in.networks();
        Mlp encoder = networks.has("encoder") ? in.network(networks.object("encoder"), "encoder.") : null;
        Mlp net = in.network(networks.object(name), name + ".");
        in.requireAllWeightsUsed();
        if (encoder != null && encoder.inputSize() != pipeline.inputDim()) {
            throw new ModelFormatException("the encoder takes " + encoder.inputSize() + " columns but the input views have " + pipeline.inputDim());
        }
        int inputs = encoder != null ? encoder.outputSize() : pipeline.inputDim();
        FourierFeatures fourier = null;
        if (fourierFeatures > 0) {
            fourier = FourierFeatures.fromJson(in.manifest(), "fourier_frequencies", fourierFeatures, inputs);
            inputs = fourier.outputDim();
        }
        if (net.inputSize() != inputs) throw new ModelFormatException("the " + name + " network takes " + net.inputSize() + " columns but gets " + inputs);
        int dim = in.manifest().smallInt("embedding_dim");
        if (net.outputSize() < dim) throw new ModelFormatException("the " + name + " network has " + net.outputSize() + " outputs, fewer than embedding_dim " + dim);
        return new NetworkStack(pipeline, encoder, fourier, net, name);
    }
}
