package org.specrage.data.io;

import org.specrage.data.DataException;
import org.specrage.data.Labels;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the views and labels among a MAT file's variables, the same way for v5 and v7.3.
 * Views: a cell {@code X} (or {@code data}, {@code fea}, {@code features}), a single such matrix,
 * or matrices {@code X1, X2, ...}. Labels: {@code Y}, {@code y}, {@code gt}, {@code truth},
 * {@code gnd}, {@code labels} or {@code label}, mapped to 0..C-1. Each view is oriented so that its
 * samples match the label count (MATLAB rows or, as in BDGP's {@code data}, columns).
 * A char cell {@code feas} or {@code view_meaning} names the views; a scalar {@code train_rows}
 * marks a predefined split.
 */
final class MatLayout {
    private static final List<String> VIEW_NAMES = List.of("X", "data", "fea", "features", "x");
    private static final List<String> LABEL_NAMES = List.of("Y", "y", "gt", "truth", "gnd", "labels", "label", "Y1");
    private static final List<String> VIEW_TITLE_NAMES = List.of("feas", "view_meaning", "view_names", "viewNames", "names");

    private MatLayout() {
    }

    static MultiViewData build(Map<String, MatNode> vars, LoadOptions options, String name) {
        List<MatNode> viewNodes = findViews(vars, options.matViews());
        String column = options.labelColumn();
        if (!column.equals("none") && !column.equals("last")) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "a label column (" + column + ") applies to CSV/TSV files;"
                    + " a MAT file's labels are its variable " + LABEL_NAMES + ", or none (--label-column none)");
        }
        // labels given elsewhere, or explicitly none: the file's label variable is not read at all
        String labelSpec = options.matLabels() == null && options.labelColumn().equals("none") ? "none" : options.matLabels();
        double[] rawLabels = findLabels(vars, labelSpec);
        int n = rawLabels != null ? rawLabels.length : rowCount(viewNodes, labelLength(vars, options.matLabels()));
        List<View> views = new ArrayList<>(viewNodes.size());
        for (int v = 0; v < viewNodes.size(); v++) {
            MatNode node = viewNodes.get(v);
            if (!node.isMatrix()) {
                throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "view " + v + " is " + node.shape() + ", not a numeric 2-D matrix");
            }
            boolean transpose;
            if (node.rows() == n) transpose = false;
            else if (node.cols() == n) transpose = true;
            else {
                throw new DataException(rawLabels != null ? DataException.Kind.LABEL_MISMATCH : DataException.Kind.ROW_MISMATCH,
                        "view " + v + " is " + node.rows() + " x " + node.cols() + " but there are " + n
                                + (rawLabels != null ? " labels" : " samples in the other views"));
            }
            views.add(node.toView(transpose));
        }
        nameViews(vars, views);
        int[] labels = rawLabels == null ? null : Labels.encode(rawLabels);
        MultiViewData data = new MultiViewData(views, labels, name);
        MatNode trainRows = vars.get("train_rows"); // written by MatV5Writer for a predefined split
        if (trainRows != null && trainRows.isNumeric() && trainRows.elementCount() == 1) {
            data = data.withPredefinedTrainRows((int) trainRows.value(0));
        }
        return data;
    }

    private static List<MatNode> findViews(Map<String, MatNode> vars, String spec) {
        if (spec != null) {
            String[] names = spec.split(",");
            if (names.length == 1) {
                MatNode node = require(vars, names[0].trim());
                return node.isCell() ? node.elements() : List.of(node);
            }
            List<MatNode> out = new ArrayList<>();
            for (String s : names) out.add(require(vars, s.trim()));
            return out;
        }
        for (String candidate : VIEW_NAMES) {
            MatNode node = vars.get(candidate);
            if (node == null) continue;
            if (node.isCell()) {
                if (node.elements().isEmpty()) throw new DataException(DataException.Kind.EMPTY_VIEW, "cell '" + candidate + "' is empty");
                return node.elements();
            }
            if (node.isMatrix()) return List.of(node);
        }
        for (String prefix : new String[]{"X", "x"}) {
            List<MatNode> numbered = new ArrayList<>();
            for (int k = 1; vars.containsKey(prefix + k); k++) numbered.add(vars.get(prefix + k));
            if (!numbered.isEmpty()) return numbered;
        }
        // a lone numeric matrix that is not a label vector
        List<MatNode> matrices = new ArrayList<>();
        for (Map.Entry<String, MatNode> e : vars.entrySet()) {
            MatNode node = e.getValue();
            if (node.isMatrix() && !LABEL_NAMES.contains(e.getKey()) && node.rows() > 1 && node.cols() > 1) matrices.add(node);
        }
        if (matrices.size() == 1) return matrices;
        throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "cannot tell which variables hold the views (looked for a cell or matrix "
                + VIEW_NAMES + " or X1, X2, ...); variables: " + describe(vars) + "; name them with --mat-views (and --mat-labels)"
                + " on the command line, or LoadOptions.withMatVariables in the library");
    }

    private static double[] findLabels(Map<String, MatNode> vars, String spec) {
        MatNode node = null;
        String name = spec;
        if (spec != null) {
            if (spec.equalsIgnoreCase("none")) return null;
            node = require(vars, spec);
        } else {
            for (String candidate : LABEL_NAMES) {
                MatNode c = vars.get(candidate);
                if (c != null && c.isNumeric()) {
                    node = c;
                    name = candidate;
                    break;
                }
                if (c != null && (c.isChar() || c.isCell())) {
                    // loading such a file as unlabelled would silently drop what the user meant as labels
                    throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "label variable '" + candidate + "' is " + c.shape()
                            + ", not numeric labels; give the labels in a separate file (--labels FILE) or load without labels (--label-column none)");
                }
            }
            if (node == null) return null;
        }
        if (!node.isVector()) {
            throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "label variable '" + name + "' is " + node.shape() + ", expected a numeric vector");
        }
        return node.toVector();
    }

    /**
     * The length of the file's label vector even when its values are not wanted (transform reads no
     * labels): it still tells which way round the views are stored. -1 when there is none.
     */
    private static int labelLength(Map<String, MatNode> vars, String named) {
        for (String candidate : named != null && !named.equalsIgnoreCase("none") ? List.of(named) : LABEL_NAMES) {
            MatNode c = vars.get(candidate);
            if (c != null && c.isNumeric() && c.isVector()) return c.elementCount();
        }
        return -1;
    }

    /**
     * Without labels: the common MATLAB row count, or the common column count when every view is
     * stored features x samples. Only columns agreeing is ambiguous (two sample sets of one
     * dimension look the same), so that reading needs the label vector's length to agree, or more
     * samples than features in every view (the shape of BDGP's {@code data}); anything else is
     * refused rather than silently transposed.
     */
    private static int rowCount(List<MatNode> nodes, int labelLength) {
        int rows = nodes.get(0).rows();
        int cols = nodes.get(0).cols();
        boolean sameRows = true, sameCols = true, moreColsThanRows = true;
        for (MatNode node : nodes) {
            sameRows &= node.rows() == rows;
            sameCols &= node.cols() == cols;
            moreColsThanRows &= node.cols() > node.rows();
        }
        if (sameRows || !sameCols) return rows; // a mismatch is reported per view
        if (labelLength == cols || (labelLength < 0 && moreColsThanRows)) return cols;
        List<String> shapes = new ArrayList<>();
        for (MatNode node : nodes) shapes.add(node.rows() + " x " + node.cols());
        throw new DataException(DataException.Kind.ROW_MISMATCH, "the views " + shapes + " have different row counts (samples),"
                + " and read as features x samples some view would have at least as many features as samples; store one row per"
                + " sample in every view, or add the labels to the file (variable Y) so that each view's orientation is known");
    }

    /** Uses a char cell such as handwritten.mat's {@code feas} as view names when it has one entry per view. */
    private static void nameViews(Map<String, MatNode> vars, List<View> views) {
        for (String candidate : VIEW_TITLE_NAMES) {
            MatNode node = vars.get(candidate);
            if (node == null || !node.isCell() || node.elements().size() != views.size()) continue;
            List<String> titles = new ArrayList<>();
            for (MatNode e : node.elements()) {
                if (!e.isChar()) break;
                titles.add(e.text().strip());
            }
            if (titles.size() != views.size()) continue;
            for (int v = 0; v < views.size(); v++) views.set(v, views.get(v).withName(titles.get(v)));
            return;
        }
    }

    private static MatNode require(Map<String, MatNode> vars, String name) {
        MatNode node = vars.get(name);
        if (node == null) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "no variable '" + name + "' in the file; variables: " + describe(vars));
        }
        return node;
    }

    private static String describe(Map<String, MatNode> vars) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, MatNode> e : vars.entrySet()) parts.add(e.getKey() + " (" + e.getValue().shape() + ")");
        return parts.toString();
    }
}
