package org.specrage.data.io;

import org.specrage.data.DataException;
import org.specrage.data.Labels;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.linalg.FMatrix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads delimited text (CSV, TSV, semicolon or whitespace separated, optionally gzip-compressed)
 * into one dense view. Blank lines and lines starting with '#' are skipped; double quotes around a
 * field are removed. The label column (default: the last) may hold numbers or class names; both
 * are mapped to 0..C-1 in sorted order. Empty, non-numeric, NaN or infinite feature values are errors.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /** The file as one dense view, with labels unless the label column is "none". */
    public static MultiViewData read(Path path, LoadOptions options) {
        return DataFiles.read(path, () -> {
            Table t = readTable(path, options.delimiter(), options.header(), options.labelColumn());
            String name = options.name() != null ? options.name() : DataFiles.stem(path);
            int[] labels = t.labels == null ? null : Labels.encode(t.labels);
            return new MultiViewData(List.of(View.dense(t.features)), labels, name);
        });
    }

    /** A file of labels: one per line (or the last column), with an optional header line. */
    public static String[] readLabels(Path path, LoadOptions options) {
        return DataFiles.read(path, () -> {
            List<Line> lines = readLines(path);
            if (lines.isEmpty()) throw new DataException(DataException.Kind.EMPTY_VIEW, "labels file is empty");
            Character delimiter = options.delimiter() != null ? options.delimiter() : detectDelimiter(lines.get(0).text);
            lines = withoutTrailingDelimiter(lines, delimiter);
            String spec = "none".equals(options.labelColumn()) ? "last" : options.labelColumn();
            List<String> first = split(lines.get(0).text, delimiter);
            boolean byName = isColumnName(spec); // an integer is a column index, with or without a header
            int column = resolveColumn(spec, first, byName, true);
            String head = clean(first.get(column));
            // a header: the column was named (evaluate --label-column), its first cell is a usual label name, or
            // it is text and some column is text only in the first line (an "id" column above numbers, or a
            // label name above numeric labels); a number is never a header cell
            boolean header = options.header() != null ? options.header()
                    : byName || List.of("label", "labels", "y", "class", "target", "truth", "gt").contains(head.toLowerCase(Locale.ROOT))
                    || (!TextNumbers.isNumber(head) && textOnlyInFirstLine(lines, delimiter, first));
            List<String> out = new ArrayList<>();
            for (int i = header ? 1 : 0; i < lines.size(); i++) {
                List<String> f = split(lines.get(i).text, delimiter);
                if (column >= f.size()) throw malformed(lines.get(i), "has no column " + column);
                String label = clean(f.get(column));
                if (label.isEmpty()) throw new DataException(DataException.Kind.LABEL_MISMATCH, "line " + lines.get(i).number + ": empty label");
                out.add(label);
            }
            return out.toArray(new String[0]);
        });
    }

    /** Whether some column holds text in the first line and numbers in every later one (so the first line is a header). */
    private static boolean textOnlyInFirstLine(List<Line> lines, Character delimiter, List<String> first) {
        if (lines.size() < 2) return false;
        for (int c = 0; c < first.size(); c++) {
            if (!TextNumbers.isNumber(clean(first.get(c))) && allNumeric(lines, delimiter, c)) return true;
        }
        return false;
    }

    private static boolean allNumeric(List<Line> lines, Character delimiter, int column) {
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = split(lines.get(i).text, delimiter);
            if (column >= f.size() || !TextNumbers.isNumber(f.get(column))) return false;
        }
        return true;
    }

    /** Parsed features and raw label strings. */
    private record Table(FMatrix features, String[] labels) {
    }

    private record Line(int number, String text) {
    }

    private static Table readTable(Path path, Character delimiterOption, Boolean headerOption, String labelSpec) throws IOException {
        List<Line> lines = readLines(path);
        if (lines.isEmpty()) throw new DataException(DataException.Kind.EMPTY_VIEW, "file holds no data lines");
        Character delimiter = delimiterOption != null ? delimiterOption : detectDelimiter(lines.get(0).text);
        lines = withoutTrailingDelimiter(lines, delimiter);
        List<String> first = split(lines.get(0).text, delimiter);
        int fields = first.size();
        boolean byName = isColumnName(labelSpec);
        if (byName && Boolean.FALSE.equals(headerOption)) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "label column '" + labelSpec + "' is a name but the file has no header");
        }
        int labelColumn = resolveColumn(labelSpec, first, byName, true);
        boolean header;
        if (headerOption != null) {
            header = headerOption;
        } else {
            header = byName;
            for (int c = 0; c < fields && !header; c++) {
                if (c != labelColumn && !TextNumbers.isNumber(clean(first.get(c)))) header = true;
            }
            // numeric column names ("0,1,2,label"): the label cell is text above numeric labels
            if (!header && labelColumn >= 0 && !TextNumbers.isNumber(clean(first.get(labelColumn))) && lines.size() > 1) {
                header = allNumeric(lines, delimiter, labelColumn);
            }
        }
        int start = header ? 1 : 0;
        int rows = lines.size() - start;
        if (rows == 0) throw new DataException(DataException.Kind.EMPTY_VIEW, "file has a header but no data lines");
        int cols = labelColumn >= 0 ? fields - 1 : fields;
        if ((long) rows * cols > Integer.MAX_VALUE - 8) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "too large for one dense matrix: " + rows + " x " + cols);
        FMatrix features = new FMatrix(rows, cols);
        String[] labels = labelColumn >= 0 ? new String[rows] : null;
        for (int r = 0; r < rows; r++) {
            Line line = lines.get(start + r);
            List<String> f = split(line.text, delimiter);
            if (f.size() != fields) {
                String problem = "has " + f.size() + " fields but the first line has " + fields;
                if (start + r == lines.size() - 1 && f.size() < fields) {
                    throw new DataException(DataException.Kind.TRUNCATED, "truncated? last line " + line.number + " " + problem);
                }
                throw malformed(line, problem);
            }
            int out = r * cols;
            for (int c = 0; c < fields; c++) {
                String field = f.get(c);
                if (c == labelColumn) {
                    String label = clean(field);
                    if (label.isEmpty()) throw new DataException(DataException.Kind.LABEL_MISMATCH, "line " + line.number + ": empty label");
                    labels[r] = label;
                    continue;
                }
                if (field.isBlank()) {
                    throw new DataException(DataException.Kind.NON_FINITE, "line " + line.number + ", field " + c + ": missing value");
                }
                try {
                    features.data[out++] = (float) TextNumbers.parse(clean(field));
                } catch (NumberFormatException e) {
                    throw malformed(line, "field " + c + " '" + field.trim() + "' is not a number");
                }
            }
        }
        return new Table(features, labels);
    }

    private static DataException malformed(Line line, String problem) {
        return new DataException(DataException.Kind.UNKNOWN_FORMAT, "line " + line.number + " " + problem);
    }

    /** Whether a label-column spec names a header column (not none, last, first or an index). */
    private static boolean isColumnName(String spec) {
        return !List.of("none", "last", "first").contains(spec) && !isInteger(spec);
    }

    private static boolean isInteger(String s) {
        try {
            Integer.parseInt(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The 0-based label column for a spec, -1 for "none". */
    private static int resolveColumn(String spec, List<String> firstLine, boolean byName, boolean mustExist) {
        int fields = firstLine.size();
        String s = spec.trim();
        switch (s.toLowerCase(Locale.ROOT)) {
            case "none":
                return -1;
            case "last":
                return fields - 1;
            case "first":
                return 0;
            default:
                break;
        }
        if (!byName && isInteger(s)) {
            int c = Integer.parseInt(s);
            if (c < 0 || (mustExist && c >= fields)) {
                throw new DataException(DataException.Kind.INVALID_ARGUMENT, "label column " + c + " is outside 0.." + (fields - 1));
            }
            return c;
        }
        for (int c = 0; c < fields; c++) {
            if (clean(firstLine.get(c)).equals(s)) return c;
        }
        List<String> names = new ArrayList<>();
        for (String f : firstLine) names.add(clean(f));
        throw new DataException(DataException.Kind.INVALID_ARGUMENT, "label column '" + s + "' not found in the header " + names);
    }

    private static List<Line> readLines(Path path) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(DataFiles.open(path), StandardCharsets.UTF_8), 1 << 16)) {
            String s;
            int number = 0;
            while ((s = in.readLine()) != null) {
                number++;
                if (number == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF') s = s.substring(1); // byte order mark
                String t = s.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                lines.add(new Line(number, s));
            }
        }
        return lines;
    }

    /**
     * Some tools end every line with the delimiter ("1,2,3,"): an empty last field on every line is
     * dropped. An empty field on some lines only stays, and is reported as missing.
     */
    private static List<Line> withoutTrailingDelimiter(List<Line> lines, Character delimiter) {
        if (delimiter == null) return lines;
        for (Line line : lines) {
            int end = endWithoutBlanks(line.text, delimiter);
            if (end == 0 || line.text.charAt(end - 1) != delimiter) return lines;
        }
        List<Line> out = new ArrayList<>(lines.size());
        for (Line line : lines) out.add(new Line(line.number, line.text.substring(0, endWithoutBlanks(line.text, delimiter) - 1)));
        return out;
    }

    /** The line's length without trailing whitespace, except the delimiter itself (a tab). */
    private static int endWithoutBlanks(String text, char delimiter) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) != delimiter && Character.isWhitespace(text.charAt(end - 1))) end--;
        return end;
    }

    /** Tab, comma or semicolon when the line holds one (in that order); null means runs of whitespace. */
    static Character detectDelimiter(String line) {
        if (line.indexOf('\t') >= 0) return '\t';
        if (line.indexOf(',') >= 0) return ',';
        if (line.indexOf(';') >= 0) return ';';
        return null;
    }

    /** Splits one line; a null delimiter splits on runs of whitespace. Quoted fields may hold the delimiter. */
    static List<String> split(String line, Character delimiter) {
        if (delimiter == null || Character.isWhitespace(delimiter) && delimiter != '\t') {
            String t = line.strip();
            return t.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(t.split("\\s+")));
        }
        char d = delimiter;
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == d && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    private static String clean(String field) {
        return field.strip();
    }
}
