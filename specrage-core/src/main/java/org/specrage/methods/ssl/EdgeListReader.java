package org.specrage.methods.ssl;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.specrage.data.DataException;
import org.specrage.linalg.CsrMatrix;

/**
 * Reads a user-given relation: one edge per line, {@code i j} or {@code i j weight}, 0-based row
 * indices, separated by spaces, tabs or commas; blank lines and lines starting with '#' are skipped.
 * Edges are undirected ({@link Relations#fromEdges}). Problems are {@link DataException}s naming the
 * file and line.
 */
public final class EdgeListReader {
    private EdgeListReader() {
    }

    /** The relation on {@code rows} rows described by the file. */
    public static CsrMatrix read(Path path, int rows) {
        int[] from = new int[16], to = new int[16];
        double[] weight = new double[16];
        int count = 0;
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#")) continue;
                String[] f = t.split("[\\s,]+");
                if (f.length < 2 || f.length > 3) throw bad(path, number, "expected 'i j' or 'i j weight', got '" + t + "'");
                if (count == from.length) {
                    from = Arrays.copyOf(from, 2 * count);
                    to = Arrays.copyOf(to, 2 * count);
                    weight = Arrays.copyOf(weight, 2 * count);
                }
                try {
                    from[count] = Integer.parseInt(f[0]);
                    to[count] = Integer.parseInt(f[1]);
                    weight[count] = f.length == 3 ? Double.parseDouble(f[2]) : 1.0;
                } catch (NumberFormatException e) {
                    throw bad(path, number, "not a number in '" + t + "'");
                }
                if (from[count] < 0 || from[count] >= rows || to[count] < 0 || to[count] >= rows) {
                    throw new DataException(DataException.Kind.ROW_MISMATCH, path + ":" + number + ": edge (" + from[count] + ", " + to[count]
                            + ") outside rows 0.." + (rows - 1));
                }
                if (from[count] == to[count]) throw bad(path, number, "self-loop on row " + from[count] + " (G has a zero diagonal)");
                if (!(weight[count] >= 0) || Double.isInfinite(weight[count])) {
                    throw new DataException(DataException.Kind.NON_FINITE, path + ":" + number + ": weight " + weight[count] + " must be finite and >= 0");
                }
                count++;
            }
        } catch (NoSuchFileException e) {
            throw new DataException(DataException.Kind.MISSING_FILE, path + ": no such file");
        } catch (IOException e) {
            throw new DataException(DataException.Kind.TRUNCATED, path + ": " + e.getMessage(), e);
        }
        if (count == 0) throw new DataException(DataException.Kind.EMPTY_VIEW, path + ": no edges");
        return Relations.fromEdges(rows, Arrays.copyOf(from, count), Arrays.copyOf(to, count), Arrays.copyOf(weight, count));
    }

    private static DataException bad(Path path, int line, String message) {
        return new DataException(DataException.Kind.INVALID_ARGUMENT, path + ":" + line + ": " + message);
    }
}
