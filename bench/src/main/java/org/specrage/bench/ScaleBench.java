package org.specrage.bench;

import java.util.List;
import org.specrage.methods.specrage.SpecRageOptions;
import org.specrage.methods.specrage.experiments.ScaleExperiment;
import org.specrage.methods.specrage.experiments.ScaleRow;
import org.specrage.util.Parallel;

/**
 * The scale must-show: one training epoch on 2-view synthetic blobs for n = 50k, 100k, 200k;
 * prints seconds, samples/s and peak memory:
 * {@code ... ScaleBench [--sizes 50000,100000,200000] [--dim 20] [--k 10] [--epochs 1] [SpecRageBench options]}.
 * Run with -Xmx3g to show the memory bound.
 */
public final class ScaleBench {
    private ScaleBench() {
    }

    public static void main(String[] argv) {
        BenchArgs args = new BenchArgs(argv);
        Parallel.setThreads(args.integer("threads", 2));
        SpecRageOptions options = SpecRageBench.options(args, args.integer("k", 10)).toBuilder().epochs(args.integer("epochs", 1)).build();
        System.out.println(options);
        List<ScaleRow> rows = ScaleExperiment.run(args.ints("sizes", new int[] {50000, 100000, 200000}), args.integer("views", 2),
                args.integer("dim", 20), options, null);
        System.out.println(ScaleRow.CSV_HEADER);
        for (ScaleRow r : rows) System.out.println(r.csv() + "  stages " + r.stageSeconds());
    }
}
