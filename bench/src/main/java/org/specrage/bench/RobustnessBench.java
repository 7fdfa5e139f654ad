package org.specrage.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.specrage.data.MultiViewData;
import org.specrage.data.corrupt.CorruptionKind;
import org.specrage.data.io.DataLoader;
import org.specrage.data.io.LoadOptions;
import org.specrage.methods.exact.ExactSpectralOptions;
import org.specrage.methods.specrage.SpecRageOptions;
import org.specrage.methods.specrage.experiments.HeldOutEvaluation;
import org.specrage.methods.specrage.experiments.RobustnessRow;
import org.specrage.methods.specrage.experiments.RobustnessSweep;
import org.specrage.util.Parallel;

/**
 * The robustness must-show: held-out ACC against the outlier fraction of one view, SpecRaGE vs its
 * uniform-fusion ablation vs exact mean-Laplacian; writes CSV and PNG:
 * {@code ... RobustnessBench DATA.mat [--views 0,2] [--corrupt-view 1] [--fractions 0,0.1,0.3,0.5] [--seeds 0]
 * [--out DIR] [SpecRageBench options]}.
 */
public final class RobustnessBench {
    private RobustnessBench() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        Parallel.setThreads(args.integer("threads", 2));
        String path = args.positional(0, "/work/shared/data/multiview/handwritten.mat");
        MultiViewData data = DataLoader.load(Path.of(path), LoadOptions.defaults());
        int[] views = args.ints("views", null);
        if (views != null) data = data.selectViews(views);
        SpecRageOptions options = SpecRageBench.options(args, data.classCount());
        double[] fractions = java.util.Arrays.stream(args.get("fractions", "0,0.1,0.2,0.3,0.4,0.5").split(",")).mapToDouble(Double::parseDouble).toArray();
        RobustnessSweep.Options o = new RobustnessSweep.Options(args.integer("corrupt-view", 1), fractions,
                CorruptionKind.valueOf(args.get("kind", "outlier").toUpperCase(Locale.ROOT)), args.number("strength", 0),
                args.longs("seeds", new long[] {0}), options,
                ExactSpectralOptions.defaults(data.classCount()).withNeighbors(args.integer("exact-neighbors", 10), args.integer("exact-scale-k", 5)),
                args.integer("restarts", HeldOutEvaluation.DEFAULT_RESTARTS));
        System.out.println("data " + data + "; " + options);
        List<RobustnessRow> rows = RobustnessSweep.run(data, o, null);
        System.out.println(RobustnessRow.CSV_HEADER);
        for (RobustnessRow r : rows) System.out.println(r.csv());
        Path out = Path.of(args.get("out", "/tmp/robustness-" + data.name()));
        RobustnessSweep.writeCsv(rows, out.resolve("robustness.csv"));
        RobustnessSweep.plot(rows, "held-out ACC, " + data.name() + ", outliers in view " + o.view(), out.resolve("robustness.png"));
        System.out.println("wrote " + out.resolve("robustness.csv") + " and robustness.png");
    }
}
