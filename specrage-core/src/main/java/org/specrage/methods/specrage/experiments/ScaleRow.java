package org.specrage.methods.specrage.experiments;

/**
 * One size of a scale run: the training stage's seconds for its epochs and samples per second,
 * the whole fit's seconds, the seconds per stage, the process's peak resident memory during the fit
 * (Linux VmHWM, reset before each fit where the kernel allows it, else the peak since the process
 * started; -1 where unknown, written NA), and the sum over the JVM's heap pools of each pool's own
 * peak during the fit. The pools peak at different moments, so that sum is an upper bound of the
 * heap in use, not a peak: it can exceed the resident memory.
 */
public record ScaleRow(int n, int epochs, double trainSeconds, double trainSamplesPerSecond, double fitSeconds,
                       java.util.Map<String, Double> stageSeconds, long peakRssBytes, long heapPoolPeaksBytes) {
    public static final String CSV_HEADER = "n,epochs,train_seconds,train_samples_per_second,fit_seconds,peak_rss_mb,heap_pool_peaks_mb";

    public String csv() {
        String rss = peakRssBytes < 0 ? "NA" : String.format(java.util.Locale.ROOT, "%.1f", peakRssBytes / 1048576.0);
        return String.format(java.util.Locale.ROOT, "%d,%d,%.3f,%.1f,%.3f,%s,%.1f", n, epochs, trainSeconds, trainSamplesPerSecond, fitSeconds,
                rss, heapPoolPeaksBytes / 1048576.0);
    }
}
