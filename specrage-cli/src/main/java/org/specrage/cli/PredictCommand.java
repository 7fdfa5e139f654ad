package org.specrage.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.specrage.data.MultiViewData;
import org.specrage.data.io.LabelsCsvWriter;
import org.specrage.data.io.NpyWriter;
import org.specrage.io.AtomicFiles;
import org.specrage.methods.Models;
import org.specrage.methods.common.EmbeddingModel;
import org.specrage.metrics.ClusteringMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code specrage predict}: cluster ids of new samples from the centroids stored at training time. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Assign the rows of a data file to the model's clusters (centroids fitted at training time, never refitted).")
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model directory written by fit.")
    Path model;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    RunOptions run;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Cluster ids: a NumPy int64 array when named .npy, else CSV (one per line, with a 'label' header).")
    Path out;

    @Override
    public Integer call() throws IOException {
        run.apply();
        EmbeddingModel m = Models.load(model);
        MultiViewData data = dataOptions.load();
        dataOptions.checkViewsFor(m, data);
        int[] ids = m.predict(data);
        dataOptions.noteViewsPicked(m, data);
        boolean npy = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
        AtomicFiles.write(out, tmp -> {
            if (npy) NpyWriter.writeLabels(tmp, ids, true);
            else LabelsCsvWriter.write(tmp, ids);
        });
        System.out.printf(Locale.ROOT, "wrote %s: %d cluster ids (%s model, k %d)%n", out, ids.length, m.method(), m.clusters());
        if (data.hasLabels()) {
            ClusteringMetrics.Scores s = ClusteringMetrics.score(data.labels(), ids);
            System.out.println(Reports.scores(s));
        }
        return ExitCodes.OK;
    }
}
