package org.specrage.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class BenchEngineCommandTest {
    @Test
    void printsTheRooflineFractionLast() {
        CliRun run = CliRun.of("bench", "engine", "--steps", "2");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().trim().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("roofline-fraction="), last);
        double fraction = Double.parseDouble(last.substring("roofline-fraction=".length()));
        // a real measurement: positive, and a step cannot beat the products' roofline by much
        assertTrue(fraction > 0 && fraction < 1.3, last);
        assertTrue(run.out().contains("sgemm roofline:"), run.out());
    }

    @Test
    void rejectsZeroThreads() {
        CliRun run = CliRun.of("bench", "engine", "--threads", "0");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--threads"), run.err());
    }
}
