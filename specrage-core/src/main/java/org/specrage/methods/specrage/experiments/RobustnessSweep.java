package org.specrage.methods.specrage.experiments;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.Split;
import org.specrage.data.corrupt.CorruptedData;
import org.specrage.data.corrupt.Corruption;
import org.specrage.data.corrupt.CorruptionKind;
import org.specrage.io.AtomicFiles;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.exact.ExactSpectralClustering;
import org.specrage.methods.exact.ExactSpectralOptions;
import org.specrage.methods.exact.ViewCombination;
import org.specrage.methods.specrage.FusionMode;
import org.specrage.methods.specrage.SpecRage;
import org.specrage.methods.specrage.SpecRageModel;
import org.specrage.methods.specrage.SpecRageOptions;
import org.specrage.metrics.ClusteringMetrics;
import org.specrage.plot.LinePlot;
import org.specrage.util.Progress;

/**
 * Held-out clustering quality against the contaminated fraction of one view. For each fraction and
 * seed: contaminate that fraction of all rows in the view (seeded), split 80/20 (same seed), and
 * score on the held-out rows: SpecRaGE (learned fusion), its uniform-fusion ablation, and the exact
 * mean-Laplacian spectral clustering of the held-out rows (the exact method has no out-of-sample
 * extension, so it clusters the held-out rows themselves). Scalers are fitted on the training rows.
 */
public final class RobustnessSweep {
    public static final String SPECRAGE = "specrage";
    public static final String UNIFORM = "specrage-uniform";
    public static final String EXACT = "exact-mean-laplacian";

