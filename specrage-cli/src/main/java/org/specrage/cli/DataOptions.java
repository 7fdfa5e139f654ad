package org.specrage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.specrage.data.MultiViewData;
import org.specrage.data.io.DataLoader;
import org.specrage.data.io.LoadOptions;
import org.specrage.methods.common.EmbeddingModel;
import org.specrage.methods.common.InputPipeline;
import picocli.CommandLine.Option;

/** The options that name a data set and how to read it, shared by every command that reads data. */
final class DataOptions {
    static final String BUNDLED = "bundled:handwritten";

    @Option(names = "--data", paramLabel = "FILE",
            description = "Data file (MAT v5/v7.3, CSV/TSV, NPY(.gz), IDX(.gz) or a folder of IDX files, LibSVM). "
                    + "Default: ${DEFAULT-VALUE}, the UCI handwritten digits (6 views) bundled with specrage.",
            defaultValue = BUNDLED)
    String data;

    @Option(names = "--views", split = ",", paramLabel = "V", description = "Use only these views (0-based indices), e.g. 0,2.")
    int[] views;

    @Option(names = "--label-column", paramLabel = "N|last|NAME|none",
            description = "CSV/TSV: the label column (0-based index, last, a header name, or none; none also loads a MAT file without its labels). Default: last, or none with --labels (every column is then a feature).")
    String labelColumn;

    @Option(names = "--labels", paramLabel = "FILE", description = "Labels from a separate file (NPY, CSV, or one label per line).")
    Path labels;

    @Option(names = "--mat-views", paramLabel = "NAMES",
            description = "MAT: the variables holding the views (comma-separated matrices, or one cell of matrices), when the file's names are not recognised.")
    String matViews;

    @Option(names = "--mat-labels", paramLabel = "NAME", description = "MAT: the variable holding the labels, when its name is not recognised.")
    String matLabels;

    /** The path actually read: the bundled data set is copied out of the jar once per run. */
    Path resolvedPath() throws IOException {
        if (!BUNDLED.equals(data)) return Path.of(data);
        Path tmp = Files.createTempFile("specrage-handwritten", ".mat");
        tmp.toFile().deleteOnExit();
        try (InputStream in = DataOptions.class.getResourceAsStream("data/handwritten.mat")) {
            if (in == null) throw new IOException("the bundled data set is missing from this build");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        return tmp;
    }

    String displayName() {
        return BUNDLED.equals(data) ? "handwritten (bundled)" : data;
    }

    MultiViewData load() throws IOException {
        return load(false);
    }

    /** The rows only, for commands that never read labels: a MAT file's label variable is then not even parsed. */
    MultiViewData loadFeatures() throws IOException {
        return load(labels == null && labelColumn == null && matLabels == null);
    }

    private MultiViewData load(boolean skipMatLabels) throws IOException {
        if (views != null) for (int v : views) OptionRanges.atLeast("--views", v, 0); // an index past the file's views is a data error
        LoadOptions options = LoadOptions.defaults();
        if (skipMatLabels || matViews != null || matLabels != null) options = options.withMatVariables(matViews, skipMatLabels ? "none" : matLabels);
        if (labelColumn != null) options = options.withLabelColumn(labelColumn);
        if (labels != null) options = options.withLabelsFile(labels);
        if (BUNDLED.equals(data)) options = options.withName("handwritten");
        MultiViewData loaded = DataLoader.load(resolvedPath(), options);
        return views == null ? loaded : loaded.selectViews(views);
    }

    /**
     * Before a model reads the data: an explicit --views must give the model's number of views (the
     * model then takes them as given, or by name); without --views, a model of some of the file's
     * views picks them by name, which {@link #noteViewsPicked} reports.
     */
    void checkViewsFor(EmbeddingModel model, MultiViewData data) {
        int modelViews = model.inputDims().length;
        if (views != null && data.viewCount() != modelViews) {
            throw new IllegalArgumentException("--views chose " + data.viewCount() + " view" + (data.viewCount() == 1 ? "" : "s")
                    + " but the model was trained on " + modelViews + InputPipeline.describeNames(model.inputViewNames()));
        }
    }

    /** Says which views a model fitted on some of the file's views picked by name. */
    void noteViewsPicked(EmbeddingModel model, MultiViewData data) {
        if (views == null && data.viewCount() > model.inputDims().length) {
            System.err.printf(java.util.Locale.ROOT, "note: the model takes %d of the %d views of '%s' by name:%s%n",
                    model.inputDims().length, data.viewCount(), data.name(), InputPipeline.describeNames(model.inputViewNames()));
        }
    }
}
