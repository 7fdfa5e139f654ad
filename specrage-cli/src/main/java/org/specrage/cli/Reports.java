package org.specrage.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.metrics.ClusteringMetrics;
import org.specrage.util.PeakMemory;

/**
 * The JSON report every command writes. Keys shared by all commands: {@code n}, {@code k},
 * {@code seed}, {@code wall_seconds}, {@code peak_rss_mb}, {@code views} (dims per view) and, when
 * the data has labels, {@code acc}, {@code nmi}, {@code ari}, {@code purity}; then {@code options}
 * with the settings used. Command-specific keys are added beside them.
 */
final class Reports {
    private Reports() {
    }

    static Map<String, Object> base(MultiViewData data, int k, long seed, double wallSeconds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("n", data.rows());
        r.put("k", k);
        r.put("seed", seed);
        r.put("wall_seconds", wallSeconds);
        long rss = peakRssKb();
        r.put("peak_rss_mb", rss > 0 ? rss / 1024.0 : null);
        List<Object> views = new ArrayList<>();
        for (View v : data.views()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cols", v.cols());
            m.put("sparse", v.isSparse());
            if (v.name() != null) m.put("name", v.name());
            views.add(m);
        }
        r.put("views", views);
        return r;
    }

    static void putScores(Map<String, Object> r, ClusteringMetrics.Scores s) {
        r.put("acc", s.acc());
        r.put("nmi", s.nmi());
        r.put("ari", s.ari());
        r.put("purity", s.purity());
    }

    /** Peak resident set size of this process (VmHWM), in kB; 0 where /proc is not available. */
    static long peakRssKb() {
        return Math.max(0, PeakMemory.residentBytes() / 1024);
    }

    static String rssText(long kb) {
        return kb > 0 ? String.format(Locale.ROOT, "%.0f MB", kb / 1024.0) : "unknown";
    }

    /** Samples the peak RSS once, writes it into the report and returns it, so console and report agree. */
    static long putPeakRss(Map<String, Object> r) {
        long kb = peakRssKb();
        r.put("peak_rss_mb", kb > 0 ? kb / 1024.0 : null);
        return kb;
    }

    /** "ACC a  NMI n  ARI r  purity p" to 4 decimals; a score that rounds to zero prints as 0.0000, not -0.0000. */
    static String scores(org.specrage.metrics.ClusteringMetrics.Scores s) {
        return "ACC " + fixed4(s.acc()) + "  NMI " + fixed4(s.nmi()) + "  ARI " + fixed4(s.ari()) + "  purity " + fixed4(s.purity());
    }

    private static String fixed4(double v) {
        String text = String.format(java.util.Locale.ROOT, "%.4f", v);
        return text.equals("-0.0000") ? "0.0000" : text;
    }
}
