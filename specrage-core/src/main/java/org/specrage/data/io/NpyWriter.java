package org.specrage.data.io;

import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes NumPy .npy files (format 1.0, little-endian, C order) that numpy.load reads. */
public final class NpyWriter {
    private static final int CHUNK = 1 << 20;

    private NpyWriter() {
    }

    /** An n x d float32 array. */
    public static void write(Path path, FMatrix m) {
        try (FileChannel ch = open(path)) {
            writeHeader(ch, "<f4", "(" + m.rows + ", " + m.cols + ")");
            ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : m.data) {
                if (!buf.hasRemaining()) flush(ch, buf);
                buf.putFloat(v);
            }
            flush(ch, buf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** An n x d float64 array. */
    public static void write(Path path, DMatrix m) {
        try (FileChannel ch = open(path)) {
            writeHeader(ch, "<f8", "(" + m.rows + ", " + m.cols + ")");
            ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : m.data) {
                if (!buf.hasRemaining()) flush(ch, buf);
                buf.putDouble(v);
            }
            flush(ch, buf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** A 1-D label array, as int64 (NumPy's default integer) or int32. */
    public static void writeLabels(Path path, int[] labels, boolean int64) {
        try (FileChannel ch = open(path)) {
            writeHeader(ch, int64 ? "<i8" : "<i4", "(" + labels.length + ",)");
            ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : labels) {
                if (!buf.hasRemaining()) flush(ch, buf);
                if (int64) buf.putLong(v);
                else buf.putInt(v);
            }
            flush(ch, buf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private static FileChannel open(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Magic, version 1.0, header length, then the dict padded with spaces so the data starts at a multiple of 64. */
    private static void writeHeader(FileChannel ch, String descr, String shape) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer b = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        b.flip();
        while (b.hasRemaining()) ch.write(b);
    }

    private static void flush(FileChannel ch, ByteBuffer buf) throws IOException {
        buf.flip();
        while (buf.hasRemaining()) ch.write(buf);
        buf.clear();
    }
}
