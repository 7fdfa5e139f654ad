package org.specrage.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchScaleCommandTest {
    /** The memory columns: the process's peak RSS (a number on Linux) and the heap pools' summed peaks, named as such. */
    @Test
    void reportsPeakRssAndNamesTheHeapFigure() {
        CliRun run = CliRun.of("bench", "scale", "-q", "--sizes", "300", "--dim", "3", "--k", "2", "--epochs", "1");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        String[] header = lines.get(0).split(",");
        String[] row = lines.get(1).split(",");
        assertEquals("peak_rss_mb", header[5]);
        assertEquals("heap_pool_peaks_mb", header[6]);
        if (Files.isReadable(Path.of("/proc/self/status"))) assertTrue(Double.parseDouble(row[5]) > 0, lines.get(1));
        else assertEquals("NA", row[5]);
    }
}
