package org.specrage.methods.common;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Option records as JSON: every component under its snake_case name (embeddingDim: embedding_dim),
 * in declaration order; enums by {@link JsonOptions#name}, nested options by their own toJson. The
 * format of manifests and config files, so the names must not change.
 */
public final class OptionsJson {
    private OptionsJson() {
    }

    /** The JSON-ready form of an options record. */
    public static Map<String, Object> write(Record options) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : options.getClass().getRecordComponents()) {
            try {
                m.put(key(c), value(c.getAccessor().invoke(options)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read option " + c.getName(), e);
            }
        }
        return m;
    }

    /** The keys an options record type writes (and so the only ones it reads). */
    public static Set<String> keys(Class<? extends Record> type) {
        Set<String> keys = new LinkedHashSet<>();
        for (RecordComponent c : type.getRecordComponents()) keys.add(key(c));
        return keys;
    }

    /** Opens parsed JSON for reading an options record; fails on keys the record does not have. */
    public static JsonOptions reader(Map<String, Object> values, String where, Class<? extends Record> type) {
        JsonOptions json = new JsonOptions(values, where);
        json.requireKnown(keys(type));
        return json;
    }

    /** "k", or defaultK when absent; fails when neither gives at least one cluster. */
    public static int clusters(JsonOptions json, int defaultK) {
        int k = json.integer("k", defaultK);
        if (k < 1) throw new IllegalArgumentException(json.where() + ": \"k\" (clusters) is required");
        return k;
    }

    private static String key(RecordComponent c) {
        StringBuilder sb = new StringBuilder();
        for (char ch : c.getName().toCharArray()) {
            if (Character.isUpperCase(ch)) sb.append('_').append(Character.toLowerCase(ch));
            else sb.append(ch);
        }
        return sb.toString();
    }

    private static Object value(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) return v;
        if (v instanceof Enum<?> e) return JsonOptions.name(e);
        if (v instanceof JsonWritable w) return w.toJson();
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) out.add(value(item));
            return out;
        }
        throw new IllegalStateException("no JSON form for an option of type " + v.getClass().getName());
    }
}
