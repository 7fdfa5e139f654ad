package org.specrage.data.prep;

import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One fitted scaler per view. Fit on the training rows only, then apply to any rows (training,
 * test, or new data), so no test statistics leak into training.
 */
public final class Preprocessing {
    /** Scaler names accepted by {@link #scaler(String)}. */
    public static final List<String> KINDS = List.of("none", "minmax", "standard", "l2", "tfidf");

    private final List<Scaler> scalers;

    private Preprocessing(List<Scaler> scalers) {
        this.scalers = List.copyOf(scalers);
    }

    /** Already fitted scalers, one per view (for example restored from a model file). */
    public static Preprocessing of(List<Scaler> fitted) {
        return new Preprocessing(fitted);
    }

    /** An unfitted scaler by name: none, minmax, standard (zscore), l2, tfidf. */
    public static Scaler scaler(String kind) {
        return switch (normalise(kind)) {
            case "none" -> new IdentityScaler();
            case "minmax" -> new MinMaxScaler();
            case "standard" -> new StandardScaler();
            case "l2" -> new L2RowNormalizer();
            case "tfidf" -> new TfIdf();
            default -> throw unknown(kind);
        };
    }

    /** A fitted scaler rebuilt from {@link Scaler#kind()} and {@link Scaler#statistics()}. */
    public static Scaler restore(String kind, Map<String, double[]> stats) {
        return switch (normalise(kind)) {
            case "none" -> new IdentityScaler();
            case "l2" -> new L2RowNormalizer();
            case "minmax" -> MinMaxScaler.of(stat(stats, "min"), stat(stats, "max"));
            case "standard" -> StandardScaler.of(stat(stats, "mean"), stat(stats, "scale"));
            case "tfidf" -> TfIdf.of(stat(stats, "idf"));
            default -> throw unknown(kind);
        };
    }

    /**
     * Fits scalers on the training data: one kind for every view, or one kind per view.
     */
    public static Preprocessing fit(MultiViewData train, String... kinds) {
        if (kinds.length != 1 && kinds.length != train.viewCount()) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "give one preprocessing kind or one per view ("
                    + train.viewCount() + "), got " + kinds.length);
        }
        List<Scaler> fitted = new ArrayList<>();
        for (int v = 0; v < train.viewCount(); v++) {
            fitted.add(scaler(kinds.length == 1 ? kinds[0] : kinds[v]).fit(train.view(v)));
        }
        return new Preprocessing(fitted);
    }

    /** Fits on the given rows of the data only. */
    public static Preprocessing fit(MultiViewData data, int[] trainRows, String... kinds) {
        return fit(data.selectRows(trainRows), kinds);
    }

    /** Fits one scaler of the given kind per view on train and returns all rows transformed. */
    public static MultiViewData fitTransform(MultiViewData train, MultiViewData all, String kind) {
        return fit(train, kind).apply(all);
    }

    /** Every view transformed by its scaler; labels, name and split are kept. */
    public MultiViewData apply(MultiViewData data) {
        if (data.viewCount() != scalers.size()) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "preprocessing was fitted for " + scalers.size()
                    + " views but data set '" + data.name() + "' has " + data.viewCount());
        }
        List<View> out = new ArrayList<>(scalers.size());
        for (int v = 0; v < scalers.size(); v++) {
            View view = data.view(v);
            try {
                out.add(scalers.get(v).transform(view));
            } catch (IllegalArgumentException e) {
                throw new DataException(DataException.Kind.INVALID_ARGUMENT, "view " + v + ": " + e.getMessage());
            }
        }
        return data.withViews(out);
    }

    public List<Scaler> scalers() {
        return scalers;
    }

    private static String normalise(String kind) {
        if (kind == null) throw unknown("null");
        String k = kind.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (k) {
            case "zscore", "standardize", "standardise" -> "standard";
            case "identity", "" -> "none";
            case "l2norm", "normalize", "normalise" -> "l2";
            default -> k;
        };
    }

    private static DataException unknown(String kind) {
        return new DataException(DataException.Kind.INVALID_ARGUMENT, "unknown preprocessing '" + kind + "'; choose one of " + KINDS);
    }

    private static double[] stat(Map<String, double[]> stats, String key) {
        double[] v = stats.get(key);
        if (v == null) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "preprocessing statistics lack '" + key + "'");
        return v;
    }
}
