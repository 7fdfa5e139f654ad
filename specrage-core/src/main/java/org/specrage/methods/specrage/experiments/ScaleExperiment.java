package org.specrage.methods.specrage.experiments;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.specrage.data.MultiViewData;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.specrage.SpecRage;
import org.specrage.methods.specrage.SpecRageModel;
import org.specrage.methods.specrage.SpecRageOptions;
import org.specrage.util.Progress;
import org.specrage.util.PeakMemory;

/**
 * Training time and memory against n on synthetic multi-view blobs (two views by default): one fit
 * per size, in ascending order, with the given options (typically one epoch). Time per epoch should
 * grow linearly in n (each step costs the same; there are n / batch steps) and memory stays bounded
 * by the data plus batch-sized buffers (nothing n x n).
 */
public final class ScaleExperiment {
    private ScaleExperiment() {
    }

    /** Fits on multiViewBlobs(n, k, views, dim) for each n (sorted ascending). */
    public static List<ScaleRow> run(int[] sizes, int views, int dim, SpecRageOptions options, Progress progress) {
        if (progress == null) progress = Progress.NONE;
        int[] ns = sizes.clone();
        java.util.Arrays.sort(ns);
        progress.start("scale", ns.length);
        List<ScaleRow> rows = new ArrayList<>();
        for (int n : ns) {
            MultiViewData data = SyntheticData.multiViewBlobs(n, options.k(), views, dim, options.seed());
            System.gc();
            resetPeakHeap();
            PeakMemory.reset();
            long start = System.nanoTime();
            SpecRageModel model = SpecRage.fit(data, options);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> stageSeconds = new LinkedHashMap<>();
            StageSummary train = null;
            for (StageSummary s : model.stages()) {
                stageSeconds.merge(s.stage(), s.seconds(), Double::sum);
                if (s.stage().equals("specrage")) train = s;
            }
            rows.add(new ScaleRow(n, train == null ? 0 : train.epochs(), train == null ? Double.NaN : train.seconds(),
                    train == null ? Double.NaN : train.samplesPerSecond(), seconds, stageSeconds, PeakMemory.residentBytes(), heapPoolPeaks()));
            progress.advance(1);
        }
        progress.done();
        return rows;
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
    }

    /**
     * Sum over heap pools of each one's peak use since the last reset: an upper bound of the peak
     * heap in use (eden peaks just before a collection, the old generation later), not a peak.
     */
    private static long heapPoolPeaks() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) total += pool.getPeakUsage().getUsed();
        }
        return total;
    }
}
