package org.specrage.data.io;

import java.nio.file.Path;

/**
 * How to read a data file. Immutable: each {@code with...} returns a changed copy. The defaults
 * detect everything (delimiter, header, MAT variable layout, orientation).
 */
public final class LoadOptions {
    private final String labelColumn;
    private final Boolean header;
    private final Character delimiter;
    private final Path labelsFile;
    private final String matViews;
    private final String matLabels;
    private final String name;

    private LoadOptions(String labelColumn, Boolean header, Character delimiter, Path labelsFile,
                        String matViews, String matLabels, String name) {
        this.labelColumn = labelColumn;
        this.header = header;
        this.delimiter = delimiter;
        this.labelsFile = labelsFile;
        this.matViews = matViews;
        this.matLabels = matLabels;
        this.name = name;
    }

    public static LoadOptions defaults() {
        return new LoadOptions(null, null, null, null, null, null, null);
    }

    /**
     * CSV/TSV label column: "last", "first", a 0-based index "N", a header name, or "none".
     * Null restores the default: "last", or "none" when a labels file is given.
     */
    public LoadOptions withLabelColumn(String spec) {
        return new LoadOptions(spec, header, delimiter, labelsFile, matViews, matLabels, name);
    }

    /** CSV/TSV: whether the first line is a header; null = detect (a non-numeric feature field means header). */
    public LoadOptions withHeader(Boolean header) {
        return new LoadOptions(labelColumn, header, delimiter, labelsFile, matViews, matLabels, name);
    }

    /** CSV/TSV field delimiter; null = detect (tab, then comma, then semicolon, else runs of whitespace). */
    public LoadOptions withDelimiter(Character d) {
        return new LoadOptions(labelColumn, header, d, labelsFile, matViews, matLabels, name);
    }

    /**
     * Labels from a separate file (any format: .npy, IDX, CSV/text with one label per line and an
     * optional header, MAT vector). They replace any labels in the data file.
     */
    public LoadOptions withLabelsFile(Path file) {
        return new LoadOptions(labelColumn, header, delimiter, file, matViews, matLabels, name);
    }

    /**
     * MAT files: the variable holding the views (a cell array, one matrix, or a comma-separated
     * list of matrices such as "X1,X2") and the label variable ("none" for no labels). Null = detect.
     */
    public LoadOptions withMatVariables(String views, String labels) {
        return new LoadOptions(labelColumn, header, delimiter, labelsFile, views, labels, name);
    }

    /** Name of the loaded data set; null = the file name without extension. */
    public LoadOptions withName(String name) {
        return new LoadOptions(labelColumn, header, delimiter, labelsFile, matViews, matLabels, name);
    }

    /** The label column spec in effect ("last" by default, "none" by default when a labels file is set). */
    public String labelColumn() {
        if (labelColumn != null) return labelColumn;
        return labelsFile != null ? "none" : "last";
    }

    public Boolean header() {
        return header;
    }

    public Character delimiter() {
        return delimiter;
    }

    public Path labelsFile() {
        return labelsFile;
    }

    public String matViews() {
        return matViews;
    }

    public String matLabels() {
        return matLabels;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "LoadOptions[labelColumn=" + labelColumn() + ", header=" + header + ", delimiter=" + delimiter
                + ", labelsFile=" + labelsFile + ", matViews=" + matViews + ", matLabels=" + matLabels + ", name=" + name + "]";
    }
}
