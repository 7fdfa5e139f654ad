package org.specrage.methods.specrage.experiments;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Mean and sample standard deviation of a number over runs. */
public record Summary(double mean, double std, int count) {
    public static <T> Summary of(List<T> runs, ToDoubleFunction<T> value) {
        int n = runs.size();
        if (n == 0) return new Summary(Double.NaN, Double.NaN, 0);
        double sum = 0;
        for (T r : runs) sum += value.applyAsDouble(r);
        double mean = sum / n;
        double sq = 0;
        for (T r : runs) {
            double d = value.applyAsDouble(r) - mean;
            sq += d * d;
        }
        return new Summary(mean, n > 1 ? Math.sqrt(sq / (n - 1)) : 0, n);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.4f +- %.4f (n=%d)", mean, std, count);
    }
}
