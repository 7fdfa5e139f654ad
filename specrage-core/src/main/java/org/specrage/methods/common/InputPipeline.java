package org.specrage.methods.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.data.prep.Preprocessing;
import org.specrage.data.prep.Scaler;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.model.Manifest;
import org.specrage.model.ModelFormatException;

/**
 * What a model does to raw data before its networks: the per-view scalers fitted on the training
 * rows, then the views joined column-wise into one float32 matrix. Stored in the model, so new raw
 * data is scaled exactly like the training data. The training views' names are stored too: a model
 * fitted on some views of a file finds them by name in the whole file.
 */
public final class InputPipeline {
    private final Preprocessing preprocessing;
    private final int[] viewDims;
    private final String[] viewNames; // null entries for unnamed views

    private InputPipeline(Preprocessing preprocessing, int[] viewDims, String[] viewNames) {
        this.preprocessing = preprocessing;
        this.viewDims = viewDims.clone();
        this.viewNames = viewNames.clone();
    }

    /** Fits one scaler of the given kind (minmax, standard, l2, tfidf, none) per view on the training data. */
    public static InputPipeline fit(MultiViewData train, String preprocess) {
        int[] dims = new int[train.viewCount()];
        String[] names = new String[dims.length];
        boolean varies = false; // one constant view among others is a missing view, which a multi-view fit may down-weight
        for (int v = 0; v < dims.length; v++) {
            dims[v] = train.view(v).cols();
            names[v] = train.view(v).name();
            varies |= train.view(v).varies();
        }
        if (!varies) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "data set '" + train.name() + "' has no variation: all its "
                    + train.rows() + " training rows are the same" + (dims.length > 1 ? " in every view" : "") + "; check the file");
        }
        return new InputPipeline(Preprocessing.fit(train, preprocess), dims, names);
    }

    /** The scaled, joined features of the data (n x inputDim). */
    public FMatrix features(MultiViewData data) {
        return joinedDense(scaledViews(data));
    }

    /**
     * The scaled rows as a network input: a single sparse view stays sparse (an autoencoder's
     * encoder reads it as it is, and {@link RowInput#toDense} writes it out only on demand);
     * otherwise the joined dense features.
     */
    public RowInput rows(MultiViewData data) {
        MultiViewData scaled = scaledViews(data);
        if (scaled.viewCount() == 1 && scaled.view(0).isSparse()) return RowInput.of(scaled.view(0).sparse());
        return RowInput.of(joinedDense(scaled));
    }

    private static FMatrix joinedDense(MultiViewData scaled) {
        requireDenseFits(scaled, Runtime.getRuntime().maxMemory());
        if (scaled.viewCount() == 1) return scaled.view(0).toDense();
        List<FMatrix> parts = new ArrayList<>();
        for (View view : scaled.views()) parts.add(view.toDense());
        return FMatrix.hconcat(parts);
    }

    /**
     * Fails clearly, before any allocation, when data with a sparse view would not fit written out
     * densely (over 2^31 - 1 values, or more than half of heapBytes): an OutOfMemoryError halfway
     * through a fit tells the user nothing.
     */
    static void requireDenseFits(MultiViewData data, long heapBytes) {
        boolean sparse = false;
        long cols = 0;
        for (View view : data.views()) {
            sparse |= view.isSparse();
            cols += view.cols();
        }
        long values = (long) data.rows() * cols;
        if (!sparse || denseFits(data.rows(), cols, heapBytes)) return;
        throw new DataException(DataException.Kind.INVALID_ARGUMENT, String.format(java.util.Locale.ROOT,
                "data set '%s' has sparse views that this method reads densely: %d rows x %d columns is %.1f GB of floats, against a heap of %.1f GB."
                        + " SpecRaGE keeps sparse views sparse (--method specrage works on one view too); otherwise reduce the columns,"
                        + " or give Java more memory (SPECRAGE_JAVA_OPTS=-Xmx...)",
                data.name(), data.rows(), cols, values * (double) Float.BYTES / 1e9, heapBytes / 1e9));
    }

    /** Whether rows x cols floats can be written out densely: one Java array, and at most half of heapBytes. */
    public static boolean denseFits(long rows, long cols, long heapBytes) {
        long values = rows * cols;
        return values <= Integer.MAX_VALUE && values * Float.BYTES <= heapBytes / 2;
    }

    /**
     * The scaled views, each as it is stored (a sparse view stays sparse); checks the views against the
     * pipeline. The data's views are matched to the training views by name when every training view's
     * name occurs exactly once among them (so the whole file of a fit on some of its views works, in
     * any order), otherwise by position.
     */
    public MultiViewData scaledViews(MultiViewData data) {
        data = widenSparseViews(trainingViews(data));
        for (int v = 0; v < viewDims.length; v++) {
            if (data.view(v).cols() != viewDims[v]) {
                boolean labelsTaken = viewDims.length == 1 && data.hasLabels() && data.view(v).cols() == viewDims[v] - 1;
                String given = data.view(v).name();
                throw new DataException(DataException.Kind.INVALID_ARGUMENT, "view " + v + (given != null ? " ('" + given + "')" : "")
                        + " has " + data.view(v).cols() + " columns but the model's view " + v
                        + (viewNames[v] != null ? " ('" + viewNames[v] + "')" : "") + " has " + viewDims[v]
                        + (labelsTaken ? " (if the file's last column was read as labels but is a feature, add --label-column none)" : ""));
            }
        }
        return preprocessing.apply(data);
    }

    /** The data's views the model was trained on, in training order: matched by name, or all of them by position. */
    private MultiViewData trainingViews(MultiViewData data) {
        int[] byName = viewsByName(data);
        if (byName != null) return isIdentity(byName, data.viewCount()) ? data : data.selectViews(byName);
        if (data.viewCount() == viewDims.length) return data;
        String ambiguous = nameOccurringTwice(data);
        throw new DataException(DataException.Kind.INVALID_ARGUMENT, "the model was trained on " + viewDims.length
                + " view" + (viewDims.length == 1 ? "" : "s") + describeNames(viewNames) + " but data set '" + data.name() + "' has "
                + data.viewCount() + (ambiguous != null ? ", two of them named '" + ambiguous + "'" : "")
                + " (if the fit chose views with --views, pass the same --views)");
    }

    /** Index in data of each training view, found by its name; null unless every name occurs exactly once. */
    private int[] viewsByName(MultiViewData data) {
        int[] picked = new int[viewNames.length];
        for (int v = 0; v < viewNames.length; v++) {
            if (viewNames[v] == null) return null;
            picked[v] = -1;
            for (int w = 0; w < data.viewCount(); w++) {
                if (!viewNames[v].equals(data.view(w).name())) continue;
                if (picked[v] >= 0) return null;
                picked[v] = w;
            }
            if (picked[v] < 0) return null;
            for (int u = 0; u < v; u++) if (picked[u] == picked[v]) return null; // two training views of one name
        }
        return picked;
    }

    private String nameOccurringTwice(MultiViewData data) {
        for (String name : viewNames) {
            if (name == null) continue;
            int count = 0;
            for (View view : data.views()) if (name.equals(view.name())) count++;
            if (count > 1) return name;
        }
        return null;
    }

    private static boolean isIdentity(int[] picked, int views) {
        if (picked.length != views) return false;
        for (int v = 0; v < picked.length; v++) if (picked[v] != v) return false;
        return true;
    }

    /** " (a, b)" for views that all have names, "" otherwise: the tail of a message about a model's views. */
    public static String describeNames(String[] names) {
        for (String name : names) if (name == null) return "";
        return " (" + String.join(", ", names) + ")";
    }

    /** Names of the training views (null entries for unnamed views). */
    public String[] viewNames() {
        return viewNames.clone();
    }

    /**
     * A sparse file (LibSVM) does not record its width, only the largest column it uses: new rows that
     * happen not to use the last columns give a narrower view. Its missing columns are zeros, so it is
     * widened to the training width; a dense view must match exactly.
     */
    private MultiViewData widenSparseViews(MultiViewData data) {
        List<View> views = null;
        for (int v = 0; v < viewDims.length; v++) {
            View view = data.view(v);
            if (!view.isSparse() || view.cols() >= viewDims[v]) continue;
            if (views == null) views = new ArrayList<>(data.views());
            CsrMatrix m = view.sparse();
            View wide = View.sparse(new CsrMatrix(m.rows, viewDims[v], m.rowStart, m.colIndex, m.values));
            views.set(v, view.name() != null ? wide.withName(view.name()) : wide);
        }
        return views == null ? data : data.withViews(views);
    }

    /** Columns of each input view. */
    public int[] viewDims() {
        return viewDims.clone();
    }

    /** Columns of the joined features. */
    public int inputDim() {
        int total = 0;
        for (int d : viewDims) total += d;
        return total;
    }

    /** JSON-ready description: per view, its columns, scaler kind and statistics. */
    public List<Map<String, Object>> toJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int v = 0; v < viewDims.length; v++) {
            Scaler s = preprocessing.scalers().get(v);
            Map<String, Object> entry = Manifest.newObject();
            if (viewNames[v] != null) entry.put("name", viewNames[v]);
            entry.put("columns", viewDims[v]);
            entry.put("scaler", s.kind());
            Map<String, Object> stats = Manifest.newObject();
            s.statistics().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> stats.put(e.getKey(), e.getValue()));
            entry.put("statistics", stats);
            out.add(entry);
        }
        return out;
    }

    /** Rebuilds the pipeline from {@link #toJson()}, checking that each statistic has one value per column. */
    public static InputPipeline fromJson(List<Manifest> views) throws ModelFormatException {
        if (views.isEmpty()) throw new ModelFormatException("the model's input description lists no views");
        int[] dims = new int[views.size()];
        String[] names = new String[dims.length];
        List<Scaler> scalers = new ArrayList<>();
        for (int v = 0; v < dims.length; v++) {
            Manifest entry = views.get(v);
            dims[v] = entry.smallInt("columns");
            names[v] = entry.has("name") ? entry.string("name") : null; // absent in models of earlier builds
            if (dims[v] < 1) throw new ModelFormatException("view " + v + " of the model has " + dims[v] + " columns");
            Manifest stats = entry.object("statistics");
            Map<String, double[]> values = new java.util.HashMap<>();
            for (String key : stats.values().keySet()) {
                double[] column = stats.doubles(key);
                if (column.length != dims[v]) {
                    throw new ModelFormatException("scaler statistic '" + key + "' of view " + v + " has " + column.length
                            + " values for " + dims[v] + " columns");
                }
                values.put(key, column);
            }
            try {
                scalers.add(Preprocessing.restore(entry.string("scaler"), values));
            } catch (DataException | IllegalArgumentException e) {
                throw new ModelFormatException("scaler of view " + v + ": " + e.getMessage());
            }
        }
        return new InputPipeline(Preprocessing.of(scalers), dims, names);
    }
}
