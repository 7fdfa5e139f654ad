package org.specrage.data.io;

import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point for reading data: detects the format (magic bytes first, then extension and a look
 * at the text) and dispatches to the reader. Every problem is a {@link DataException} naming the file.
 */
public final class DataLoader {
    private DataLoader() {
    }

    /** Reads a file (MAT v5/v7.3, NPY[.gz], IDX[.gz], CSV/TSV[.gz], LIBSVM[.gz]) or a directory of IDX files. */
    public static MultiViewData load(Path path, LoadOptions options) {
        LoadOptions opts = options == null ? LoadOptions.defaults() : options;
        DataFormat format = FormatDetector.detect(path);
        MultiViewData data = loadFormat(path, format, opts);
        return withLabelsFile(data, opts);
    }

    public static MultiViewData load(Path path) {
        return load(path, LoadOptions.defaults());
    }

    /**
     * One view per file, all with the same rows. Labels come from the options' labels file, else
     * from the first file that has any; files that disagree about the labels are an error.
     */
    public static MultiViewData loadViews(List<Path> paths, LoadOptions options) {
        if (paths == null || paths.isEmpty()) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "no view files given");
        LoadOptions opts = options == null ? LoadOptions.defaults() : options;
        LoadOptions each = opts.withLabelsFile(null).withName(null);
        if (opts.labelsFile() != null && opts.labelColumn().equals("none")) each = each.withLabelColumn("none");
        List<View> views = new ArrayList<>();
        int[] labels = null;
        Path labelSource = null;
        for (Path p : paths) {
            MultiViewData d = loadFormat(p, FormatDetector.detect(p), each);
            for (View v : d.views()) views.add(v.name() == null ? v.withName(DataFiles.stem(p)) : v);
            if (d.hasLabels()) {
                if (labels == null) {
                    labels = d.labels();
                    labelSource = p;
                } else if (!Arrays.equals(labels, d.labels())) {
                    throw new DataException(DataException.Kind.LABEL_MISMATCH, p + ": labels differ from those in " + labelSource);
                }
            }
        }
        String name = opts.name() != null ? opts.name() : DataFiles.stem(paths.get(0));
        MultiViewData data;
        try {
            data = new MultiViewData(views, opts.labelsFile() != null ? null : labels, name);
        } catch (DataException e) {
            throw e.withContext(paths.toString());
        }
        return withLabelsFile(data, opts);
    }

    /** Reads with a known format, without applying a labels file. */
    static MultiViewData loadFormat(Path path, DataFormat format, LoadOptions opts) {
        return switch (format) {
            case MAT_V5 -> MatV5Reader.read(path, opts);
            case MAT_V73 -> MatV73Reader.read(path, opts);
            case NPY -> NpyReader.read(path, opts);
            case IDX -> IdxReader.read(path, opts);
            case IDX_DIRECTORY -> IdxReader.readDirectory(path, opts);
            case CSV -> CsvReader.read(path, opts);
            case LIBSVM -> LibSvmReader.read(path, opts);
        };
    }

    private static MultiViewData withLabelsFile(MultiViewData data, LoadOptions opts) {
        Path labelsFile = opts.labelsFile();
        if (labelsFile == null) return data;
        int[] labels = LabelsReader.read(labelsFile, opts.withLabelsFile(null).withLabelColumn(null));
        if (labels.length != data.rows()) {
            throw new DataException(DataException.Kind.LABEL_MISMATCH, labelsFile + ": holds " + labels.length
                    + " labels but data set '" + data.name() + "' has " + data.rows() + " rows");
        }
        return data.withLabels(labels);
    }
}
