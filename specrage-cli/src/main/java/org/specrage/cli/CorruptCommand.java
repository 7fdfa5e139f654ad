package org.specrage.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.specrage.data.MultiViewData;
import org.specrage.data.corrupt.CorruptedData;
import org.specrage.data.corrupt.Corruption;
import org.specrage.data.corrupt.CorruptionKind;
import org.specrage.data.io.MatV5Writer;
import org.specrage.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code specrage corrupt}: writes a copy of a data set with one view contaminated in a fraction
 * of the samples, and beside it {@code <out>.corrupted-rows.csv} listing the rows that were hit.
 */
@Command(name = "corrupt", mixinStandardHelpOptions = true,
        description = "Contaminate a fraction of one view's samples (for robustness experiments); writes a .mat file and the hit rows.")
final class CorruptCommand implements Callable<Integer> {
    @Mixin
    DataOptions dataOptions;

    @Option(names = "--view", required = true, paramLabel = "V", description = "The view to contaminate (0-based, after --views).")
    int view;

    @Option(names = "--fraction", required = true, paramLabel = "F", description = "Fraction of samples hit, in [0, 1].")
    double fraction;

    @Option(names = "--kind", required = true, description = "gaussian, outlier, shuffle (the hit rows trade places: a row whose copy is an identical row is listed but unchanged) or zero.")
    CorruptionKind kind;

    @Option(names = "--strength", description = "gaussian: noise std in units of each feature's std; outlier: how far beyond each"
            + " feature's range. Default: 0 for outlier (values within each feature's range, as bench robustness), 1 for the other kinds.")
    Double strength;

    @Option(names = "--seed", defaultValue = "0", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output .mat file.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mat")) {
            throw new IllegalArgumentException("--out must be a .mat file: " + out);
        }
        OptionRanges.atLeast("--view", view, 0);
        OptionRanges.fraction("--fraction", fraction);
        double strength = strengthOrDefault(this.strength, kind);
        checkStrength(kind, strength);
        MultiViewData data = dataOptions.load();
        CorruptedData result = Corruption.apply(data, view, fraction, kind, strength, seed);
        AtomicFiles.write(out, tmp -> MatV5Writer.write(tmp, result.data()));
        Path rows = hitRowsFile(out);
        StringBuilder sb = new StringBuilder("row\n");
        for (int r : result.hitRows()) sb.append(r).append('\n');
        AtomicFiles.write(rows, tmp -> Files.writeString(tmp, sb, StandardCharsets.UTF_8));
        System.out.printf(Locale.ROOT, "wrote %s (view %d, %s, %d of %d samples hit) and %s%n",
                out, view, kind.name().toLowerCase(Locale.ROOT), result.hitRows().length, data.rows(), rows);
        return ExitCodes.OK;
    }

    /** The given strength, or the kind's default: outliers within each feature's range, unit strength otherwise. */
    static double strengthOrDefault(Double given, CorruptionKind kind) {
        return given != null ? given : kind == CorruptionKind.OUTLIER ? 0 : 1;
    }

    /** The strength's range for the kind, shared with bench robustness; a usage error, as no data can make it fit. */
    static void checkStrength(CorruptionKind kind, double strength) {
        OptionRanges.nonNegative("--strength", strength);
        if (kind == CorruptionKind.GAUSSIAN && strength == 0) {
            throw new IllegalArgumentException("--kind gaussian with --strength 0 would change nothing; give a positive --strength");
        }
    }

    static Path hitRowsFile(Path out) {
        String name = out.getFileName().toString();
        return out.resolveSibling(name.substring(0, name.length() - 4) + ".corrupted-rows.csv");
    }
}
