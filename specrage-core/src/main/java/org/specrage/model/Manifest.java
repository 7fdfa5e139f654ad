package org.specrage.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.specrage.linalg.DMatrix;

/**
 * Typed, checked access to a parsed JSON object of a model manifest. Every getter names the
 * missing or ill-typed key in its {@link ModelFormatException}.
 */
public final class Manifest {
    private final Map<String, Object> values;
    private final String where;

    public Manifest(Map<String, Object> values, String where) {
        this.values = values;
        this.where = where;
    }

    /** The underlying map (not a copy). */
    public Map<String, Object> values() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    private Object require(String key) throws ModelFormatException {
        Object v = values.get(key);
        if (v == null) throw new ModelFormatException(where + ": missing entry \"" + key + "\"");
        return v;
    }

    private ModelFormatException wrongType(String key, String expected) {
        return new ModelFormatException(where + ": entry \"" + key + "\" should be " + expected + " but is " + describe(values.get(key)));
    }

    public String string(String key) throws ModelFormatException {
        if (require(key) instanceof String s) return s;
        throw wrongType(key, "a string");
    }

    public boolean bool(String key) throws ModelFormatException {
        if (require(key) instanceof Boolean b) return b;
        throw wrongType(key, "true or false");
    }

    public long integer(String key) throws ModelFormatException {
        if (require(key) instanceof Long l) return l;
        throw wrongType(key, "an integer");
    }

    public int smallInt(String key) throws ModelFormatException {
        long v = integer(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw wrongType(key, "a 32-bit integer");
        return (int) v;
    }

    public double number(String key) throws ModelFormatException {
        Object v = require(key);
        if (v instanceof Number n) return n.doubleValue();
        throw wrongType(key, "a number");
    }

    /** A number that may have been written as null (NaN and infinities are written as null). */
    public double numberOrNaN(String key) throws ModelFormatException {
        Object v = values.get(key);
        if (v == null) return Double.NaN;
        if (v instanceof Number n) return n.doubleValue();
        throw wrongType(key, "a number");
    }

    public double[] doubles(String key) throws ModelFormatException {
        if (!(require(key) instanceof List<?> list)) throw wrongType(key, "an array of numbers");
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) throw wrongType(key, "an array of numbers");
            out[i] = n.doubleValue();
        }
        return out;
    }

    public int[] ints(String key) throws ModelFormatException {
        if (!(require(key) instanceof List<?> list)) throw wrongType(key, "an array of integers");
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long l) || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) throw wrongType(key, "an array of integers");
            out[i] = (int) (long) l;
        }
        return out;
    }

    /** A matrix written by {@link #matrix(DMatrix)}: an array of equally long rows. */
    public DMatrix matrix(String key, int rows, int cols) throws ModelFormatException {
        if (!(require(key) instanceof List<?> list)) throw wrongType(key, "an array of rows");
        if (list.size() != rows) throw new ModelFormatException(where + ": \"" + key + "\" has " + list.size() + " rows, expected " + rows);
        DMatrix m = new DMatrix(rows, cols);
        for (int r = 0; r < rows; r++) {
            if (!(list.get(r) instanceof List<?> row) || row.size() != cols) {
                throw new ModelFormatException(where + ": row " + r + " of \"" + key + "\" should hold " + cols + " numbers");
            }
            for (int c = 0; c < cols; c++) {
                if (!(row.get(c) instanceof Number n)) throw new ModelFormatException(where + ": \"" + key + "\"[" + r + "][" + c + "] is not a number");
                m.data[r * cols + c] = n.doubleValue();
            }
        }
        return m;
    }

    public Manifest object(String key) throws ModelFormatException {
        Object v = require(key);
        if (!(v instanceof Map<?, ?> map)) throw wrongType(key, "an object");
        @SuppressWarnings("unchecked")
        Map<String, Object> cast = (Map<String, Object>) map;
        return new Manifest(cast, where + "/" + key);
    }

    public List<Manifest> objects(String key) throws ModelFormatException {
        if (!(require(key) instanceof List<?> list)) throw wrongType(key, "an array of objects");
        List<Manifest> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) throw wrongType(key, "an array of objects");
            @SuppressWarnings("unchecked")
            Map<String, Object> cast = (Map<String, Object>) map;
            out.add(new Manifest(cast, where + "/" + key + "[" + i + "]"));
        }
        return out;
    }

    /** As {@link #objects}, with null for each null entry. */
    public List<Manifest> objectsOrNulls(String key) throws ModelFormatException {
        if (!(require(key) instanceof List<?> list)) throw wrongType(key, "an array of objects or nulls");
        List<Manifest> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item == null) {
                out.add(null);
                continue;
            }
            if (!(item instanceof Map<?, ?> map)) throw wrongType(key, "an array of objects or nulls");
            @SuppressWarnings("unchecked")
            Map<String, Object> cast = (Map<String, Object>) map;
            out.add(new Manifest(cast, where + "/" + key + "[" + i + "]"));
        }
        return out;
    }

    /** A matrix as JSON-ready rows (doubles keep every bit through the JSON writer). */
    public static List<double[]> matrix(DMatrix m) {
        List<double[]> rows = new ArrayList<>(m.rows);
        for (int r = 0; r < m.rows; r++) {
            double[] row = new double[m.cols];
            System.arraycopy(m.data, r * m.cols, row, 0, m.cols);
            rows.add(row);
        }
        return rows;
    }

    /** A fresh ordered map for building manifests. */
    public static Map<String, Object> newObject() {
        return new LinkedHashMap<>();
    }

    private static String describe(Object v) {
        if (v == null) return "missing";
        if (v instanceof String) return "a string";
        if (v instanceof Boolean) return "a boolean";
        if (v instanceof Number) return "the number " + v;
        if (v instanceof List) return "an array";
        if (v instanceof Map) return "an object";
        return v.getClass().getSimpleName();
    }
}
