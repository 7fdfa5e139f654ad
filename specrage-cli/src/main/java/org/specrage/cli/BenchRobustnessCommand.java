package org.specrage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.corrupt.CorruptionKind;
import org.specrage.io.Json;
import org.specrage.methods.exact.ExactSpectralOptions;
import org.specrage.methods.exact.ViewCombination;
import org.specrage.methods.specrage.SpecRageOptions;
import org.specrage.methods.specrage.experiments.RobustnessRow;
import org.specrage.methods.specrage.experiments.RobustnessSweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code specrage bench robustness}: held-out ACC/NMI/ARI against the contaminated fraction of one
 * view, for SpecRaGE, its uniform-fusion ablation and the exact mean-Laplacian baseline.
 */
@Command(name = "robustness", mixinStandardHelpOptions = true,
        description = "Contaminate one view at several fractions; compare SpecRaGE, uniform fusion and the exact mean-Laplacian baseline (CSV + PNG).")
final class BenchRobustnessCommand implements Callable<Integer> {
    @Mixin
    DataOptions dataOptions;

    @Mixin
    RunOptions common; // no single --seed: the sweep takes --seeds

    /** Not listed; there only to point a --seed (or a config file's seed) to --seeds. */
    @Option(names = "--seed", hidden = true)
    Long singleSeed;

    @Option(names = "--view", defaultValue = "1", description = "The view to contaminate. Default: ${DEFAULT-VALUE}.")
    int view;

    @Option(names = "--fractions", split = ",", defaultValue = "0,0.1,0.2,0.3,0.4,0.5", description = "Contaminated fractions. Default: ${DEFAULT-VALUE}.")
    double[] fractions;

    @Option(names = "--kind", defaultValue = "outlier", description = "gaussian, outlier, shuffle or zero. Default: ${DEFAULT-VALUE}.")
    CorruptionKind kind;

    @Option(names = "--strength", description = "Contamination strength (see corrupt). Default: 0 for outlier (values within each"
            + " feature's range), 1 for the other kinds.")
    Double strength;

    @Option(names = "--seeds", split = ",", defaultValue = "0", description = "Seeds (split, contamination, model). Default: ${DEFAULT-VALUE}.")
    long[] seeds;

    @Option(names = "--method-options", paramLabel = "FILE", description = "JSON object of SpecRaGE options (e.g. a reference config).")
    Path methodOptions;

    @Option(names = "--epochs", description = "SpecRaGE training epochs.")
    Integer epochs;

    @Option(names = "--restarts", defaultValue = "100", description = "k-means restarts on held-out embeddings. Default: ${DEFAULT-VALUE}.")
    int restarts;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Writes robustness.csv and robustness.png here.")
    Path out;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws IOException {
        common.apply();
        if (singleSeed != null) throw new IllegalArgumentException("bench robustness takes a list of seeds: use --seeds, not --seed");
        OutputFiles.requireDirectory(out);
        OptionRanges.atLeast("--view", view, 0);
        for (double f : fractions) OptionRanges.fraction("--fractions", f);
        OptionRanges.atLeast("--epochs", epochs, 1);
        OptionRanges.atLeast("--restarts", restarts, 1);
        double strength = CorruptCommand.strengthOrDefault(this.strength, kind);
        CorruptCommand.checkStrength(kind, strength);
        MultiViewData data = dataOptions.load();
        Map<String, Object> json = new LinkedHashMap<>();
        if (methodOptions != null) {
            Object parsed = Json.parse(Files.readString(methodOptions));
            if (!(parsed instanceof Map<?, ?>)) throw new IllegalArgumentException(methodOptions + ": must hold a JSON object");
            json.putAll((Map<String, Object>) parsed);
        }
        if (epochs != null) {
            Map<String, Object> training = new LinkedHashMap<>();
            if (json.get("training") instanceof Map<?, ?> given) training.putAll((Map<String, Object>) given);
            training.put("epochs", epochs);
            json.put("training", training);
        }
        if (!data.hasLabels()) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "bench robustness scores against labels, and data set '"
                    + data.name() + "' has none (give them with --labels FILE)");
        }
        int k = data.classCount();
        SpecRageOptions specrage = SpecRageOptions.fromJson(json, k);
        ExactSpectralOptions exact = ExactSpectralOptions.defaults(k).withCombine(ViewCombination.MEAN_LAPLACIAN);
        RobustnessSweep.Options options = new RobustnessSweep.Options(view, fractions, kind, strength, seeds, specrage, exact, restarts);
        System.out.println(DataSummary.describe(dataOptions.displayName(), data));
        List<RobustnessRow> rows = RobustnessSweep.run(data, options, ConsoleProgress.forStderr(common.quiet));
        Files.createDirectories(out);
        RobustnessSweep.writeCsv(rows, out.resolve("robustness.csv"));
        RobustnessSweep.plot(rows, "Held-out ACC, view " + view + " contaminated (" + kind.name().toLowerCase(Locale.ROOT) + ")",
                out.resolve("robustness.png"));
        System.out.println(RobustnessRow.CSV_HEADER);
        for (RobustnessRow r : rows) System.out.println(r.csv());
        System.out.println("wrote " + out.resolve("robustness.csv") + " and robustness.png");
        return ExitCodes.OK;
    }
}
