package org.specrage.data.io;

import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy .npy arrays (format versions 1-3) of float32/float64, signed and unsigned 8-64 bit
 * integers and bool, in C or Fortran order. A 2-D array is n samples x d features; higher
 * dimensions are flattened into features (n x 28 x 28 images become n x 784); a 1-D array is
 * one feature column, or a label vector when read with {@link #readVector}. A gzip-compressed
 * file (.npy.gz) is read the same way.
 */
public final class NpyReader {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    /** One dense view, no labels (see {@link DataLoader} for labels files). */
    public static MultiViewData read(Path path, LoadOptions options) {
        return DataFiles.read(path, () -> {
            FMatrix m = readMatrixUnchecked(path);
            String name = options.name() != null ? options.name() : DataFiles.stem(path);
            return new MultiViewData(List.of(View.dense(m)), null, name);
        });
    }

    /** The array as an n x d float32 matrix (1-D arrays become n x 1). */
    public static FMatrix readMatrix(Path path) {
        return DataFiles.read(path, () -> readMatrixUnchecked(path));
    }

    /** The array as an n x d float64 matrix (1-D arrays become n x 1), without rounding to float32. */
    public static DMatrix readDoubleMatrix(Path path) {
        return DataFiles.read(path, () -> {
            try (Source in = new Source(path)) {
                int[] shape = matrixShape(in.header);
                DMatrix m = new DMatrix(shape[0], shape[1]);
                double[] data = m.data;
                in.readValues((i, v) -> data[i] = v);
                return m;
            }
        });
    }

    /** A 1-D array, or a 2-D array with one row or one column, as doubles (for labels). */
    public static double[] readVector(Path path) {
        return DataFiles.read(path, () -> {
            try (Source in = new Source(path)) {
                Header h = in.header;
                long nonUnit = Arrays.stream(h.shape).filter(s -> s != 1).count();
                if (nonUnit > 1) {
                    throw new DataException(DataException.Kind.UNKNOWN_FORMAT,
                            "expected a vector but the array has shape " + Arrays.toString(h.shape));
                }
                double[] out = new double[(int) h.count];
                in.readValues((i, v) -> out[i] = v);
                return out;
            }
        });
    }

    /** The shape recorded in the header. */
    public static int[] shape(Path path) {
        return DataFiles.read(path, () -> {
            try (Source in = new Source(path)) {
                return in.header.shape.clone();
            }
        });
    }

    private static FMatrix readMatrixUnchecked(Path path) throws IOException {
        try (Source in = new Source(path)) {
            int[] shape = matrixShape(in.header);
            FMatrix m = new FMatrix(shape[0], shape[1]);
            float[] data = m.data;
            in.readValues((i, v) -> data[i] = (float) v);
            return m;
        }
    }

    /**
     * A .npy file opened and read past its header, front to back: a plain file through its channel
     * (its length is checked against the header before anything is allocated), a compressed one
     * through a gunzipping stream (its length is known only at the end).
     */
    private static final class Source implements AutoCloseable {
        final ReadableByteChannel channel;
        final Header header;

        Source(Path path) throws IOException {
            boolean gzip = DataFiles.isGzip(DataFiles.head(path, 2));
            channel = gzip ? Channels.newChannel(DataFiles.open(path)) : FileChannel.open(path, StandardOpenOption.READ);
            try {
                header = Header.read(channel);
                if (!gzip) {
                    long available = ((FileChannel) channel).size() - header.dataOffset;
                    if (available < header.count * header.itemSize) throw truncated(header, available);
                }
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        void readValues(ValueSink sink) throws IOException {
            NpyReader.readValues(channel, header, sink);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Rows = first dimension, columns = product of the others (1 for a 1-D array). */
    private static int[] matrixShape(Header h) {
        if (h.shape.length == 0) {
            throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "array is a scalar (shape ()), expected n x d data");
        }
        long cols = 1;
        for (int k = 1; k < h.shape.length; k++) cols *= h.shape[k];
        return new int[]{h.shape[0], (int) cols};
    }

    /** Receives value number i (in C order) of the array. */
    private interface ValueSink {
        void put(int index, double value);
    }

    private static void readValues(ReadableByteChannel ch, Header h, ValueSink sink) throws IOException {
        int[] counter = new int[h.shape.length]; // multi-index in file order, for Fortran-ordered arrays
        long[] cStride = new long[h.shape.length];
        for (int k = h.shape.length - 1, s = 1; k >= 0; k--) {
            cStride[k] = s;
            s *= Math.max(1, h.shape[k]);
        }
        boolean reorder = h.fortran && h.shape.length > 1;
        int chunkItems = Math.max(1, (1 << 20) / h.itemSize);
        ByteBuffer buf = ByteBuffer.allocate(chunkItems * h.itemSize).order(h.order);
        int index = 0;
        while (index < h.count) {
            int items = (int) Math.min(chunkItems, h.count - index);
            buf.clear().limit(items * h.itemSize);
            while (buf.hasRemaining()) {
                if (ch.read(buf) < 0) throw truncated(h, (long) index * h.itemSize + buf.position());
            }
            buf.flip();
            for (int k = 0; k < items; k++, index++) {
                double v = h.next(buf);
                if (!reorder) {
                    sink.put(index, v);
                } else {
                    long target = 0;
                    for (int d = 0; d < counter.length; d++) target += counter[d] * cStride[d];
                    sink.put((int) target, v);
                    // Fortran order: the first index runs fastest
                    for (int d = 0; d < counter.length; d++) {
                        if (++counter[d] < h.shape[d]) break;
                        counter[d] = 0;
                    }
                }
            }
        }
    }

    private static DataException truncated(Header h, long available) {
        return new DataException(DataException.Kind.TRUNCATED, "truncated: header says shape " + Arrays.toString(h.shape)
                + " of " + h.descr + " (" + h.count * h.itemSize + " bytes of data) but only " + available + " bytes follow");
    }

    /** The parsed .npy header. */
    private static final class Header {
        String descr;
        boolean fortran;
        int[] shape;
        long count;
        long dataOffset;
        ByteOrder order;
        char kind;
        int itemSize;

        static Header read(ReadableByteChannel ch) throws IOException {
            ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            pre.limit(10); // magic, version and a version 1 header length; versions 2 and 3 have two more bytes
            readFully(ch, pre, "the NumPy preamble");
            pre.flip();
            byte[] magic = new byte[6];
            pre.get(magic);
            if (!(magic[0] == (byte) 0x93 && new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY"))) {
                throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "not a NumPy .npy file (bad magic)");
            }
            int major = pre.get() & 0xff;
            pre.get(); // minor version
            long headerLen;
            long headerStart;
            if (major == 1) {
                headerLen = pre.getShort() & 0xffff;
                headerStart = 10;
            } else if (major == 2 || major == 3) {
                pre.compact().limit(4); // the two bytes read past the version move to the front
                readFully(ch, pre, "the NumPy preamble");
                pre.flip();
                headerLen = pre.getInt() & 0xffffffffL;
                headerStart = 12;
            } else {
                throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "unsupported .npy format version " + major);
            }
            if (headerLen > 1 << 20) throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "implausible .npy header length " + headerLen);
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            readFully(ch, hb, "the .npy header");
            String text = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            Header h = new Header();
            h.dataOffset = headerStart + headerLen;
            h.descr = group(DESCR, text, "descr");
            h.fortran = group(FORTRAN, text, "fortran_order").equals("True");
            h.shape = parseShape(group(SHAPE, text, "shape"));
            h.count = 1;
            for (int s : h.shape) h.count *= s;
            if (h.count > Integer.MAX_VALUE - 8) {
                throw new DataException(DataException.Kind.INVALID_ARGUMENT, "array of " + h.count + " values is too large");
            }
            h.parseDescr();
            return h;
        }

        private void parseDescr() {
            if (descr.length() < 3) throw unsupported();
            char o = descr.charAt(0);
            order = o == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            if (o != '<' && o != '>' && o != '|' && o != '=') throw unsupported();
            kind = descr.charAt(1);
            try {
                itemSize = Integer.parseInt(descr.substring(2));
            } catch (NumberFormatException e) {
                throw unsupported();
            }
            boolean ok = switch (kind) {
                case 'f' -> itemSize == 4 || itemSize == 8;
                case 'i', 'u' -> itemSize == 1 || itemSize == 2 || itemSize == 4 || itemSize == 8;
                case 'b' -> itemSize == 1;
                default -> false;
            };
            if (!ok) throw unsupported();
        }

        private DataException unsupported() {
            return new DataException(DataException.Kind.UNKNOWN_FORMAT, "unsupported .npy dtype '" + descr
                    + "' (supported: float32/64, int8-64, uint8-64, bool)");
        }

        double next(ByteBuffer b) {
            switch (kind) {
                case 'f':
                    return itemSize == 4 ? b.getFloat() : b.getDouble();
                case 'b':
                    return b.get() != 0 ? 1 : 0;
                case 'i':
                    return switch (itemSize) {
                        case 1 -> b.get();
                        case 2 -> b.getShort();
                        case 4 -> b.getInt();
                        default -> (double) b.getLong();
                    };
                default: // unsigned
                    return switch (itemSize) {
                        case 1 -> b.get() & 0xff;
                        case 2 -> b.getShort() & 0xffff;
                        case 4 -> b.getInt() & 0xffffffffL;
                        default -> unsignedLong(b.getLong());
                    };
            }
        }

        private static double unsignedLong(long v) {
            return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
        }

        private static String group(Pattern p, String text, String key) {
            Matcher m = p.matcher(text);
            if (!m.find()) throw new DataException(DataException.Kind.UNKNOWN_FORMAT, ".npy header lacks '" + key + "': " + text.trim());
            return m.group(1);
        }

        private static int[] parseShape(String s) {
            String[] parts = s.split(",");
            return Arrays.stream(parts).map(String::trim).filter(p -> !p.isEmpty()).mapToInt(p -> {
                try {
                    long v = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
                    if (v < 0 || v > Integer.MAX_VALUE) throw new NumberFormatException();
                    return (int) v;
                } catch (NumberFormatException e) {
                    throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "bad .npy shape entry '" + p + "'");
                }
            }).toArray();
        }

        private static void readFully(ReadableByteChannel ch, ByteBuffer b, String what) throws IOException {
            while (b.hasRemaining()) {
                int r = ch.read(b);
                if (r < 0) throw new DataException(DataException.Kind.TRUNCATED, "truncated: file ends inside " + what);
            }
        }
    }
}
