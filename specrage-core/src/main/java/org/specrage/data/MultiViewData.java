package org.specrage.data;

import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A data set: V views of the same n samples, optional class labels 0..C-1, and an optional
 * predefined train/test split (the first {@code trainRows} rows are the training set).
 * Immutable apart from the matrices it shares with its views. Every value is checked to be finite.
 */
public final class MultiViewData {
    private final List<View> views;
    private final int[] labels;
    private final int classCount;
    private final String name;
    private final int trainRows; // -1 when there is no predefined split

    /**
     * Validates: at least one view, no empty view, equal row counts, labels (when given) one per row
     * and non-negative, all values finite. Throws {@link DataException} naming the problem.
     */
    public MultiViewData(List<View> views, int[] labels, String name) {
        this(views, labels, name, -1, -1, true);
    }

    private MultiViewData(List<View> views, int[] labels, String name, int classCount, int trainRows, boolean validate) {
        this.views = List.copyOf(views);
        this.labels = labels;
        this.name = name == null ? "data" : name;
        this.trainRows = trainRows;
        if (validate) validate();
        this.classCount = classCount >= 0 ? classCount : labels == null ? 0 : Arrays.stream(labels).max().orElse(-1) + 1;
    }

    private void validate() {
        if (views.isEmpty()) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "data set '" + name + "' has no views");
        int n = views.get(0).rows();
        for (int v = 0; v < views.size(); v++) {
            View view = views.get(v);
            if (view.rows() == 0 || view.cols() == 0) {
                throw new DataException(DataException.Kind.EMPTY_VIEW,
                        viewLabel(v) + " is empty (" + view.rows() + " x " + view.cols() + ")");
            }
            if (view.rows() != n) {
                throw new DataException(DataException.Kind.ROW_MISMATCH,
                        viewLabel(v) + " has " + view.rows() + " rows but " + viewLabel(0) + " has " + n);
            }
        }
        if (labels != null) {
            if (labels.length != n) {
                throw new DataException(DataException.Kind.LABEL_MISMATCH,
                        "there are " + labels.length + " labels for " + n + " rows");
            }
            for (int i = 0; i < n; i++) {
                if (labels[i] < 0) {
                    throw new DataException(DataException.Kind.INVALID_ARGUMENT, "label of row " + i + " is negative: " + labels[i]);
                }
            }
        }
        for (int v = 0; v < views.size(); v++) checkFinite(v);
    }

    private void checkFinite(int v) {
        View view = views.get(v);
        if (view.isSparse()) {
            CsrMatrix m = view.sparse();
            for (int r = 0; r < m.rows; r++) {
                for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                    if (!Double.isFinite(m.values[k])) throw nonFinite(v, r, m.colIndex[k], m.values[k]);
                }
            }
        } else {
            FMatrix m = view.dense();
            for (int i = 0; i < m.data.length; i++) {
                if (!Float.isFinite(m.data[i])) throw nonFinite(v, i / m.cols, i % m.cols, m.data[i]);
            }
        }
    }

    private DataException nonFinite(int v, int row, int col, double value) {
        return new DataException(DataException.Kind.NON_FINITE,
                viewLabel(v) + " row " + row + " column " + col + " (0-based) is " + value);
    }

    private String viewLabel(int v) {
        String viewName = views.get(v).name();
        return "view " + v + (viewName == null ? "" : " ('" + viewName + "')");
    }

    public int rows() {
        return views.get(0).rows();
    }

    public int viewCount() {
        return views.size();
    }

    public View view(int v) {
        checkViewIndex(v);
        return views.get(v);
    }

    /** The views, unmodifiable. */
    public List<View> views() {
        return views;
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** The labels 0..C-1 (the array itself, do not modify), or null when there are none. */
    public int[] labels() {
        return labels;
    }

    /** C: one more than the largest label of the data set this was taken from; 0 without labels. */
    public int classCount() {
        return classCount;
    }

    public String name() {
        return name;
    }

    public MultiViewData withName(String newName) {
        return new MultiViewData(views, labels, newName, classCount, trainRows, false);
    }

    /** The same rows with other labels (validated); null removes them. */
    public MultiViewData withLabels(int[] newLabels) {
        MultiViewData d = new MultiViewData(views, newLabels, name, -1, trainRows, false);
        d.validateLabels();
        return d;
    }

    private void validateLabels() {
        if (labels == null) return;
        if (labels.length != rows()) {
            throw new DataException(DataException.Kind.LABEL_MISMATCH, "there are " + labels.length + " labels for " + rows() + " rows");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "label of row " + i + " is negative: " + labels[i]);
        }
    }

    /** The same rows, labels, name and split with other views (for example scaled ones); validated like the constructor. */
    public MultiViewData withViews(List<View> newViews) {
        return new MultiViewData(newViews, labels, name, classCount, trainRows, true);
    }

    /** The chosen views, in the given order (an index may repeat). */
    public MultiViewData selectViews(int... indices) {
        if (indices == null || indices.length == 0) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "no views selected from data set '" + name + "'");
        }
        List<View> chosen = new ArrayList<>(indices.length);
        for (int i = 0; i < indices.length; i++) {
            int v = indices[i];
            checkViewIndex(v);
            for (int j = 0; j < i; j++) {
                if (indices[j] == v) {
                    throw new DataException(DataException.Kind.INVALID_ARGUMENT, "view " + v + " is selected twice from data set '" + name
                            + "': a view counted twice would outweigh the others");
                }
            }
            chosen.add(views.get(v));
        }
        return new MultiViewData(chosen, labels, name, classCount, trainRows, false);
    }

    private void checkViewIndex(int v) {
        if (v < 0 || v >= views.size()) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "view index " + v + " is out of range: data set '"
                    + name + "' has " + views.size() + " view" + (views.size() == 1 ? "" : "s") + " (0.." + (views.size() - 1) + ")");
        }
    }

    /**
     * The given rows in the given order. Keeps the class count of this data set (a subset may
     * miss a class) and drops the predefined split, which no longer applies.
     */
    public MultiViewData selectRows(int[] rows) {
        int n = rows();
        for (int r : rows) {
            if (r < 0 || r >= n) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "row index " + r + " outside 0.." + (n - 1));
        }
        if (rows.length == 0) throw new DataException(DataException.Kind.EMPTY_VIEW, "no rows selected from data set '" + name + "'");
        List<View> chosen = new ArrayList<>(views.size());
        for (View v : views) chosen.add(v.selectRows(rows));
        int[] chosenLabels = null;
        if (labels != null) {
            chosenLabels = new int[rows.length];
            for (int i = 0; i < rows.length; i++) chosenLabels[i] = labels[rows[i]];
        }
        return new MultiViewData(chosen, chosenLabels, name, classCount, -1, false);
    }

    /** Number of leading rows that form the predefined training set, if the data came with one. */
    public OptionalInt predefinedTrainRows() {
        return trainRows < 0 ? OptionalInt.empty() : OptionalInt.of(trainRows);
    }

    /** Marks the first trainRows rows as the predefined training set (0 < trainRows <= n). */
    public MultiViewData withPredefinedTrainRows(int trainRows) {
        if (trainRows <= 0 || trainRows > rows()) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT,
                    "predefined train rows must be in 1.." + rows() + ", got " + trainRows);
        }
        return new MultiViewData(views, labels, name, classCount, trainRows, false);
    }

    /** A multi-line human-readable summary: size, each view's shape and storage, labels and class sizes. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("data set '").append(name).append("': ").append(rows()).append(" samples, ")
                .append(views.size()).append(views.size() == 1 ? " view" : " views");
        sb.append(labels == null ? ", no labels" : ", " + classCount + " classes").append('\n');
        for (int v = 0; v < views.size(); v++) {
            View view = views.get(v);
            long cells = (long) view.rows() * view.cols();
            long nnz = view.nonZeros();
            sb.append("  ").append(viewLabel(v)).append(": ").append(view.rows()).append(" x ").append(view.cols())
                    .append(view.isSparse() ? ", sparse CSR (float64 values)" : ", dense float32")
                    .append(String.format(Locale.ROOT, ", %d non-zeros (density %.2f%%)", nnz, 100.0 * nnz / cells))
                    .append('\n');
        }
        if (labels != null) {
            int[] counts = Labels.counts(labels, classCount);
            sb.append("  labels: ").append(classCount).append(" classes, samples per class ");
            if (counts.length <= 20) {
                sb.append(Arrays.toString(counts));
            } else {
                sb.append("min ").append(Arrays.stream(counts).min().getAsInt())
                        .append(", max ").append(Arrays.stream(counts).max().getAsInt());
            }
            sb.append('\n');
        }
        if (trainRows >= 0) {
            sb.append("  predefined split: first ").append(trainRows).append(" rows train, ")
                    .append(rows() - trainRows).append(" rows test\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "MultiViewData['" + name + "', " + rows() + " rows, " + views.size() + " views]";
    }
}
