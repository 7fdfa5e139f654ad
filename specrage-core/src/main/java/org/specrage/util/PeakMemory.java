package org.specrage.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident set (Linux /proc), for the memory figures of reports and benchmarks. */
public final class PeakMemory {
    private PeakMemory() {
    }

    /** The peak resident set in bytes (VmHWM from /proc/self/status), or -1 where it is not available. */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Sets the peak resident set back to the current one (Linux 4.0+: "5" written to
     * /proc/self/clear_refs), so that the next {@link #residentBytes} is the peak of what follows.
     * Returns false where that is not possible (the peak then counts from the process start).
     */
    public static boolean reset() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
