package org.specrage.methods.specrage.experiments;

/**
 * One size of a scale run: the training stage's seconds for its epochs and samples per second,
 * the whole fit's seconds, the seconds per stage, and the process's peak resident memory so far
 * (Linux VmHWM; -1 where unknown) and the peak Java heap in use during the fit.
 */
public record ScaleRow(int n, int epochs, double trainSeconds, double trainSamplesPerSecond, double fitSeconds,
                       java.util.Map<String, Double> stageSeconds, long peakRssBytes, long peakHeapBytes) {
    public static final String CSV_HEADER = "n,epochs,train_seconds,train_samples_per_second,fit_seconds,peak_rss_mb,peak_heap_mb";

    public String csv() {
        return String.format(java.util.Locale.ROOT, "%d,%d,%.3f,%.1f,%.3f,%.1f,%.1f", n, epochs, trainSeconds, trainSamplesPerSecond, fitSeconds,
                peakRssBytes / 1048576.0, peakHeapBytes / 1048576.0);
    }
}
