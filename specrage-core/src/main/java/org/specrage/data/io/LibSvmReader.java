package org.specrage.data.io;

import org.specrage.data.DataException;
import org.specrage.data.Labels;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.linalg.CsrMatrix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads LIBSVM / SVMlight sparse text: {@code label index:value index:value ...} per line, '#'
 * starts a comment, {@code qid:} tokens are ignored. Indices are 1-based unless some index is 0,
 * in which case they are taken as 0-based. The column count is the largest index seen (plus one
 * for 0-based files). Labels (numbers or names) are mapped to 0..C-1 in sorted order.
 */
public final class LibSvmReader {
    private LibSvmReader() {
    }

    public static MultiViewData read(Path path, LoadOptions options) {
        return DataFiles.read(path, () -> {
            Parsed p = parse(path);
            String name = options.name() != null ? options.name() : DataFiles.stem(path);
            return new MultiViewData(List.of(View.sparse(p.matrix)), Labels.encode(p.labels), name);
        });
    }

    /** Only the label column of a LIBSVM file. */
    static String[] readLabels(Path path) {
        return DataFiles.read(path, () -> parse(path).labels);
    }

    private record Parsed(CsrMatrix matrix, String[] labels) {
    }

    private static Parsed parse(Path path) throws IOException {
        List<String> labels = new ArrayList<>();
        int[] rowStart = new int[1024];
        int[] cols = new int[1 << 16];
        double[] vals = new double[1 << 16];
        int nnz = 0;
        int minIndex = Integer.MAX_VALUE;
        int maxIndex = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(DataFiles.open(path), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                int hash = line.indexOf('#');
                String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (body.isEmpty()) continue;
                String[] tokens = body.split("\\s+");
                if (tokens[0].contains(":")) throw malformed(number, "starts with '" + tokens[0] + "' instead of a label");
                if (tokens[0].contains(",")) throw malformed(number, "has several labels '" + tokens[0] + "' (multi-label data is not supported)");
                int row = labels.size();
                labels.add(tokens[0]);
                if (row + 2 > rowStart.length) rowStart = Arrays.copyOf(rowStart, rowStart.length * 2);
                int previous = Integer.MIN_VALUE;
                for (int t = 1; t < tokens.length; t++) {
                    String tok = tokens[t];
                    if (tok.startsWith("qid:")) continue;
                    int colon = tok.indexOf(':');
                    if (colon <= 0 || colon == tok.length() - 1) throw malformed(number, "token '" + tok + "' is not index:value");
                    int index;
                    double value;
                    try {
                        index = Integer.parseInt(tok.substring(0, colon));
                        value = TextNumbers.parse(tok.substring(colon + 1));
                    } catch (NumberFormatException e) {
                        throw malformed(number, "token '" + tok + "' is not index:value");
                    }
                    if (index < 0) throw malformed(number, "negative index in '" + tok + "'");
                    if (index <= previous) throw malformed(number, "indices are not increasing at '" + tok + "'");
                    if (!Double.isFinite(value)) {
                        throw new DataException(DataException.Kind.NON_FINITE, "line " + number + ": value of index " + index + " is " + value);
                    }
                    previous = index;
                    minIndex = Math.min(minIndex, index);
                    maxIndex = Math.max(maxIndex, index);
                    if (nnz == cols.length) {
                        cols = Arrays.copyOf(cols, nnz * 2);
                        vals = Arrays.copyOf(vals, nnz * 2);
                    }
                    cols[nnz] = index;
                    vals[nnz] = value;
                    nnz++;
                }
                rowStart[row + 1] = nnz;
            }
        }
        int rows = labels.size();
        if (rows == 0) throw new DataException(DataException.Kind.EMPTY_VIEW, "file holds no data lines");
        int base = minIndex == 0 ? 0 : 1;
        int width = maxIndex < 0 ? 0 : maxIndex - base + 1;
        if (base == 1) for (int k = 0; k < nnz; k++) cols[k]--;
        // explicit zeros are kept out, as CSR matrices built elsewhere do
        int write = 0;
        int[] start = Arrays.copyOf(rowStart, rows + 1);
        for (int r = 0; r < rows; r++) {
            int from = rowStart[r], to = rowStart[r + 1];
            start[r] = write;
            for (int k = from; k < to; k++) {
                if (vals[k] != 0.0) {
                    cols[write] = cols[k];
                    vals[write] = vals[k];
                    write++;
                }
            }
        }
        start[rows] = write;
        CsrMatrix m = new CsrMatrix(rows, width, start, Arrays.copyOf(cols, write), Arrays.copyOf(vals, write));
        return new Parsed(m, labels.toArray(new String[0]));
    }

    private static DataException malformed(int line, String problem) {
        return new DataException(DataException.Kind.UNKNOWN_FORMAT, "line " + line + " " + problem);
    }
}
