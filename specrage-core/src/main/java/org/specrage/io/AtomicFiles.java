package org.specrage.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary sibling that is then renamed over the target, so a reader
 * (or a crash) never sees a half-written file: the target is the old content or the new one.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes the content of a file to the given (temporary) path. */
    public interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            writer.writeTo(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
