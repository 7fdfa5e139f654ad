package org.specrage.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.specrage.util.Progress;

/**
 * Progress on stderr: a bar redrawn in place on a terminal, one line per stage otherwise (logs,
 * CI). Redraws at most a few times a second so hot loops can call it freely.
 */
final class ConsoleProgress implements Progress {
    private static final long REDRAW_NANOS = 200_000_000L;
    private final PrintStream out;
    private final boolean interactive;
    private String stage;
    private String status = "";
    private long total;
    private long done;
    private long startNanos;
    private long lastDraw;

    ConsoleProgress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    static Progress forStderr(boolean quiet) {
        if (quiet) return Progress.NONE;
        return new ConsoleProgress(System.err, System.console() != null);
    }

    @Override
    public synchronized void start(String stageName, long totalUnits) {
        stage = stageName;
        total = totalUnits;
        done = 0;
        status = "";
        startNanos = System.nanoTime();
        lastDraw = 0;
        if (interactive) draw();
    }

    @Override
    public synchronized void advance(long units) {
        done += units;
        long now = System.nanoTime();
        if (interactive && now - lastDraw > REDRAW_NANOS) draw();
    }

    @Override
    public synchronized void status(String text) {
        status = text;
        if (interactive) draw();
    }

    @Override
    public synchronized void done() {
        if (stage == null) return;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        String line = String.format(Locale.ROOT, "%-22s done in %.2f s%s", stage, seconds, status.isEmpty() ? "" : "  " + status);
        out.print(interactive ? "\r" + line + "\033[K\n" : line + "\n");
        out.flush();
        stage = null;
    }

    private void draw() {
        lastDraw = System.nanoTime();
        StringBuilder sb = new StringBuilder("\r").append(String.format(Locale.ROOT, "%-22s", stage));
        if (total > 0) {
            int width = 30;
            int filled = (int) Math.min(width, width * done / total);
            sb.append(" [").append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ")
              .append(String.format(Locale.ROOT, "%3d%%", 100 * done / total));
        }
        if (!status.isEmpty()) sb.append("  ").append(status);
        sb.append("\033[K");
        out.print(sb);
        out.flush();
    }
}
