package org.specrage.data;

/**
 * Bad or unreadable input data. The {@link Kind} says what went wrong and gives the process exit
 * code the command-line tool uses for it; the message names the file (when there is one) and the problem.
 */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, with the exit code the CLI reports for it. */
    public enum Kind {
        MISSING_FILE(3), UNKNOWN_FORMAT(4), TRUNCATED(5), NON_FINITE(6), ROW_MISMATCH(7),
        LABEL_MISMATCH(8), EMPTY_VIEW(9), INVALID_ARGUMENT(10);

        public final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    private final Kind kind;

    public DataException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DataException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public int exitCode() {
        return kind.exitCode;
    }

    /** The same problem with a prefix (usually the file name) added to the message. */
    public DataException withContext(String prefix) {
        DataException e = new DataException(kind, prefix + ": " + getMessage(), getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
