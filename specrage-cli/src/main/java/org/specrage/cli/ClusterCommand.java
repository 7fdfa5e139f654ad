package org.specrage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.eigen.LanczosOptions;
import org.specrage.graph.ScaleMode;
import org.specrage.linalg.Blas;
import org.specrage.methods.exact.AffinityChoice;
import org.specrage.methods.exact.ExactSpectralClustering;
import org.specrage.methods.exact.ExactSpectralOptions;
import org.specrage.methods.exact.ExactSpectralResult;
import org.specrage.methods.exact.ViewCombination;
import org.specrage.methods.exact.ViewGraph;
import org.specrage.metrics.ClusteringMetrics;
import org.specrage.util.Parallel;
import org.specrage.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code specrage cluster}: clusters a data set and scores it against its labels. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Cluster a data set (exact spectral clustering) and print ACC/NMI/ARI/purity when it has labels.")
final class ClusterCommand implements Callable<Integer> {

    enum Method { exact }

    enum Combine {
        mean_laplacian(ViewCombination.MEAN_LAPLACIAN), concat(ViewCombination.CONCAT);
        final ViewCombination value;

        Combine(ViewCombination value) {
            this.value = value;
        }
    }

    enum Scale {
        global(ScaleMode.GLOBAL_MEDIAN), local(ScaleMode.LOCAL);
        final ScaleMode value;

        Scale(ScaleMode value) {
            this.value = value;
        }
    }

    @Mixin
    DataOptions dataOptions;

    @Mixin
    CommonOptions common;

