package org.specrage.data.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;

import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Reads MATLAB v7.3 MAT-files (HDF5 after a 512-byte user block) with jhdf. Each variable carries
 * a MATLAB_class attribute; cell arrays hold object references that are followed with
 * {@code HdfFile.getNodeByAddress}; sparse matrices are groups of data/ir/jc. HDF5 lists the
 * dimensions in reverse, so the flat HDF5 order is MATLAB's column-major order.
 */
public final class MatV73Reader {
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private MatV73Reader() {
    }

    public static MultiViewData read(Path path, LoadOptions options) {
        return DataFiles.read(path, () -> {
            checkComplete(path);
            String name = options.name() != null ? options.name() : DataFiles.stem(path);
            try (HdfFile file = new HdfFile(path)) {
                Map<String, MatNode> vars = new LinkedHashMap<>();
                for (Node node : file) {
                    if (node.getName().startsWith("#")) continue; // #refs#, #subsystem#
                    vars.put(node.getName(), wrap(file, node));
                }
                return MatLayout.build(vars, options, name);
            } catch (DataException e) {
                throw e;
            } catch (RuntimeException e) {
                if (DataFiles.isEarlyEnd(e)) {
                    throw new DataException(DataException.Kind.TRUNCATED, "MAT v7.3 file ends early (truncated?): " + e.getMessage(), e);
                }
                throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "cannot parse MAT v7.3 (HDF5) file: " + e, e);
            }
        });
    }

    /** Compares the file size with the end-of-file address in the HDF5 superblock. */
    static void checkComplete(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            // the superblock sits at 0, 512, 1024, 2048, ... (after the user block)
            for (long at = 0; at < size; at = at == 0 ? 512 : at * 2) {
                b.clear();
                while (b.hasRemaining() && ch.read(b, at + b.position()) > 0) {
                    // fill
                }
                if (b.position() < HDF5_SIGNATURE.length || !hasSignature(b)) continue;
                int version = b.get(8) & 0xff;
                int offsetSize;
                int eofAt;
                if (version <= 1) {
                    offsetSize = b.get(13) & 0xff;
                    eofAt = 24 + (version == 1 ? 4 : 0) + 2 * offsetSize;
                } else {
                    offsetSize = b.get(9) & 0xff;
                    eofAt = 12 + 2 * offsetSize;
                }
                if (offsetSize != 8 || eofAt + 8 > b.position()) return; // unusual layout: leave it to the parser
                long eof = b.getLong(eofAt);
                if (eof > 0 && size < eof) {
                    throw new DataException(DataException.Kind.TRUNCATED, "truncated: the HDF5 superblock says the data ends at byte "
                            + eof + " but the file has " + size + " bytes");
                }
                return;
            }
            throw new DataException(size <= 512 ? DataException.Kind.TRUNCATED : DataException.Kind.UNKNOWN_FORMAT,
                    "no HDF5 signature found (a MAT v7.3 file is HDF5 after a 512-byte header)");
        }
    }

    private static boolean hasSignature(ByteBuffer b) {
        for (int i = 0; i < HDF5_SIGNATURE.length; i++) if (b.get(i) != HDF5_SIGNATURE[i]) return false;
        return true;
    }

    private static MatNode wrap(HdfFile file, Node node) {
        String cls = matlabClass(node);
        if (node instanceof Group group) {
            if (group.getAttribute("MATLAB_sparse") != null) return new SparseNode(group, cls);
            return new OtherNode(cls == null ? "group" : cls, new int[]{1, 1});
        }
        if (!(node instanceof Dataset ds)) return new OtherNode("link", new int[]{0, 0});
        if (isEmpty(ds)) return new OtherNode(cls == null ? "empty" : cls, new int[]{0, 0});
        int[] dims = matlabDims(ds.getDimensions());
        if ("cell".equals(cls)) return new CellNode(file, ds, dims);
        if ("char".equals(cls)) return new CharNode(ds, dims);
        if (cls == null || "struct".equals(cls) || "function_handle".equals(cls) || ds.isCompound()) {
            return new OtherNode(cls == null ? "unknown" : cls, dims);
        }
        return new NumericNode(ds, dims, cls);
    }

    private static boolean isEmpty(Dataset ds) {
        Attribute empty = ds.getAttribute("MATLAB_empty");
        return empty != null && toLong(empty.getData()) != 0;
    }

    private static String matlabClass(Node node) {
        Attribute a = node.getAttribute("MATLAB_class");
        if (a == null) return null;
        Object data = a.getData();
        return data instanceof String s ? s : String.valueOf(data);
    }

    /** MATLAB dims are the HDF5 dims reversed. */
    private static int[] matlabDims(int[] hdf) {
        if (hdf.length == 0) return new int[]{1, 1};
        if (hdf.length == 1) return new int[]{hdf[0], 1};
        int[] d = new int[hdf.length];
        for (int i = 0; i < hdf.length; i++) d[i] = hdf[hdf.length - 1 - i];
        return d;
    }

    private static long toLong(Object o) {
        if (o instanceof Number n) return n.longValue();
        if (o != null && o.getClass().isArray() && Array.getLength(o) > 0) return toLong(Array.get(o, 0));
        if (o instanceof Boolean b) return b ? 1 : 0;
        return 0;
    }

    /** Element access for any primitive array (or BigInteger[] for uint64) that jhdf returns. */
    static IntToDoubleFunction accessor(Object flat) {
        if (flat instanceof double[] a) return i -> a[i];
        if (flat instanceof float[] a) return i -> a[i];
        if (flat instanceof long[] a) return i -> a[i];
        if (flat instanceof int[] a) return i -> a[i];
        if (flat instanceof short[] a) return i -> a[i];
        if (flat instanceof byte[] a) return i -> a[i];
        if (flat instanceof boolean[] a) return i -> a[i] ? 1 : 0;
        if (flat instanceof BigInteger[] a) return i -> a[i].doubleValue();
        if (flat instanceof Object[] a) return i -> ((Number) a[i]).doubleValue();
        throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "unsupported HDF5 data of Java type " + flat.getClass().getSimpleName());
    }

    private static int length(Object flat) {
        return Array.getLength(flat);
    }

    private static final class NumericNode extends MatNode {
        private final Dataset ds;
        private final int[] dims;
        private final String cls;
        private IntToDoubleFunction values;

        NumericNode(Dataset ds, int[] dims, String cls) {
            this.ds = ds;
            this.dims = dims;
            this.cls = cls;
        }

        @Override
        String matlabClass() {
            return cls;
        }

        @Override
        int[] dims() {
            return dims;
        }

        @Override
        boolean isNumeric() {
            return true;
        }

        @Override
        double value(int i) {
            if (values == null) values = accessor(ds.getDataFlat()); // loaded on first use only
            return values.applyAsDouble(i);
        }
    }

    private static final class CellNode extends MatNode {
        private final HdfFile file;
        private final Dataset ds;
        private final int[] dims;

        CellNode(HdfFile file, Dataset ds, int[] dims) {
            this.file = file;
            this.ds = ds;
            this.dims = dims;
        }

        @Override
        String matlabClass() {
            return "cell";
        }

        @Override
        int[] dims() {
            return dims;
        }

        @Override
        boolean isCell() {
            return true;
        }

        @Override
        List<MatNode> elements() {
            Object flat = ds.getDataFlat();
            if (!(flat instanceof long[] refs)) {
                throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "cell '" + ds.getName() + "' does not hold object references");
            }
            List<MatNode> out = new ArrayList<>(refs.length);
            for (long address : refs) out.add(wrap(file, file.getNodeByAddress(address)));
            return out;
        }
    }

    private static final class CharNode extends MatNode {
        private final Dataset ds;
        private final int[] dims;

        CharNode(Dataset ds, int[] dims) {
            this.ds = ds;
            this.dims = dims;
        }

        @Override
        String matlabClass() {
            return "char";
        }

        @Override
        int[] dims() {
            return dims;
        }

        @Override
        boolean isChar() {
            return true;
        }

        @Override
        String text() {
            Object flat = ds.getDataFlat();
            IntToDoubleFunction codes = accessor(flat);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < length(flat); i++) sb.append((char) codes.applyAsDouble(i));
            return sb.toString();
        }
    }

    /** A MATLAB sparse matrix: a group with MATLAB_sparse = row count and compressed columns data/ir/jc. */
    private static final class SparseNode extends MatNode {
        private final Group group;
        private final int[] dims;
        private final String cls;

        SparseNode(Group group, String cls) {
            this.group = group;
            this.cls = cls;
            int rows = (int) toLong(group.getAttribute("MATLAB_sparse").getData());
            Node jc = group.getChild("jc");
            int cols = jc instanceof Dataset d ? (int) Math.max(0, d.getSize() - 1) : 0;
            this.dims = new int[]{rows, cols};
        }

        @Override
        String matlabClass() {
            return "sparse " + cls;
        }

        @Override
        int[] dims() {
            return dims;
        }

        @Override
        boolean isSparse() {
            return true;
        }

        @Override
        void forEachNonZero(TripletConsumer consumer) {
            IntToDoubleFunction jc = accessor(((Dataset) group.getChild("jc")).getDataFlat());
            Node irNode = group.getChild("ir");
            Node dataNode = group.getChild("data");
            if (irNode == null || dataNode == null) return; // an all-zero sparse matrix stores no entries
            IntToDoubleFunction ir = accessor(((Dataset) irNode).getDataFlat());
            IntToDoubleFunction data = accessor(((Dataset) dataNode).getDataFlat());
            for (int c = 0; c < dims[1]; c++) {
                int from = (int) jc.applyAsDouble(c), to = (int) jc.applyAsDouble(c + 1);
                for (int k = from; k < to; k++) consumer.accept((int) ir.applyAsDouble(k), c, data.applyAsDouble(k));
            }
        }
    }

    private static final class OtherNode extends MatNode {
        private final String kind;
        private final int[] dims;

        OtherNode(String kind, int[] dims) {
            this.kind = kind;
            this.dims = dims;
        }

        @Override
        String matlabClass() {
            return kind;
        }

        @Override
        int[] dims() {
            return dims;
        }
    }
}
