package org.specrage.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.specrage.data.MultiViewData;
import org.specrage.data.io.NpyWriter;
import org.specrage.io.AtomicFiles;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.Models;
import org.specrage.methods.common.EmbeddingModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code specrage transform}: embeds new samples with a saved model. */
@Command(name = "transform", mixinStandardHelpOptions = true, description = "Embed the rows of a data file with a saved model (NPY output).")
final class TransformCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model directory written by fit.")
    Path model;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Embedding output (.npy, float32, n x dim).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy")) {
            throw new IllegalArgumentException("transform writes NumPy .npy files; name the output " + out.getFileName() + ".npy or similar");
        }
        EmbeddingModel m = Models.load(model);
        MultiViewData data = dataOptions.loadFeatures();
        dataOptions.checkViewsFor(m, data);
        FMatrix embedding = m.transform(data);
        dataOptions.noteViewsPicked(m, data);
        AtomicFiles.write(out, tmp -> NpyWriter.write(tmp, embedding));
        System.out.printf(Locale.ROOT, "wrote %s: %d x %d embedding (%s model)%n", out, embedding.rows, embedding.cols, m.method());
        return ExitCodes.OK;
    }
}
