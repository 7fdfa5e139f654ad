package org.specrage.data.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes labels as text: a header line "label", then one label per line. */
public final class LabelsCsvWriter {
    private LabelsCsvWriter() {
    }

    public static void write(Path path, int[] labels) {
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            out.write("label\n");
            for (int y : labels) {
                out.write(Integer.toString(y));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
