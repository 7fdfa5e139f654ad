package org.specrage.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.specrage.io.AtomicFiles;
import org.specrage.methods.specrage.SpecRageOptions;
import org.specrage.methods.specrage.experiments.ScaleRow;
import org.specrage.methods.specrage.experiments.ScaleExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code specrage bench scale}: SpecRaGE training time and peak resident memory against n on synthetic multi-view blobs. */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = {"Time one SpecRaGE training epoch and measure peak memory for growing n (synthetic multi-view blobs).",
                "peak_rss_mb: the process's peak resident memory during each fit (Linux VmHWM; NA where unknown)."
                        + " heap_pool_peaks_mb: the JVM heap pools' own peaks summed, an upper bound of the heap in use"
                        + " (the pools peak at different moments), which can exceed the RSS."})
final class BenchScaleCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--sizes", split = ",", defaultValue = "50000,100000,200000", description = "Values of n. Default: ${DEFAULT-VALUE}.")
    int[] sizes;

    @Option(names = "--views", defaultValue = "2", description = "Views. Default: ${DEFAULT-VALUE}.")
    int views;

    @Option(names = "--dim", defaultValue = "20", description = "Columns per view. Default: ${DEFAULT-VALUE}.")
    int dim;

    @Option(names = "--k", defaultValue = "10", description = "Clusters. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--epochs", defaultValue = "1", description = "Training epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the rows as CSV.")
    Path out;

    @Override
    public Integer call() throws IOException {
        common.apply();
        for (int n : sizes) OptionRanges.atLeast("--sizes", n, 2);
        OptionRanges.atLeast("--views", views, 1);
        OptionRanges.atLeast("--dim", dim, 1);
        OptionRanges.atLeast("--k", k, 1);
        int smallest = java.util.Arrays.stream(sizes).min().orElse(Integer.MAX_VALUE);
        OptionRanges.atMost("--k", k, smallest, "the smallest of --sizes (" + smallest + ")");
        OptionRanges.atLeast("--epochs", epochs, 1);
        SpecRageOptions options = SpecRageOptions.builder(k).epochs(epochs).seed(common.seed).build();
        List<ScaleRow> rows = ScaleExperiment.run(sizes, views, dim, options, ConsoleProgress.forStderr(common.quiet));
        StringBuilder csv = new StringBuilder(ScaleRow.CSV_HEADER).append('\n');
        for (ScaleRow r : rows) csv.append(r.csv()).append('\n');
        System.out.print(csv);
        if (out != null) AtomicFiles.write(out, tmp -> Files.writeString(tmp, csv, StandardCharsets.UTF_8));
        return ExitCodes.OK;
    }
}
