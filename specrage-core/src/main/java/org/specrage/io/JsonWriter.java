package org.specrage.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** Serialises values to JSON text; see {@link Json} for the supported types. */
final class JsonWriter {
    private static final int MAX_DEPTH = 1000;
    private final boolean pretty;
    private final StringBuilder out = new StringBuilder();

    JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    String write(Object value) {
        value(value, 0);
        return out.toString();
    }

    private void value(Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nesting deeper than " + MAX_DEPTH + " (a value may contain itself)");
        }
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof Number n) {
            number(n);
        } else if (v instanceof CharSequence s) {
            string(s);
        } else if (v instanceof Character c) {
            string(String.valueOf(c));
        } else if (v instanceof Enum<?> e) {
            string(e.name());
        } else if (v instanceof Map<?, ?> m) {
            object(m, depth);
        } else if (v instanceof Iterable<?> it) {
            java.util.List<Object> items = new java.util.ArrayList<>();
            for (Object o : it) items.add(o);
            array(items.toArray(), depth);
        } else if (v instanceof Object[] a) {
            array(a, depth);
        } else if (v instanceof double[] a) {
            Object[] boxed = new Object[a.length];
            for (int i = 0; i < a.length; i++) boxed[i] = a[i];
            array(boxed, depth);
        } else if (v instanceof float[] a) {
            Object[] boxed = new Object[a.length];
            for (int i = 0; i < a.length; i++) boxed[i] = a[i];
            array(boxed, depth);
        } else if (v instanceof int[] a) {
            Object[] boxed = new Object[a.length];
            for (int i = 0; i < a.length; i++) boxed[i] = a[i];
            array(boxed, depth);
        } else if (v instanceof long[] a) {
            Object[] boxed = new Object[a.length];
            for (int i = 0; i < a.length; i++) boxed[i] = a[i];
            array(boxed, depth);
        } else if (v instanceof boolean[] a) {
            Object[] boxed = new Object[a.length];
            for (int i = 0; i < a.length; i++) boxed[i] = a[i];
            array(boxed, depth);
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON");
        }
    }

    private void number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                out.append("null"); // NaN and infinities have no JSON form
            } else {
                out.append(n instanceof Float f ? Float.toString(f) : Double.toString(d));
            }
        } else if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger || n instanceof BigDecimal
                || n instanceof java.util.concurrent.atomic.AtomicInteger
                || n instanceof java.util.concurrent.atomic.AtomicLong) {
            out.append(n);
        } else {
            number(n.doubleValue());
        }
    }

    private void object(Map<?, ?> m, int depth) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object key = e.getKey();
            if (!(key instanceof CharSequence)) {
                throw new IllegalArgumentException("JSON object keys must be strings, got "
                        + (key == null ? "null" : key.getClass().getName()));
            }
            if (!first) out.append(',');
            first = false;
            newline(depth + 1);
            string((CharSequence) key);
            out.append(pretty ? ": " : ":");
            value(e.getValue(), depth + 1);
        }
        newline(depth);
        out.append('}');
    }

    private void array(Object[] items, int depth) {
        if (items.length == 0) {
            out.append("[]");
            return;
        }
        boolean oneLine = true;
        for (Object o : items) oneLine &= isScalar(o);
        out.append('[');
        for (int i = 0; i < items.length; i++) {
            if (i > 0) out.append(pretty && oneLine ? ", " : ",");
            if (!oneLine) newline(depth + 1);
            value(items[i], depth + 1);
        }
        if (!oneLine) newline(depth);
        out.append(']');
    }

    private static boolean isScalar(Object o) {
        return o == null || o instanceof Number || o instanceof Boolean || o instanceof CharSequence
                || o instanceof Character || o instanceof Enum<?>;
    }

    private void newline(int depth) {
        if (!pretty) return;
        out.append('\n');
        for (int i = 0; i < depth; i++) out.append("  ");
    }

    private void string(CharSequence s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean loneSurrogate = Character.isSurrogate(c) && !pairedSurrogate(s, i);
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || loneSurrogate) {
                        // control characters must be escaped; line separators and unpaired
                        // surrogates are escaped so the text stays valid UTF-8 and JavaScript
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean pairedSurrogate(CharSequence s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
