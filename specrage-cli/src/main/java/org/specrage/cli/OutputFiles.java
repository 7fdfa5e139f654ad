package org.specrage.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.specrage.data.io.LabelsCsvWriter;
import org.specrage.data.io.NpyWriter;
import org.specrage.io.AtomicFiles;
import org.specrage.io.Json;
import org.specrage.linalg.DMatrix;

/** Writes a run's outputs; each file appears whole or not at all ({@link AtomicFiles}). */
final class OutputFiles {
    private OutputFiles() {
    }

    /** Fails before any work when the output directory cannot be one (an existing file of that name). */
    static void requireDirectory(Path dir) throws IOException {
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new java.nio.file.FileAlreadyExistsException(dir.toString(), null, "already exists and is not a directory");
        }
    }

    static void write(Path dir, int[] labels, DMatrix embedding, Map<String, Object> report) throws IOException {
        AtomicFiles.write(dir.resolve("labels.csv"), tmp -> LabelsCsvWriter.write(tmp, labels));
        AtomicFiles.write(dir.resolve("embedding.npy"), tmp -> NpyWriter.write(tmp, embedding));
        writeJson(dir.resolve("report.json"), report);
    }

    static void writeJson(Path file, Map<String, Object> report) throws IOException {
        AtomicFiles.write(file, tmp -> Files.writeString(tmp, Json.write(report, true) + "\n", StandardCharsets.UTF_8));
    }
}
