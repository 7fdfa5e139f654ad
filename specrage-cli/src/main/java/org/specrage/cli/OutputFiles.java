package org.specrage.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.specrage.data.io.LabelsCsvWriter;
import org.specrage.data.io.NpyWriter;
import org.specrage.io.Json;
import org.specrage.linalg.DMatrix;

/** Writes a run's outputs; each file goes to a temporary name first and is then moved into place. */
final class OutputFiles {
    private OutputFiles() {
    }

    static void write(Path dir, int[] labels, DMatrix embedding, Map<String, Object> report) throws IOException {
        Files.createDirectories(dir);
        Path labelsTmp = Files.createTempFile(dir, ".labels", ".tmp");
        LabelsCsvWriter.write(labelsTmp, labels);
        Files.move(labelsTmp, dir.resolve("labels.csv"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path embTmp = Files.createTempFile(dir, ".embedding", ".tmp");
        NpyWriter.write(embTmp, embedding);
        Files.move(embTmp, dir.resolve("embedding.npy"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        writeJson(dir.resolve("report.json"), report);
    }

    static void writeJson(Path file, Map<String, Object> report) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".report", ".tmp");
        Files.writeString(tmp, Json.write(report, true) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