    @Option(names = "--method", defaultValue = "exact", description = "Clustering method: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Method method;

    @Option(names = "--k", paramLabel = "K", description = "Number of clusters. Default: the number of classes in the labels.")
    Integer k;

    @Option(names = "--neighbors", defaultValue = "10", paramLabel = "N", description = "Neighbours per point in the kNN graph. Default: ${DEFAULT-VALUE}.")
    int neighbors;

    @Option(names = "--scale-k", paramLabel = "S", description = "Neighbour rank whose distance sets the Gaussian scale. Default: half the neighbours.")
    Integer scaleK;

    @Option(names = "--affinity", defaultValue = "auto",
            description = "auto (cosine for bag-of-words views: sparse, or dense counts with at most 10%% non-zeros; Gaussian otherwise), gaussian, cosine or connectivity. Default: ${DEFAULT-VALUE}.")
    AffinityChoice affinity;

    @Option(names = "--scale", description = "Gaussian scale: global (median) or local (self-tuning). Default: global.")
    Scale scale;

    @Option(names = "--combine", defaultValue = "concat", converter = CombineConverter.class,
            description = "Multi-view: mean-laplacian or concat. Default: ${DEFAULT-VALUE}.")
    Combine combine;

    @Option(names = "--preprocess", defaultValue = "minmax", description = "Per-view scaling: minmax, standard, l2, tfidf or none. Default: ${DEFAULT-VALUE}.")
    String preprocess;

    @Option(names = "--restarts", defaultValue = "10", description = "k-means restarts. Default: ${DEFAULT-VALUE}.")
    int restarts;

    @Option(names = "--out", paramLabel = "DIR", description = "Write labels.csv, embedding.npy and report.json here.")
    Path out;

    @Override
    public Integer call() throws IOException {
        common.apply();
        OutputFiles.requireDirectory(out);
        OptionRanges.atLeast("--k", k, 1);
        OptionRanges.atLeast("--neighbors", neighbors, 1);
        OptionRanges.atLeast("--scale-k", scaleK, 1);
        OptionRanges.atMost("--scale-k", scaleK, neighbors, "--neighbors (" + neighbors + ")");
        OptionRanges.atLeast("--restarts", restarts, 1);
        long start = System.nanoTime();
        Progress progress = ConsoleProgress.forStderr(common.quiet);
        MultiViewData data = dataOptions.load();
        int clusters = k != null ? k : defaultK(data);
        if ((scale != null || scaleK != null) && (affinity == AffinityChoice.COSINE || affinity == AffinityChoice.CONNECTIVITY)) {
            // silently ignored, a scale would look as if it had been used
            throw new IllegalArgumentException((scale != null ? "--scale" : "--scale-k") + " sets the Gaussian affinity's scale; --affinity "
                    + affinity.name().toLowerCase(Locale.ROOT) + " has none");
        }
        int scaleRank = scaleK != null ? scaleK : Math.max(1, neighbors / 2);
        ExactSpectralOptions options = new ExactSpectralOptions(clusters, neighbors, scaleRank, affinity, (scale != null ? scale : Scale.global).value,
                combine.value, preprocess, restarts, common.seed);
        PrintStream stdout = System.out;
        stdout.println(DataSummary.describe(dataOptions.displayName(), data));
        stdout.printf(Locale.ROOT, "method %s, k %d, neighbors %d, scale-k %d, affinity %s, combine %s, preprocess %s, seed %d%n",
                method, clusters, neighbors, scaleRank, affinity.name().toLowerCase(Locale.ROOT), combine.value.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                preprocess, common.seed);
        if (!common.quiet) System.err.println("blas: " + Blas.implementation() + ", threads " + Parallel.threads());
        String slow = manyClustersWarning(clusters, data.rows(), "samples", restarts, "--restarts");
        if (slow != null) System.err.println(slow);

        ExactSpectralResult result = ExactSpectralClustering.fit(data, options, progress);
        for (ViewGraph g : result.graphs()) {
            if (g.components() > 1) {
                System.err.printf(Locale.ROOT, "warning: the graph of %s has %d connected components (largest %d of %d points)%n",
                        g.name(), g.components(), g.largestComponent(), data.rows());
            }
        }
        if (result.eigenTolerance() > LanczosOptions.DEFAULT_TOLERANCE) {
            System.err.printf(Locale.ROOT, "note: the eigenvalues crowd together; the eigenvectors meet a relative tolerance of %.0e, not %.0e"
                    + " (--scale local or more neighbours usually separate them)%n", result.eigenTolerance(), LanczosOptions.DEFAULT_TOLERANCE);
        }
        double wall = (System.nanoTime() - start) / 1e9;

        Map<String, Object> report = Reports.base(data, clusters, common.seed, wall);
        report.put("method", "exact");
        report.put("data", dataOptions.displayName());
        report.put("eigenvalues", result.eigenvalues());
        report.put("eigen_tolerance", result.eigenTolerance());
        report.put("stage_seconds", result.seconds());
        report.put("options", optionsMap(options));
        if (data.hasLabels()) {
            ClusteringMetrics.Scores s = ClusteringMetrics.score(data.labels(), result.labels());
            Reports.putScores(report, s);
            stdout.println(Reports.scores(s));
        } else {
            stdout.println("no labels: scores not computed");
        }
        stdout.printf(Locale.ROOT, "wall %.2f s, peak RSS %s%n", wall, Reports.rssText(Reports.putPeakRss(report)));
        if (out != null) {
            OutputFiles.write(out, result.labels(), result.embedding(), report);
            stdout.println("wrote " + out.resolve("labels.csv") + ", embedding.npy, report.json");
        }
        return ExitCodes.OK;
    }

    private Map<String, Object> optionsMap(ExactSpectralOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("views", dataOptions.views == null ? "all" : java.util.Arrays.stream(dataOptions.views).boxed().toList());
        m.put("neighbors", o.neighbors());
        m.put("scale_k", o.scaleK());
        m.put("affinity", o.affinity().name().toLowerCase(Locale.ROOT));
        m.put("scale", o.scale().name().toLowerCase(Locale.ROOT));
        m.put("combine", o.combine().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("preprocess", o.preprocess());
        m.put("restarts", o.restarts());
        m.put("threads", Parallel.threads());
        m.put("blas", Blas.implementation());
        return m;
    }

    /**
     * A warning when k is more than half of n (null otherwise): the embedding has k columns, so
     * k-means costs about n k^2 per restart and pass, which at k = n = 2000 is minutes of silence.
     * Allowed all the same (k = n is legitimate, if rarely useful). Rows names the n rows ("samples",
     * "training rows"), restartsOption what sets the restarts.
     */
    static String manyClustersWarning(int k, int n, String rows, int restarts, String restartsOption) {
        if (2L * k <= n || k > n) return null; // (k above n is an error, reported next)
        return String.format(Locale.ROOT, "warning: k (%d) is more than half the number of %s (%d): k-means on the %d-column"
                + " embedding costs about n*k^2 = %.1e operations per pass, for each of %d restart%s, and may take many minutes"
                + " (use a smaller --k, or fewer %s)", k, rows, n, k, (double) n * k * k, restarts, restarts == 1 ? "" : "s", restartsOption);
    }

    static int defaultK(MultiViewData data) {
        if (!data.hasLabels()) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "the data has no labels: give the number of clusters with --k");
        }
        return data.classCount();
    }

    static final class CombineConverter implements picocli.CommandLine.ITypeConverter<Combine> {
        @Override
        public Combine convert(String value) {
            return Combine.valueOf(value.trim().toLowerCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
