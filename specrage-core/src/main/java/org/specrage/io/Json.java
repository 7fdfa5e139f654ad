package org.specrage.io;

/**
 * Small dependency-free JSON reading and writing for configuration files and result reports.
 *
 * <p>Writing accepts Map (String keys, written in the map's iteration order, so use LinkedHashMap),
 * Iterable, Object arrays and double/float/int/long/boolean arrays, CharSequence, Character, Enum
 * (its name), Number, Boolean and null. Non-finite doubles and floats (NaN, infinities) are not
 * JSON and are written as {@code null}. Integral types are written without a decimal point;
 * doubles use Java's shortest round-trip form (e.g. {@code 1.0}, {@code 1.0E-5}), which is valid
 * JSON and parses back to the same double.
 *
 * <p>Parsing returns LinkedHashMap (objects, in document order), ArrayList, String, Long
 * (integers that fit), Double (every other number), Boolean and null. Duplicate keys are an error.
 */
public final class Json {
    private Json() {
    }

    /** JSON text of value: compact, or pretty with two-space indents (arrays of scalars stay on one line). */
    public static String write(Object value, boolean pretty) {
        return new JsonWriter(pretty).write(value);
    }

    /** Compact JSON text of value. */
    public static String write(Object value) {
        return write(value, false);
    }

    /** Parses one JSON value; anything but whitespace after it is an error. */
    public static Object parse(String text) {
        if (text == null) throw new IllegalArgumentException("JSON text must not be null");
        return new JsonParser(text).parseDocument();
    }
}
