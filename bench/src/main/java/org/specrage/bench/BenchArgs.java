package org.specrage.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** "--key value" and "--flag" arguments of the bench mains. */
final class BenchArgs {
    private final Map<String, String> values = new HashMap<>();
    private final String[] positional;

    BenchArgs(String[] args) {
        java.util.List<String> pos = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
                values.put(key, hasValue ? args[++i] : "true");
            } else {
                pos.add(args[i]);
            }
        }
        positional = pos.toArray(new String[0]);
    }

    String positional(int i, String fallback) {
        return i < positional.length ? positional[i] : fallback;
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    int integer(String key, int fallback) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : fallback;
    }

    double number(String key, double fallback) {
        return values.containsKey(key) ? Double.parseDouble(values.get(key)) : fallback;
    }

    int[] ints(String key, int[] fallback) {
        if (!values.containsKey(key)) return fallback;
        return Arrays.stream(values.get(key).split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    }

    long[] longs(String key, long[] fallback) {
        if (!values.containsKey(key)) return fallback;
        return Arrays.stream(values.get(key).split(",")).mapToLong(s -> Long.parseLong(s.trim())).toArray();
    }
}
