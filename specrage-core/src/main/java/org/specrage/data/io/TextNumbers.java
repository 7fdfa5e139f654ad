package org.specrage.data.io;

import java.util.Locale;

/** Number parsing for text formats; accepts NumPy's spellings of NaN and infinity. */
final class TextNumbers {
    private TextNumbers() {
    }

    /** The value of a numeric field; throws NumberFormatException when it is not a number. */
    static double parse(String field) {
        String s = field.trim();
        if (s.isEmpty()) throw new NumberFormatException("empty");
        char c = s.charAt(s.length() - 1);
        // Java accepts suffixes like "1f"/"2d" and hex floats; data files do not use them
        if (c == 'f' || c == 'F' || c == 'd' || c == 'D') {
            return special(s);
        }
        char first = s.charAt(0);
        if (Character.isDigit(first) || first == '.' || ((first == '-' || first == '+') && s.length() > 1
                && (Character.isDigit(s.charAt(1)) || s.charAt(1) == '.'))) {
            if (s.indexOf('x') >= 0 || s.indexOf('X') >= 0) throw new NumberFormatException(s);
            return Double.parseDouble(s);
        }
        return special(s);
    }

    static boolean isNumber(String field) {
        try {
            parse(field);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double special(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) t = t.substring(1);
        switch (t) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "infinity":
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default:
                throw new NumberFormatException(s);
        }
    }
}
