package org.specrage.methods;

import java.io.IOException;
import java.nio.file.Path;
import org.specrage.methods.common.EmbeddingModel;
import org.specrage.methods.specnet2.SpecNet2Model;
import org.specrage.methods.specrage.SpecRageModel;
import org.specrage.methods.ssl.SslModel;
import org.specrage.methods.spectralnet.SpectralNetModel;
import org.specrage.model.ModelDirectory;
import org.specrage.model.ModelFormatException;

/** Loads any saved embedding model, dispatching on the manifest's "method". */
public final class Models {
    private Models() {
    }

    /**
     * Reads and checks a model directory (format version, dimensions, checksums) and rebuilds the model.
     *
     * @throws java.nio.file.NoSuchFileException when the directory or its manifest is missing
     * @throws ModelFormatException when a file is corrupted or truncated, the format version is not
     *         supported, or the method is unknown
     */
    public static EmbeddingModel load(Path dir) throws IOException {
        ModelDirectory.Stored stored = ModelDirectory.read(dir);
        String method = stored.manifest().string("method");
        if (SslModel.isSslMethod(method)) return SslModel.load(stored);
        return switch (method) {
            case SpectralNetModel.METHOD -> SpectralNetModel.load(stored);
            case SpecNet2Model.METHOD -> SpecNet2Model.load(stored);
            case SpecRageModel.METHOD -> SpecRageModel.load(stored);
            default -> throw new ModelFormatException(dir.resolve(ModelDirectory.MANIFEST) + ": unknown method \"" + method
                    + "\" (this build knows " + SpectralNetModel.METHOD + ", " + SpecNet2Model.METHOD + ", " + SpecRageModel.METHOD
                    + ", vicreg, simclr and barlow)");
        };
    }
}
