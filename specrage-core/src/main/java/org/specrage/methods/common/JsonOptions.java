package org.specrage.methods.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.specrage.nn.Activation;

/**
 * Reading option values from parsed JSON (a config file or a model manifest), or from an options
 * record's toJson() map, with messages that name the key. Unknown keys are rejected, so a misspelt
 * option is not silently ignored.
 */
public final class JsonOptions {
    private final Map<String, Object> values;
    private final String where;

    public JsonOptions(Map<String, Object> values, String where) {
        this.values = values;
        this.where = where;
    }

    /** What is being read ("spectralnet options"), for messages. */
    public String where() {
        return where;
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    /** Fails on keys outside the allowed set. */
    public void requireKnown(Set<String> allowed) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown option \"" + key + "\" (known: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    public int integer(String key, int fallback) {
        if (!has(key)) return fallback;
        Object v = values.get(key);
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) return (int) (long) l;
        if (v instanceof Integer i) return i;
        throw wrong(key, "an integer");
    }

    public long longValue(String key, long fallback) {
        if (!has(key)) return fallback;
        Object v = values.get(key);
        if (v instanceof Long l) return l;
        if (v instanceof Integer i) return i;
        throw wrong(key, "an integer");
    }

    public double number(String key, double fallback) {
        if (!has(key)) return fallback;
        if (values.get(key) instanceof Number n) return n.doubleValue();
        throw wrong(key, "a number");
    }

    public boolean bool(String key, boolean fallback) {
        if (!has(key)) return fallback;
        if (values.get(key) instanceof Boolean b) return b;
        throw wrong(key, "true or false");
    }

    public String string(String key, String fallback) {
        if (!has(key)) return fallback;
        if (values.get(key) instanceof String s) return s;
        throw wrong(key, "a string");
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        if (!has(key)) return fallback;
        String s = string(key, null);
        String norm = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) if (e.name().equals(norm)) return e;
        throw new IllegalArgumentException(where + ": \"" + key + "\" must be one of " + names(type) + ", got \"" + s + "\"");
    }

    public Activation activation(String key, Activation fallback) {
        if (!has(key)) return fallback;
        try {
            return Activation.parse(string(key, null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": \"" + key + "\": " + e.getMessage());
        }
    }

    public int[] ints(String key, int[] fallback) {
        if (!has(key)) return fallback;
        // toJson() maps hold int[] (Json.write turns them into lists), so they read back without going through text
        if (values.get(key) instanceof int[] array) return array.clone();
        if (!(values.get(key) instanceof List<?> list)) throw wrong(key, "an array of integers");
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (list.get(i) instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) out[i] = (int) (long) l;
            else if (list.get(i) instanceof Integer n) out[i] = n;
            else throw wrong(key, "an array of integers");
        }
        return out;
    }

    /** A nested object, or null when absent or null. */
    public JsonOptions object(String key) {
        if (!has(key)) return null;
        if (!(values.get(key) instanceof Map<?, ?> map)) throw wrong(key, "an object");
        @SuppressWarnings("unchecked")
        Map<String, Object> cast = (Map<String, Object>) map;
        return new JsonOptions(cast, where + "/" + key);
    }

    /** An array of nested objects, with null for each null entry; null when the key is absent or null. */
    public List<JsonOptions> objectsOrNulls(String key) {
        if (!has(key)) return null;
        if (!(values.get(key) instanceof List<?> list)) throw wrong(key, "an array of objects or nulls");
        List<JsonOptions> out = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item == null) {
                out.add(null);
            } else if (item instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> cast = (Map<String, Object>) map;
                out.add(new JsonOptions(cast, where + "/" + key + "[" + i + "]"));
            } else {
                throw wrong(key, "an array of objects or nulls");
            }
        }
        return out;
    }

    private IllegalArgumentException wrong(String key, String expected) {
        return new IllegalArgumentException(where + ": \"" + key + "\" must be " + expected + ", got " + describe(values.get(key)));
    }

    /** A value as messages show it: an array (a caller-built map's double[] or String[]) by its elements, not as [D@1b6d3586. */
    static String describe(Object value) {
        String s = Arrays.deepToString(new Object[] {value}); // primitive, object and nested arrays alike
        return s.substring(1, s.length() - 1);
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        StringBuilder sb = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return sb.toString();
    }

    /** The JSON spelling of an enum constant: lower case with dashes. */
    public static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
