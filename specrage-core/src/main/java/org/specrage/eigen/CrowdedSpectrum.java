package org.specrage.eigen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.specrage.linalg.DMatrix;

/**
 * Lanczos on a crowded spectrum. A Krylov space grown from one vector holds one eigenvector per
 * distinct eigenvalue, so of an eigenvalue repeated c times (a graph with c components) it may
 * find fewer than c copies, and report a lower eigenvalue in their place without any error. And
 * when the wanted eigenvalues lie closer together than the tolerance can resolve, ARPACK stalls at
 * its restart limit. For the first, Lanczos runs again on the operator with the pairs found moved
 * out of the way (their value set past the worst of them), until no new pair ranks among the wanted ones (when two values found coincide, or
 * when the caller expects a repeated value: it may see only one copy); for the second, it runs
 * again with a wider basis and a looser tolerance, then searches the same way.
 */
final class CrowdedSpectrum {
    /**
     * A pair from the projected run whose vector keeps more than this (squared) inside the found span
     * is a deflated one (a safety net: its value, past the worst found, would not rank anyway).
     */
    private static final double INSIDE_FOUND_SPAN = 0.5;
    /** Projected runs after a stall's retry (see {@link #retry}). */
    static final int STALL_SEARCH_RUNS = 2;

    private CrowdedSpectrum() {
    }

    /** The k largest (or smallest) pairs after a first attempt stalled; throws when the retry stalls too. */
    static EigenResult retry(SymmetricOperator op, int k, LanczosOptions options, boolean largest, EigenSolverException first,
                             boolean repeatedExpected) {
        int n = op.size();
        int ncv = Math.min(n, Math.max(2 * options.basisSize(k, n), 4 * k + 1));
        LanczosOptions wider = options.withNcv(ncv).withTolerance(Math.max(options.tolerance(), Eigensolvers.RETRY_TOLERANCE));
        EigenResult found;
        try {
            found = Lanczos.extreme(op, k, wider, largest);
        } catch (EigenSolverException second) {
            throw new EigenSolverException(first.getMessage() + "; again with basis " + ncv + " and tolerance "
                    + wider.tolerance() + ": " + second.getMessage(), second.info());
        }
        if (repeatedExpected) return withMissedPairs(op, k, wider, largest, found, k);
        // a stalled spectrum is crowded all along: values coincide at this tolerance without being repeated, and a
        // full search would chase them for k runs, so it gets a couple
        return hasRepeatedValue(found, wider.tolerance()) ? withMissedPairs(op, k, wider, largest, found, STALL_SEARCH_RUNS) : found;
    }

    /**
     * True when two of the values found agree to within a thousand tolerances of the spectrum's
     * scale: a repeated eigenvalue, of which Lanczos may have found fewer copies than there are.
     */
    static boolean hasRepeatedValue(EigenResult found, double tolerance) {
        double scale = 0;
        for (double v : found.values()) scale = Math.max(scale, Math.abs(v));
        double close = 1e3 * tolerance * (scale > 0 ? scale : 1);
        for (int j = 1; j < found.count(); j++) {
            if (found.values()[j] - found.values()[j - 1] <= close) return true;
        }
        return false;
    }

    /** found, completed by the pairs that Lanczos on the operator without found's span ranks among the k wanted. */
    static EigenResult withMissedPairs(SymmetricOperator op, int k, LanczosOptions options, boolean largest, EigenResult found, int maxRuns) {
        // each projected run adds at least one pair or ends the search, so k runs are enough
        for (int pass = 0; pass < Math.min(k, maxRuns); pass++) {
            EigenResult extra;
            try {
                extra = Lanczos.extreme(new Projected(op, found.vectors(), beyondTheWorst(found.values(), largest)), k, options, largest);
            } catch (EigenSolverException stalled) {
                break; // the pairs already found stand; the search for missed ones is a refinement
            }
            EigenResult merged = merge(found, extra, k, largest, options.tolerance());
            if (merged == null) break;
            found = merged;
        }
        return found;
    }

    /**
     * Where the projected run puts the pairs found: past the worst of them on the unwanted side, so
     * that they can neither rank among the wanted values nor tie with one (0 would do both when the
     * wanted values straddle it, as a Laplacian's bottom does: its null vectors and the deflated
     * directions then mix).
     */
    static double beyondTheWorst(double[] ascending, boolean largest) {
        double low = ascending[0], high = ascending[ascending.length - 1];
        double margin = (high - low) + 1e-3 * Math.max(Math.abs(low), Math.abs(high)) + Double.MIN_NORMAL;
        return largest ? low - margin : high + margin;
    }

    /** The best k of both sets, ascending; null when none of the projected run's pairs ranks among them. */
    private static EigenResult merge(EigenResult found, EigenResult extra, int k, boolean largest, double tolerance) {
        int n = found.vectors().rows;
        record Pair(double value, double[] vector, boolean isNew) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int j = 0; j < found.count(); j++) pairs.add(new Pair(found.values()[j], found.vector(j), false));
        for (int j = 0; j < extra.count(); j++) {
            double[] x = extra.vector(j);
            if (insideSpan(found.vectors(), x) <= INSIDE_FOUND_SPAN) pairs.add(new Pair(extra.values()[j], x, true));
        }
        Comparator<Pair> best = Comparator.comparingDouble(Pair::value);
        pairs.sort(largest ? best.reversed() : best);
        List<Pair> kept = pairs.subList(0, k);
        if (kept.stream().noneMatch(Pair::isNew)) return null;
        kept.sort(best);
        double[] values = new double[k];
        DMatrix vectors = new DMatrix(n, k);
        for (int j = 0; j < k; j++) {
            values[j] = kept.get(j).value();
            double[] x = kept.get(j).vector();
            for (int i = 0; i < n; i++) vectors.data[i * k + j] = x[i];
        }
        SignConvention.apply(vectors);
        return new EigenResult(values, vectors, tolerance);
    }

    /** Squared norm of the unit vector x's projection onto the orthonormal columns of v. */
    private static double insideSpan(DMatrix v, double[] x) {
        double sum = 0;
        for (int j = 0; j < v.cols; j++) {
            double dot = 0;
            for (int i = 0; i < v.rows; i++) dot += v.data[i * v.cols + j] * x[i];
            sum += dot * dot;
        }
        return sum;
    }

    /** P A P + d V V^T with P = I - V V^T: the pairs found get eigenvalue d, every other pair stays as it was. */
    private static final class Projected implements SymmetricOperator {
        private final SymmetricOperator op;
        private final DMatrix v;
        private final double deflatedValue;
        private final double[] projected;
        private final double[] coefficients;

        Projected(SymmetricOperator op, DMatrix v, double deflatedValue) {
            this.op = op;
            this.v = v;
            this.deflatedValue = deflatedValue;
            this.projected = new double[op.size()];
            this.coefficients = new double[v.cols];
        }

        @Override
        public int size() {
            return op.size();
        }

        @Override
        public void apply(double[] x, double[] y) {
            project(x, projected);
            op.apply(projected, y);
            project(y, y);
            // x - P x is x's part in span(V)
            for (int i = 0; i < y.length; i++) y[i] += deflatedValue * (x[i] - projected[i]);
        }

        private void project(double[] x, double[] out) {
            int n = v.rows, k = v.cols;
            java.util.Arrays.fill(coefficients, 0);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) coefficients[j] += v.data[i * k + j] * x[i];
            }
            for (int i = 0; i < n; i++) {
                double s = x[i];
                for (int j = 0; j < k; j++) s -= v.data[i * k + j] * coefficients[j];
                out[i] = s;
            }
        }
    }
}
