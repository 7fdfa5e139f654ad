package org.specrage.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path tmp;

    @Test
    void jsonConfigSetsOptionsAndFlagsOverrideIt() throws Exception {
        Path cfg = tmp.resolve("c.json");
        Files.writeString(cfg, "{\"neighbors\": 8, \"scale-k\": 4, \"combine\": \"mean-laplacian\", \"views\": [0, 2]}");
        CliRun run = CliRun.of("cluster", "-q", "--config", cfg.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("2 views [240, 216]"), run.out());
        assertTrue(run.out().contains("neighbors 8, scale-k 4"), run.out());
        assertTrue(run.out().contains("combine mean-laplacian"), run.out());
        CliRun overridden = CliRun.of("cluster", "-q", "--config", cfg.toString(), "--neighbors", "12");
        assertTrue(overridden.out().contains("neighbors 12, scale-k 4"), overridden.out());
    }

    @Test
    void aWholeNumberWrittenWithADecimalPointFillsAnIntegerOption() throws Exception {
        Path cfg = tmp.resolve("whole.json");
        Files.writeString(cfg, "{\"neighbors\": 8.0, \"restarts\": 3.0}");
        CliRun run = CliRun.of("cluster", "-q", "--config", cfg.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("neighbors 8,"), run.out());
    }

    @Test
    void propertiesConfigWorksToo() throws Exception {
        Path cfg = tmp.resolve("c.properties");
        Files.writeString(cfg, "views=1\nrestarts=3\n");
        CliRun run = CliRun.of("cluster", "-q", "--config", cfg.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("1 view [76]"), run.out());
    }

    @Test
    void unknownKeyIsAnError() throws Exception {
        Path cfg = tmp.resolve("bad.json");
        Files.writeString(cfg, "{\"neighbours\": 8}");
        CliRun run = CliRun.of("cluster", "-q", "--config", cfg.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'neighbours' is not an option"), run.err());
    }

    @Test
    void missingAndMalformedConfig() throws Exception {
        assertEquals(3, CliRun.of("cluster", "--config", tmp.resolve("none.json").toString()).exitCode());
        Path cfg = tmp.resolve("broken.json");
        Files.writeString(cfg, "{\"neighbors\": ");
        CliRun run = CliRun.of("cluster", "--config", cfg.toString());
        assertEquals(4, run.exitCode());
        assertTrue(run.err().contains("broken.json"), run.err());
    }
}
