package org.specrage.data.io;

import org.specrage.data.DataException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Shared file plumbing for the readers: existence checks, gzip, and turning failures into DataExceptions. */
final class DataFiles {
    private DataFiles() {
    }

    /** A read step that may fail with an IOException. */
    interface IoSupplier<T> {
        T get() throws IOException;
    }

    /**
     * Runs a reader body for one file: checks the file exists, prefixes every DataException with
     * the file name, and classifies IOExceptions (an early end of input means a truncated file).
     */
    static <T> T read(Path path, IoSupplier<T> body) {
        requireExists(path);
        try {
            return body.get();
        } catch (DataException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(path.toString()) ? e : e.withContext(path.toString());
        } catch (IOException e) {
            throw failure(path, e);
        }
    }

    static void requireExists(Path path) {
        if (path == null) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "no file given");
        if (!Files.exists(path)) throw new DataException(DataException.Kind.MISSING_FILE, path + ": file not found");
        if (!Files.isReadable(path)) throw new DataException(DataException.Kind.MISSING_FILE, path + ": file is not readable");
    }

    static DataException failure(Path path, IOException e) {
        if (e instanceof NoSuchFileException) return new DataException(DataException.Kind.MISSING_FILE, path + ": file not found", e);
        if (isEarlyEnd(e)) return new DataException(DataException.Kind.TRUNCATED, path + ": file ends early (truncated?): " + e.getMessage(), e);
        return new DataException(DataException.Kind.UNKNOWN_FORMAT, path + ": cannot read: " + e, e);
    }

    static boolean isEarlyEnd(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) return true;
            String m = t.getMessage();
            if (t instanceof ZipException && m != null && m.toLowerCase(Locale.ROOT).contains("unexpected end")) return true;
            if (m != null && m.toLowerCase(Locale.ROOT).contains("unexpected end of")) return true;
        }
        return false;
    }

    /** Up to n bytes from the start of the raw file. */
    static byte[] head(Path path, int n) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(n);
        }
    }

    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    /** A buffered stream over the file, gunzipped when the file starts with the gzip magic. */
    static InputStream open(Path path) throws IOException {
        boolean gzip = isGzip(head(path, 2));
        InputStream raw = Files.newInputStream(path);
        try {
            return gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : new BufferedInputStream(raw, 1 << 16);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Up to n bytes of the file's content (gunzipped when compressed). A cut-off gzip stream gives the
     * bytes before the cut, so its format is still found and its reader reports the truncation; one
     * cut before any content fails here.
     */
    static byte[] contentHead(Path path, int n) throws IOException {
        byte[] out = new byte[n];
        int got = 0;
        try (InputStream in = open(path)) {
            for (int r; got < n && (r = in.read(out, got, n - got)) >= 0; ) got += r;
        } catch (EOFException e) {
            if (got == 0) {
                throw new DataException(DataException.Kind.TRUNCATED, path + ": truncated: the gzip stream ends before any content");
            }
        }
        return Arrays.copyOf(out, got);
    }

    /** The file name without a trailing ".gz" and without its extension: "handwritten.mat" -> "handwritten". */
    static String stem(Path path) {
        Path fileName = path.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? path.toString() : fileName.toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) name = name.substring(0, name.length() - 3);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The lower-case file name without a trailing ".gz". */
    static String plainName(Path path) {
        Path fileName = path.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
