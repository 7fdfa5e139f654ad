package org.specrage.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.specrage.data.MultiViewData;
import org.specrage.data.io.MatV5Writer;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.io.AtomicFiles;
import org.specrage.linalg.FMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code specrage generate}: synthetic data sets with labels, for tests, demos and scaling runs. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic data set with labels: a .mat file (any number of views) or a .csv file (one view, label last).")
final class GenerateCommand implements Callable<Integer> {

    enum Kind { moons, circles, blobs, multiview_blobs }

    @Parameters(index = "0", paramLabel = "KIND", converter = KindConverter.class,
            description = "moons, circles, blobs or multiview-blobs.")
    Kind kind;

    @Option(names = "--n", required = true, description = "Number of samples.")
    int n;

    @Option(names = "--noise", description = "Noise level: Gaussian std for moons/circles (default 0.05), cluster std for blobs (default 1.0).")
    Double noise;

    @Option(names = "--k", description = "Clusters of blobs and multiview-blobs. Default: 3.")
    Integer k;

    @Option(names = "--dim", description = "Dimension of blobs (of each view for multiview-blobs). Default: 2.")
    Integer dim;

    @Option(names = "--views", description = "Views of multiview-blobs (later views are rotated, noisier copies). Default: 2.")
    Integer views;

    @Option(names = "--seed", defaultValue = "0", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file: .mat or .csv.")
    Path out;

    @Override
    public Integer call() throws IOException {
        rejectInapplicableOptions();
        // every value here comes from the command line, so a bad one is a usage error (SyntheticData's own checks would exit 10)
        OptionRanges.atLeast("--n", n, 2);
        OptionRanges.atLeast("--k", k, 1);
        OptionRanges.atLeast("--dim", dim, 1);
        OptionRanges.atLeast("--views", views, 1);
        OptionRanges.nonNegative("--noise", noise);
        int clusters = k != null ? k : 3;
        boolean blobs = kind == Kind.blobs || kind == Kind.multiview_blobs;
        if (blobs) OptionRanges.atMost("--k", clusters, n, "--n (" + n + ")"); // the default 3 too
        int dimension = dim != null ? dim : 2;
        MultiViewData data = switch (kind) {
            case moons -> SyntheticData.moons(n, noise != null ? noise : 0.05, seed);
            case circles -> SyntheticData.circles(n, noise != null ? noise : 0.05, seed);
            case blobs -> SyntheticData.blobs(n, clusters, dimension, noise != null ? noise : 1.0, seed);
            case multiview_blobs -> SyntheticData.multiViewBlobs(n, clusters, views != null ? views : 2, dimension, seed);
        };
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mat")) {
            AtomicFiles.write(out, tmp -> MatV5Writer.write(tmp, data));
        } else if (name.endsWith(".csv")) {
            if (data.viewCount() != 1) throw new IllegalArgumentException("a .csv file holds one view; write multi-view data to a .mat file");
            writeCsv(data);
        } else {
            throw new IllegalArgumentException("--out must end in .mat or .csv: " + out);
        }
        System.out.printf(Locale.ROOT, "wrote %s: %s%n", out, DataSummary.describe(kind.name().replace('_', '-'), data));
        return ExitCodes.OK;
    }

    /** A shape option the chosen kind would ignore is a mistake worth reporting: the file would not be what was asked for. */
    private void rejectInapplicableOptions() {
        String name = kind.name().replace('_', '-');
        boolean fixedShape = kind == Kind.moons || kind == Kind.circles;
        if (fixedShape && k != null) throw new IllegalArgumentException(name + " always has 2 clusters; --k applies to blobs and multiview-blobs");
        if (fixedShape && dim != null) throw new IllegalArgumentException(name + " is always 2-dimensional; --dim applies to blobs and multiview-blobs");
        if (kind != Kind.multiview_blobs && views != null) throw new IllegalArgumentException(name + " has one view; --views applies to multiview-blobs");
        if (kind == Kind.multiview_blobs && noise != null) throw new IllegalArgumentException("multiview-blobs sets its own noise per view; --noise applies to moons, circles and blobs");
    }

    private void writeCsv(MultiViewData data) throws IOException {
        FMatrix x = data.view(0).dense();
        int[] labels = data.labels();
        AtomicFiles.write(out, tmp -> writeCsv(tmp, x, labels));
    }

    private static void writeCsv(Path tmp, FMatrix x, int[] labels) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder();
            for (int c = 0; c < x.cols; c++) header.append("x").append(c).append(',');
            w.write(header.append("label\n").toString());
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < x.rows; r++) {
                line.setLength(0);
                for (int c = 0; c < x.cols; c++) line.append(x.get(r, c)).append(',');
                w.write(line.append(labels[r]).append('\n').toString());
            }
        }
    }

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            return Kind.valueOf(value.trim().toLowerCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
