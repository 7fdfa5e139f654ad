package org.specrage.data.io;

import org.specrage.data.DataException;
import org.specrage.data.Labels;
import org.specrage.data.MultiViewData;

import java.nio.file.Path;

/**
 * Reads a separate labels file in any supported format and maps the labels to 0..C-1:
 * a 1-D (or n x 1) .npy or IDX array, text/CSV with one label per line (optional header such as
 * "label"; with several columns the label column option applies), a LIBSVM file's labels, or a
 * MAT file's label vector.
 */
public final class LabelsReader {
    private LabelsReader() {
    }

    public static int[] read(Path path, LoadOptions options) {
        DataFormat format = FormatDetector.detect(path);
        switch (format) {
            case NPY:
                return Labels.encode(NpyReader.readVector(path));
            case IDX:
                return DataFiles.read(path, () -> {
                    IdxReader.IdxArray a = IdxReader.readArray(path);
                    if (a.dims.length > 2 || (a.dims.length == 2 && a.dims[1] != 1)) {
                        throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "expected a label vector, found IDX dimensions "
                                + java.util.Arrays.toString(a.dims));
                    }
                    double[] raw = new double[a.values.length];
                    for (int i = 0; i < raw.length; i++) raw[i] = a.values[i];
                    return Labels.encode(raw);
                });
            case CSV:
                return DataFiles.read(path, () -> Labels.encode(CsvReader.readLabels(path, options)));
            case LIBSVM:
                return DataFiles.read(path, () -> Labels.encode(LibSvmReader.readLabels(path)));
            case MAT_V5:
            case MAT_V73:
                MultiViewData d = DataLoader.loadFormat(path, format, options.withLabelsFile(null));
                if (!d.hasLabels()) {
                    throw new DataException(DataException.Kind.LABEL_MISMATCH, path + ": no label variable found");
                }
                return d.labels();
            default:
                throw new DataException(DataException.Kind.UNKNOWN_FORMAT, path + ": a " + describe(format)
                        + " is not a labels file (give a labels file: NPY, CSV/text, IDX labels, LibSVM or MAT)");
        }
    }

    private static String describe(DataFormat format) {
        return format == DataFormat.IDX_DIRECTORY ? "folder of IDX files" : format.name().toLowerCase(java.util.Locale.ROOT) + " file";
    }
}
