package org.specrage.util;

/**
 * Reports the advance of a long step. The library calls it; the CLI draws it on stderr.
 * Implementations must be cheap: hot loops call {@link #advance} at most once per block of work.
 */
public interface Progress {
    /** Starts a stage of {@code total} units of work (0 when unknown). */
    void start(String stage, long total);

    /** Marks {@code units} more units done. */
    void advance(long units);

    /** A free-form status for the current stage, such as a loss value. */
    default void status(String text) {
    }

    /** Ends the current stage. */
    void done();

    /** A progress sink that shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void start(String stage, long total) {
        }

        @Override
        public void advance(long units) {
        }

        @Override
        public void done() {
        }
    };
}
