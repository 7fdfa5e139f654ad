package org.specrage.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** Turns raw label values (any numbering, or class names) into class indices 0..C-1. */
public final class Labels {
    private Labels() {
    }

    /** Maps the sorted distinct values to 0..C-1 (so labels 1..C become 0..C-1). Values must be finite. */
    public static int[] encode(double[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (!Double.isFinite(raw[i])) {
                throw new DataException(DataException.Kind.NON_FINITE, "label " + i + " is " + raw[i]);
            }
        }
        double[] distinct = Arrays.stream(raw).distinct().sorted().toArray();
        int[] out = new int[raw.length];
        for (int i = 0; i < raw.length; i++) out[i] = Arrays.binarySearch(distinct, raw[i]);
        return out;
    }

    /**
     * Maps textual labels to 0..C-1: numerically sorted when all parse as numbers (so "1","2","10"
     * keep their order), otherwise sorted as strings.
     */
    public static int[] encode(String[] raw) {
        for (int i = 0; i < raw.length; i++) {
            // NumPy writes a missing label as "nan": a missing value, not a class of that name
            String t = raw[i].trim().toLowerCase(java.util.Locale.ROOT);
            if (t.equals("nan") || t.matches("[+-]?inf(inity)?")) {
                throw new DataException(DataException.Kind.NON_FINITE, "label " + i + " is " + raw[i].trim());
            }
        }
        double[] numbers = new double[raw.length];
        boolean numeric = true;
        for (int i = 0; i < raw.length && numeric; i++) {
            try {
                numbers[i] = Double.parseDouble(raw[i].trim());
            } catch (NumberFormatException e) {
                numeric = false;
            }
        }
        if (numeric) return encode(numbers);
        TreeSet<String> sorted = new TreeSet<>();
        for (String s : raw) sorted.add(s.trim());
        Map<String, Integer> index = new HashMap<>();
        for (String s : sorted) index.put(s, index.size());
        int[] out = new int[raw.length];
        for (int i = 0; i < raw.length; i++) out[i] = index.get(raw[i].trim());
        return out;
    }

    /** Number of samples in each class 0..classCount-1. */
    public static int[] counts(int[] labels, int classCount) {
        int[] counts = new int[classCount];
        for (int y : labels) counts[y]++;
        return counts;
    }
}
