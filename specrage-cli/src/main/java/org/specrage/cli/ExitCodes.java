package org.specrage.cli;

/**
 * Exit codes of the tool. Data problems use the codes of their DataException kind (3 to 10):
 * 3 missing file, 4 unknown format, 5 truncated file, 6 NaN/Inf values, 7 views with different
 * row counts, 8 label count mismatch, 9 empty view, 10 a value that does not fit the data (k larger than n).
 * A value outside the range its option allows whatever the data is a {@link #USAGE} error ({@link OptionRanges}).
 */
final class ExitCodes {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int USAGE = 2;
    static final int SOLVER_FAILED = 11;
    static final int IO_ERROR = 12;
    static final int BAD_MODEL = 13;
    static final int TRAINING_FAILED = 14;
    static final int CHECK_FAILED = 15;
    static final int OUT_OF_MEMORY = 16;

    private ExitCodes() {
    }
}
