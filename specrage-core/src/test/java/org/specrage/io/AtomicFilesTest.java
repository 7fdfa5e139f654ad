package org.specrage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        AtomicFiles.write(target, tmp -> Files.writeString(tmp, "new"));
        assertEquals("new", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aDirectoryInTheWayIsNamedAndNothingIsLeft() throws IOException {
        Path target = Files.createDirectory(dir.resolve("results"));
        java.nio.file.FileAlreadyExistsException e = org.junit.jupiter.api.Assertions.assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> AtomicFiles.write(target, tmp -> Files.writeString(tmp, "new")));
        org.junit.jupiter.api.Assertions.assertEquals("is a directory; name a file to write", e.getReason());
        try (var files = Files.list(dir)) {
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(target), files.toList());
        }
    }

    @Test
    void aFailedWriteKeepsTheOldContent() throws IOException {
        Path target = dir.resolve("keep.txt");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    /** Results get the permissions any new file of the user gets (the umask's), not owner-only. */
    @Test
    void theWrittenFileHasTheUsersDefaultPermissions() throws IOException {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX permissions");
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path written = dir.resolve("written.txt");
        AtomicFiles.write(written, tmp -> Files.writeString(tmp, "x"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
    }
}
