package org.specrage.methods.specrage.experiments;

/**
 * One point of a robustness sweep: a method's held-out scores at one contamination fraction of one
 * view, and for SpecRaGE the mean fusion weight of the corrupted view and of the other views (their
 * mean) over the held-out rows that were corrupted and over those that were not (NaN where it does
 * not apply: uniform fusion has no per-sample weights to compare, the exact baseline none at all).
 */
public record RobustnessRow(String method, double fraction, long seed, double acc, double nmi, double ari,
                            int corruptedTestRows, double corruptedViewWeightOnCorrupted, double cleanViewWeightOnCorrupted,
                            double corruptedViewWeightOnClean, double cleanViewWeightOnClean, double fitSeconds) {
    /** The CSV header matching {@link #csv()}. */
    public static final String CSV_HEADER = "method,fraction,seed,acc,nmi,ari,corrupted_test_rows,corrupted_view_weight_on_corrupted,"
            + "clean_view_weight_on_corrupted,corrupted_view_weight_on_clean,clean_view_weight_on_clean,fit_seconds";

    public String csv() {
        return String.join(",", method, java.math.BigDecimal.valueOf(fraction).stripTrailingZeros().toPlainString(), Long.toString(seed), num(acc), num(nmi), num(ari), Integer.toString(corruptedTestRows),
                num(corruptedViewWeightOnCorrupted), num(cleanViewWeightOnCorrupted), num(corruptedViewWeightOnClean),
                num(cleanViewWeightOnClean), num(fitSeconds));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}
