package org.specrage.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.io.Json;

class SslCheckCommandTest {
    @TempDir
    Path tmp;

    @Test
    void reportsEveryCheckAndAnExitCodeThatMatchesIt() throws Exception {
        Path out = tmp.resolve("ssl.json");
        CliRun run = CliRun.of("ssl-check", "-q", "--nodes", "100", "--rank-nodes", "40", "--out", out.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) Json.parse(Files.readString(out));
        boolean passed = (Boolean) report.get("passed");
        assertEquals(passed ? 0 : 15, run.exitCode(), run.out());
        for (String loss : new String[] {"vicreg", "simclr", "barlow", "spectralnet"}) assertTrue(run.out().contains(loss), run.out());
        assertTrue(run.out().contains("locality preserving projections"), run.out());
    }

    @Test
    void rejectsBadSizes() {
        CliRun run = CliRun.of("ssl-check", "--nodes", "55");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("multiple of 10"), run.err());
    }

    /** As the other commands' range errors: the message names the option, its range and the value given. */
    @Test
    void rangeErrorsNameTheOption() {
        String max = String.valueOf(org.specrage.methods.ssl.SslCheck.MAX_NODES);
        String[][] cases = {
            {"--nodes", "55", "--nodes must be a multiple of 10 in [50, " + max + "], got 55"},
            {"--nodes", "40", "--nodes must be a multiple of 10 in [50, " + max + "], got 40"},
            {"--rank-nodes", "42", "--rank-nodes must be a multiple of 4 in [16, " + max + "], got 42"},
            {"--step-scale", "0", "--step-scale must be finite and above 0, got 0.0"},
        };
        for (String[] c : cases) {
            CliRun run = CliRun.of("ssl-check", "-q", c[0], c[1]);
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains(c[2]), run.err());
        }
    }
}
