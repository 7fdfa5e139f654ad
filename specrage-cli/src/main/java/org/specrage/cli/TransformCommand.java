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
import org.specrage.methods.specrage.SpecRageModel;
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

    @Mixin
    RunOptions run;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Embedding output (.npy, float32, n x dim).")
    Path out;

    @Option(names = "--view-weights", paramLabel = "FILE", description = "Also write each row's fusion weights per view (.npy, float32, "
            + "n x views; SpecRaGE models only): a low weight means the model trusts that view less for that row; 0 that the "
            + "row's embedding does not use it, as when the view-consistency gate distrusts it.")
    Path viewWeights;

    @Override
    public Integer call() throws IOException {
        run.apply();
        requireNpy(out);
        if (viewWeights != null) requireNpy(viewWeights);
        EmbeddingModel m = Models.load(model);
        if (viewWeights != null && !(m instanceof SpecRageModel)) {
            throw new IllegalArgumentException("--view-weights needs a SpecRaGE model; " + model + " is a " + m.method() + " model");
        }
        MultiViewData data = dataOptions.loadFeatures();
        dataOptions.checkViewsFor(m, data);
        FMatrix embedding = m.transform(data);
        dataOptions.noteViewsPicked(m, data);
        AtomicFiles.write(out, tmp -> NpyWriter.write(tmp, embedding));
        System.out.printf(Locale.ROOT, "wrote %s: %d x %d embedding (%s model)%n", out, embedding.rows, embedding.cols, m.method());
        if (viewWeights != null) writeViewWeights((SpecRageModel) m, data);
        return ExitCodes.OK;
    }

    private void writeViewWeights(SpecRageModel m, MultiViewData data) throws IOException {
        FMatrix weights = m.viewWeights(data);
        AtomicFiles.write(viewWeights, tmp -> NpyWriter.write(tmp, weights));
        boolean[][] distrusted = m.distrustedViews(data);
        StringBuilder gated = new StringBuilder();
        if (distrusted != null) {
            for (int v = 0; v < distrusted.length; v++) {
                if (distrusted[v] == null) continue;
                int count = 0;
                for (boolean b : distrusted[v]) if (b) count++;
                gated.append(String.format(Locale.ROOT, "; view %d distrusted for %d rows", v, count));
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s: %d x %d view weights (columns in the model's view order)%s%n", viewWeights, weights.rows, weights.cols, gated);
    }

    private static void requireNpy(Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            throw new IllegalArgumentException("transform writes NumPy .npy files; name the output " + file.getFileName() + ".npy or similar");
        }
    }
}
