package org.specrage.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.MultiViewData;
import org.specrage.data.io.DataLoader;
import org.specrage.data.io.LoadOptions;

class GenerateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void multiViewBlobsHonourTheShapeOptions() throws Exception {
        Path out = tmp.resolve("mv.mat");
        CliRun run = CliRun.of("generate", "multiview-blobs", "--n", "60", "--k", "4", "--views", "3", "--dim", "5", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        MultiViewData data = DataLoader.load(out, LoadOptions.defaults());
        assertEquals(3, data.viewCount());
        assertEquals(5, data.view(2).cols());
        assertEquals(4, java.util.Arrays.stream(data.labels()).distinct().count());
    }

    @Test
    void badCountsAreUsageErrors() {
        for (String[] args : new String[][] {{"--n", "1"}, {"--k", "0"}, {"--k", "51"}, {"--views", "0"}, {"--dim", "0"}}) {
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("generate", "multiview-blobs"));
            if (!args[0].equals("--n")) command.addAll(java.util.List.of("--n", "50"));
            command.addAll(java.util.List.of(args));
            command.addAll(java.util.List.of("--out", tmp.resolve("x.mat").toString()));
            CliRun run = CliRun.of(command.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().contains(args[0] + " must be at"), run.err());
        }
    }

    @Test
    void optionsTheKindWouldIgnoreAreUsageErrors() {
        String[][] ignored = {
                {"moons", "--views", "3"}, {"moons", "--dim", "5"}, {"circles", "--k", "4"},
                {"blobs", "--views", "2"}, {"multiview-blobs", "--noise", "0.3"}};
        for (String[] args : ignored) {
            Path out = tmp.resolve(args[0] + ".mat");
            CliRun run = CliRun.of("generate", args[0], "--n", "50", args[1], args[2], "--out", out.toString());
            assertEquals(ExitCodes.USAGE, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().contains(args[1]), run.err());
            assertFalse(Files.exists(out), "nothing is written for " + String.join(" ", args));
        }
    }
}
