package org.specrage.cli;

import java.util.Locale;

/**
 * Range checks of option values. A value outside the range its option allows, whatever the data,
 * is a usage error (exit 2) named after the option; a value that is fine in itself but does not fit
 * the data set (k larger than n, a view the file lacks) stays a data error (exit 10). The commands
 * check before loading data, so a typo does not cost a load. A null value was not given and passes.
 */
final class OptionRanges {
    private OptionRanges() {
    }

    static void atLeast(String option, Number value, long min) {
        if (value != null && value.longValue() < min) throw outOfRange(option, "at least " + min, value);
    }

    static void atMost(String option, Number value, long max, String maxText) {
        if (value != null && value.longValue() > max) throw outOfRange(option, "at most " + maxText, value);
    }

    /** A multiple of step in [min, max]. */
    static void multipleOf(String option, Number value, long step, long min, long max) {
        if (value != null && (value.longValue() < min || value.longValue() > max || value.longValue() % step != 0)) {
            throw outOfRange(option, "a multiple of " + step + " in [" + min + ", " + max + "]", value);
        }
    }

    /** In [0, 1]. */
    static void fraction(String option, Number value) {
        if (value != null && !(value.doubleValue() >= 0 && value.doubleValue() <= 1)) throw outOfRange(option, "in [0, 1]", value);
    }

    /** Finite and at least 0. */
    static void nonNegative(String option, Number value) {
        if (value != null && !(value.doubleValue() >= 0 && value.doubleValue() < Double.POSITIVE_INFINITY)) {
            throw outOfRange(option, "finite and at least 0", value);
        }
    }

    /** Finite and above 0. */
    static void positive(String option, Number value) {
        if (value != null && !(value.doubleValue() > 0 && value.doubleValue() < Double.POSITIVE_INFINITY)) {
            throw outOfRange(option, "finite and above 0", value);
        }
    }

    /** The usage error (ErrorHandler maps IllegalArgumentException to exit 2). */
    private static OutOfRange outOfRange(String option, String range, Number value) {
        return new OutOfRange(option, String.format(Locale.ROOT, "%s must be %s, got %s", option, range, value));
    }

    /** A value outside its option's range; carries the option so that a value from a config file can name the file. */
    static final class OutOfRange extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String option;

        OutOfRange(String option, String message) {
            super(message);
            this.option = option;
        }
    }
}
