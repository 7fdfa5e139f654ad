package org.specrage.data.io;

import org.specrage.data.DataException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Works out a file's format from its first bytes, falling back to the extension and a look at the text. */
public final class FormatDetector {
    private static final Pattern LIBSVM_PAIR = Pattern.compile("(qid:\\S+|\\d+:\\S+)");

    private FormatDetector() {
    }

    /** The format of the file or directory; throws DataException (MISSING_FILE, UNKNOWN_FORMAT, EMPTY_VIEW). */
    public static DataFormat detect(Path path) {
        DataFiles.requireExists(path);
        if (Files.isDirectory(path)) {
            if (IdxReader.hasIdxFiles(path)) return DataFormat.IDX_DIRECTORY;
            if (IdxReader.hasTestFilesOnly(path)) {
                throw new DataException(DataException.Kind.MISSING_FILE, path + ": the folder holds test images (t10k-images-idx3-ubyte) but no"
                        + " training images (train-images-idx3-ubyte[.gz]); read a single IDX file by its name instead");
            }
            throw new DataException(DataException.Kind.UNKNOWN_FORMAT, path
                    + ": directory holds no IDX files (expected train-images-idx3-ubyte[.gz] and friends)");
        }
        try {
            return detectFile(path);
        } catch (IOException e) {
            throw DataFiles.failure(path, e);
        }
    }

    private static DataFormat detectFile(Path path) throws IOException {
        byte[] head = DataFiles.head(path, 128);
        if (head.length == 0) throw new DataException(DataException.Kind.EMPTY_VIEW, path + ": file is empty");
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("MATLAB 7.3")) return DataFormat.MAT_V73;
        if (text.startsWith("MATLAB 5.0") || isMat5Header(head)) return DataFormat.MAT_V5;
        if (text.startsWith("\u0089HDF\r\n\u001a\n")) return DataFormat.MAT_V73;
        if (text.startsWith("\u0093NUMPY")) return DataFormat.NPY;
        if (text.startsWith("PK\u0003\u0004")) {
            throw new DataException(DataException.Kind.UNKNOWN_FORMAT, path
                    + ": zip archive (.npz?) is not supported; extract the arrays to .npy files");
        }
        byte[] content = DataFiles.isGzip(head) ? DataFiles.contentHead(path, 4096) : DataFiles.head(path, 4096);
        if (DataFiles.isGzip(head) && new String(content, 0, Math.min(6, content.length), StandardCharsets.ISO_8859_1).equals("\u0093NUMPY")) {
            return DataFormat.NPY; // .npy.gz
        }
        if (looksLikeIdx(content)) return DataFormat.IDX;
        String name = DataFiles.plainName(path);
        if (name.endsWith(".csv") || name.endsWith(".tsv")) return DataFormat.CSV;
        if (name.endsWith(".libsvm") || name.endsWith(".svm") || name.endsWith(".svmlight")) return DataFormat.LIBSVM;
        if (name.endsWith(".npy")) {
            throw new DataException(DataException.Kind.UNKNOWN_FORMAT, path + ": named .npy but has no NumPy header");
        }
        if (name.endsWith(".mat")) {
            throw new DataException(DataException.Kind.UNKNOWN_FORMAT, path
                    + ": named .mat but has neither a 'MATLAB 5.0' nor a 'MATLAB 7.3' header (MAT v4 is not supported)");
        }
        if (!looksLikeText(content)) {
            throw new DataException(DataException.Kind.UNKNOWN_FORMAT, path
                    + ": unrecognised binary file (expected MAT, NPY, IDX, CSV/TSV or LIBSVM)");
        }
        return looksLikeLibSvm(new String(content, StandardCharsets.UTF_8)) ? DataFormat.LIBSVM : DataFormat.CSV;
    }

    /** A v5 header without the usual text: version 0x0100 and the endian indicator at bytes 124-127. */
    private static boolean isMat5Header(byte[] h) {
        if (h.length < 128) return false;
        boolean little = h[126] == 'I' && h[127] == 'M' && h[124] == 0 && h[125] == 1;
        boolean big = h[126] == 'M' && h[127] == 'I' && h[124] == 1 && h[125] == 0;
        return little || big;
    }

    private static boolean looksLikeIdx(byte[] c) {
        if (c.length < 4 || c[0] != 0 || c[1] != 0) return false;
        int type = c[2] & 0xff;
        int dims = c[3] & 0xff;
        boolean knownType = type == 0x08 || type == 0x09 || type == 0x0B || type == 0x0C || type == 0x0D || type == 0x0E;
        return knownType && dims >= 1 && dims <= 8 && c.length >= 4 + 4 * dims;
    }

    private static boolean looksLikeText(byte[] c) {
        for (byte b : c) {
            int u = b & 0xff;
            if (u == 0 || (u < 32 && u != '\n' && u != '\r' && u != '\t' && u != '\f')) return false;
        }
        return true;
    }

    /** LIBSVM when every data line (up to 10) is a label followed only by index:value pairs, and some pair exists. */
    private static boolean looksLikeLibSvm(String text) {
        String[] lines = text.split("\r?\n");
        int checked = 0;
        boolean sawPair = false;
        // the last line of the sample may be cut off; ignore it when there are others
        int usable = lines.length > 1 ? lines.length - 1 : lines.length;
        for (int i = 0; i < usable && checked < 10; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.trim();
            if (line.isEmpty()) continue;
            String[] tokens = line.split("\\s+");
            for (int t = 1; t < tokens.length; t++) {
                if (!LIBSVM_PAIR.matcher(tokens[t]).matches()) return false;
                sawPair = true;
            }
            if (tokens[0].contains(":")) return false;
            checked++;
        }
        return sawPair;
    }
}