    /**
     * @param view      the view to contaminate
     * @param fractions contaminated shares of the rows, each in [0, 1]
     * @param kind      how rows are contaminated (the robustness claim uses OUTLIER)
     * @param strength  the corruption's strength (see {@link CorruptionKind})
     * @param seeds     one run per seed (corruption, split, models and k-means)
     * @param specrage  SpecRaGE's options (its fusion mode is set per method; its seed is replaced)
     * @param exact     options of the exact baseline (its combination is set to the mean Laplacian); null to skip it
     * @param restarts  k-means restarts on held-out embeddings
     */
    public record Options(int view, double[] fractions, CorruptionKind kind, double strength, long[] seeds,
                          SpecRageOptions specrage, ExactSpectralOptions exact, int restarts) {
        public Options {
            if (fractions.length == 0 || seeds.length == 0) throw new IllegalArgumentException("give at least one fraction and one seed");
            for (double f : fractions) if (!(f >= 0 && f <= 1)) throw new IllegalArgumentException("fractions must be in [0, 1], got " + f);
            if (restarts < 1) throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
            fractions = fractions.clone();
            seeds = seeds.clone();
        }

        /** Fractions 0, 0.1, ..., 0.5 of outliers (strength 0: uniform over each feature's range), seed 0, 100 restarts. */
        public static Options defaults(int view, SpecRageOptions specrage) {
            return new Options(view, new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5}, CorruptionKind.OUTLIER, 0, new long[] {0},
                    specrage, ExactSpectralOptions.defaults(specrage.k()), HeldOutEvaluation.DEFAULT_RESTARTS);
        }
    }

    private RobustnessSweep() {
    }

    /** Runs the sweep; rows come in order of seed, fraction, method. */
    public static List<RobustnessRow> run(MultiViewData data, Options o, Progress progress) {
        if (!data.hasLabels()) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "the robustness sweep needs labels");
        if (data.viewCount() < 2) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "the robustness sweep needs at least two views");
        if (progress == null) progress = Progress.NONE;
        for (double fraction : o.fractions()) Corruption.checkHits(o.kind(), fraction, data.rows()); // before any fit is spent
        progress.start("robustness sweep", (long) o.fractions().length * o.seeds().length);
        List<RobustnessRow> rows = new ArrayList<>();
        for (long seed : o.seeds()) {
            for (double fraction : o.fractions()) {
                CorruptedData corrupted = Corruption.apply(data, o.view(), fraction, o.kind(), o.strength(), seed);
                Split split = Split.random(data.rows(), HeldOutEvaluation.TEST_FRACTION, seed);
                MultiViewData train = corrupted.data().selectRows(split.train());
                MultiViewData test = corrupted.data().selectRows(split.test());
                boolean[] hit = corrupted.hitMask();
                boolean[] testHit = new boolean[split.test().length];
                for (int i = 0; i < testHit.length; i++) testHit[i] = hit[split.test()[i]];
                for (FusionMode mode : new FusionMode[] {FusionMode.LEARNED, FusionMode.UNIFORM}) {
                    SpecRageOptions options = o.specrage().withMetricsResolved(data).toBuilder().fusion(mode).seed(seed).build();
                    long start = System.nanoTime();
                    SpecRageModel model = SpecRage.fit(train, options);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    ClusteringMetrics.Scores s = ClusteringMetrics.score(test.labels(), model.cluster(test, o.restarts(), seed));
                    double[] w = mode == FusionMode.LEARNED ? weightSummary(model.viewWeights(test), testHit, o.view())
                            : new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
                    rows.add(new RobustnessRow(mode == FusionMode.LEARNED ? SPECRAGE : UNIFORM, fraction, seed, s.acc(), s.nmi(), s.ari(),
                            count(testHit), w[0], w[1], w[2], w[3], seconds));
                }
                if (o.exact() != null) {
                    long start = System.nanoTime();
                    int[] labels = ExactSpectralClustering.fit(test, o.exact().withCombine(ViewCombination.MEAN_LAPLACIAN).withSeed(seed), Progress.NONE).labels();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    ClusteringMetrics.Scores s = ClusteringMetrics.score(test.labels(), labels);
                    rows.add(new RobustnessRow(EXACT, fraction, seed, s.acc(), s.nmi(), s.ari(), count(testHit),
                            Double.NaN, Double.NaN, Double.NaN, Double.NaN, seconds));
                }
                progress.advance(1);
            }
        }
        progress.done();
        return rows;
    }

    /**
     * Mean weight of the corrupted view and mean weight of the other views (averaged over them),
     * over the corrupted rows and over the clean rows: {corrupted-on-corrupted, clean-on-corrupted,
     * corrupted-on-clean, clean-on-clean}; NaN where a group is empty.
     */
    static double[] weightSummary(FMatrix w, boolean[] hit, int view) {
        double[] sum = new double[4];
        int hits = 0, clean = 0;
        for (int r = 0; r < w.rows; r++) {
            double bad = w.get(r, view);
            double others = (1 - bad) / (w.cols - 1);
            if (hit[r]) {
                sum[0] += bad;
                sum[1] += others;
                hits++;
            } else {
                sum[2] += bad;
                sum[3] += others;
                clean++;
            }
        }
        return new double[] {hits == 0 ? Double.NaN : sum[0] / hits, hits == 0 ? Double.NaN : sum[1] / hits,
                clean == 0 ? Double.NaN : sum[2] / clean, clean == 0 ? Double.NaN : sum[3] / clean};
    }

    private static int count(boolean[] b) {
        int c = 0;
        for (boolean x : b) if (x) c++;
        return c;
    }

    /** Writes the rows as CSV (atomically). */
    public static void writeCsv(List<RobustnessRow> rows, Path file) throws IOException {
        AtomicFiles.write(file, tmp -> {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write(RobustnessRow.CSV_HEADER);
                out.write('\n');
                for (RobustnessRow r : rows) {
                    out.write(r.csv());
                    out.write('\n');
                }
            }
        });
    }

    /** Mean ACC per method against the fraction (averaged over seeds), as a PNG line plot. */
    public static void plot(List<RobustnessRow> rows, String title, Path file) throws IOException {
        LinePlot plot = new LinePlot(title, "contaminated fraction of the view", "held-out ACC").yRange(0, 1);
        Map<String, Map<Double, double[]>> byMethod = new LinkedHashMap<>();
        for (RobustnessRow r : rows) {
            double[] acc = byMethod.computeIfAbsent(r.method(), m -> new java.util.TreeMap<>()).computeIfAbsent(r.fraction(), f -> new double[2]);
            acc[0] += r.acc();
            acc[1]++;
        }
        for (Map.Entry<String, Map<Double, double[]>> e : byMethod.entrySet()) {
            double[] x = new double[e.getValue().size()];
            double[] y = new double[x.length];
            int i = 0;
            for (Map.Entry<Double, double[]> p : e.getValue().entrySet()) {
                x[i] = p.getKey();
                y[i++] = p.getValue()[0] / p.getValue()[1];
            }
            plot.add(e.getKey(), x, y);
        }
        plot.savePng(file, 800, 500);
    }
}
