package org.specrage.nn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.Tensor;

/**
 * Named float32 matrices in one binary file (".sprp"). Format version 1, all little-endian:
 * <pre>
 *   8 bytes  magic "SPRGPARM"
 *   int32    format version (1)
 *   int32    number of entries
 *   per entry, in order:
 *     int32    name length in bytes, then the name in UTF-8
 *     int32    rows, int32 cols
 *     float32  rows * cols values, row-major
 *   int32    CRC-32 of every preceding byte
 * </pre>
 * Reading checks the magic, version, sizes, checksum and that nothing follows; loading into a
 * module also checks that names and shapes match the module's exactly.
 */
public final class ParameterFile {
    static final byte[] MAGIC = "SPRGPARM".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;

    private ParameterFile() {
    }

    /** Writes a module's parameters (atomically: a temporary file is moved into place). */
    public static void save(Module module, Path path) throws IOException {
        LinkedHashMap<String, FMatrix> values = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : module.namedParameters().entrySet()) values.put(e.getKey(), e.getValue().value());
        write(values, path);
    }

    /** Replaces a module's parameter values with the file's; names and shapes must match. */
    public static void load(Module module, Path path) throws IOException {
        Map<String, FMatrix> values = read(path);
        Map<String, Tensor> params = module.namedParameters();
        for (String name : params.keySet()) {
            if (!values.containsKey(name)) throw new IOException(path + ": parameter '" + name + "' is missing from the file");
        }
        for (String name : values.keySet()) {
            if (!params.containsKey(name)) throw new IOException(path + ": the file has parameter '" + name + "' which the model does not");
        }
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            Tensor p = e.getValue();
            FMatrix v = values.get(e.getKey());
            if (v.rows != p.rows || v.cols != p.cols) {
                throw new IOException(path + ": parameter '" + e.getKey() + "' is " + v.rows + " x " + v.cols + " in the file but " + p.shape() + " in the model");
            }
        }
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            System.arraycopy(values.get(e.getKey()).data, 0, e.getValue().data(), 0, e.getValue().size());
        }
    }

    public static void write(Map<String, FMatrix> values, Path path) throws IOException {
        byte[] bytes = toBytes(values);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
    }

    public static Map<String, FMatrix> read(Path path) throws IOException {
        try {
            return fromBytes(Files.readAllBytes(path));
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(path.toString())) throw e;
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    /** The file contents for the given entries (for embedding in other containers). */
    public static byte[] toBytes(Map<String, FMatrix> values) {
        long size = 8 + 4 + 4 + 4;
        for (Map.Entry<String, FMatrix> e : values.entrySet()) {
            size += 4 + e.getKey().getBytes(StandardCharsets.UTF_8).length + 8 + 4L * e.getValue().data.length;
        }
        if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("parameters too large for one file: " + size + " bytes");
        ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(VERSION).putInt(values.size());
        for (Map.Entry<String, FMatrix> e : values.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            FMatrix m = e.getValue();
            buf.putInt(name.length).put(name).putInt(m.rows).putInt(m.cols);
            buf.asFloatBuffer().put(m.data);
            buf.position(buf.position() + 4 * m.data.length);
        }
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        return buf.array();
    }

    /** Parses file contents; throws IOException saying what is wrong. */
    public static Map<String, FMatrix> fromBytes(byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        need(buf, MAGIC.length + 8, "header");
        byte[] magic = new byte[MAGIC.length];
        buf.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) throw new IOException("not a specrage parameter file (bad magic)");
        int version = buf.getInt();
        if (version != VERSION) throw new IOException("unsupported parameter file version " + version + " (this build reads " + VERSION + ")");
        int count = buf.getInt();
        if (count < 0) throw new IOException("corrupt parameter file: negative entry count " + count);
        LinkedHashMap<String, FMatrix> out = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            need(buf, 4, "entry " + i);
            int nameLength = buf.getInt();
            if (nameLength < 0 || nameLength > buf.remaining()) throw truncatedOrCorrupt(buf, "name of entry " + i);
            byte[] name = new byte[nameLength];
            buf.get(name);
            String key = new String(name, StandardCharsets.UTF_8);
            need(buf, 8, "shape of '" + key + "'");
            int rows = buf.getInt(), cols = buf.getInt();
            if (rows < 0 || cols < 0) throw new IOException("corrupt parameter file: '" + key + "' has shape " + rows + " x " + cols);
            long n = (long) rows * cols;
            if (4 * n > buf.remaining()) throw truncatedOrCorrupt(buf, "values of '" + key + "' (" + rows + " x " + cols + ")");
            float[] data = new float[(int) n];
            buf.asFloatBuffer().get(data);
            buf.position(buf.position() + 4 * (int) n);
            if (out.put(key, new FMatrix(rows, cols, data)) != null) throw new IOException("corrupt parameter file: name '" + key + "' appears twice");
        }
        need(buf, 4, "checksum");
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, buf.position());
        int stored = buf.getInt();
        if (stored != (int) crc.getValue()) throw new IOException("parameter file checksum mismatch: the file is corrupted");
        if (buf.hasRemaining()) throw new IOException("parameter file has " + buf.remaining() + " unexpected bytes after the checksum");
        return out;
    }

    private static void need(ByteBuffer buf, int bytes, String what) throws IOException {
        if (buf.remaining() < bytes) throw new IOException("truncated parameter file: it ends inside the " + what);
    }

    private static IOException truncatedOrCorrupt(ByteBuffer buf, String what) {
        return new IOException("truncated or corrupt parameter file: not enough bytes left (" + buf.remaining() + ") for the " + what);
    }
}
