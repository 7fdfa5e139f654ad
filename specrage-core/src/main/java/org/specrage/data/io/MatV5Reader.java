package org.specrage.data.io;

import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sparse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MATLAB v5 MAT-files (also what MATLAB calls v7: compressed v5) with mfl-core. Cells,
 * sparse matrices, and double/single/integer/logical classes are supported; compact integer
 * storage of doubles is converted by the library. The variable layout is found by {@link MatLayout}.
 */
public final class MatV5Reader {
    private static final int MI_MATRIX = 14;

    private MatV5Reader() {
    }

    public static MultiViewData read(Path path, LoadOptions options) {
        return DataFiles.read(path, () -> {
            checkComplete(path);
            String name = options.name() != null ? options.name() : DataFiles.stem(path);
            try (Mat5File mat = Mat5.readFromFile(path.toFile())) {
                return MatLayout.build(variables(mat), options, name);
            } catch (DataException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                if (DataFiles.isEarlyEnd(e)) {
                    throw new DataException(DataException.Kind.TRUNCATED, "MAT file ends early (truncated?): " + e.getMessage(), e);
                }
                throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "cannot parse MAT v5 file: " + e, e);
            }
        });
    }

    private static Map<String, MatNode> variables(MatFile mat) {
        Map<String, MatNode> out = new LinkedHashMap<>();
        for (MatFile.Entry e : mat.getEntries()) out.put(e.getName(), wrap(e.getValue()));
        return out;
    }

    /**
     * Walks the top-level data elements so that a file cut short is reported as truncated rather
     * than as whatever error the parser hits first.
     */
    static void checkComplete(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 128) throw new DataException(DataException.Kind.TRUNCATED, "truncated: " + size + " bytes, shorter than the 128-byte MAT header");
            ByteBuffer header = ByteBuffer.allocate(128);
            while (header.hasRemaining() && ch.read(header, header.position()) >= 0) {
                // read the whole header
            }
            ByteOrder order = header.get(126) == 'I' && header.get(127) == 'M' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            ByteBuffer tag = ByteBuffer.allocate(8).order(order);
            long pos = 128;
            while (pos < size) {
                if (size - pos < 8) throw new DataException(DataException.Kind.TRUNCATED, "truncated: file ends inside a data element tag at byte " + pos);
                tag.clear();
                while (tag.hasRemaining()) ch.read(tag, pos + tag.position());
                int type = tag.getInt(0);
                long bytes = tag.getInt(4) & 0xffffffffL;
                if ((type >>> 16) != 0) { // small data element: the size lives in the upper half of the type word
                    bytes = type >>> 16;
                    pos += 8;
                    continue;
                }
                long end = pos + 8 + bytes;
                if (end > size) {
                    throw new DataException(DataException.Kind.TRUNCATED, "truncated: the data element at byte " + pos + " needs "
                            + bytes + " bytes but the file ends after " + (size - pos - 8));
                }
                if (type == MI_MATRIX) end = (end + 7) & ~7L; // uncompressed elements are padded to 8 bytes
                pos = end;
            }
        }
    }

    private static MatNode wrap(Array a) {
        switch (a.getType()) {
            case Cell:
                return new CellNode((Cell) a);
            case Sparse:
                return new SparseNode((Sparse) a);
            case Character:
                return new CharNode((Char) a);
            case Double: case Single: case Int8: case UInt8: case Int16: case UInt16:
            case Int32: case UInt32: case Int64: case UInt64:
                Matrix m = (Matrix) a;
                if (m.isComplex()) return new OtherNode(a, "complex " + a.getType());
                return new NumericNode(m);
            default:
                return new OtherNode(a, a.getType().toString());
        }
    }

    private static final class NumericNode extends MatNode {
        private final Matrix m;

        NumericNode(Matrix m) {
            this.m = m;
        }

        @Override
        String matlabClass() {
            return m.isLogical() ? "logical" : m.getType().toString();
        }

        @Override
        int[] dims() {
            return m.getDimensions();
        }

        @Override
        boolean isNumeric() {
            return true;
        }

        @Override
        double value(int i) {
            return m.getDouble(i);
        }
    }

    private static final class SparseNode extends MatNode {
        private final Sparse s;

        SparseNode(Sparse s) {
            this.s = s;
        }

        @Override
        String matlabClass() {
            return "sparse";
        }

        @Override
        int[] dims() {
            return s.getDimensions();
        }

        @Override
        boolean isSparse() {
            return true;
        }

        @Override
        void forEachNonZero(TripletConsumer consumer) {
            s.forEach((row, col, real, imaginary) -> consumer.accept(row, col, real));
        }
    }

    private static final class CellNode extends MatNode {
        private final Cell c;

        CellNode(Cell c) {
            this.c = c;
        }

        @Override
        String matlabClass() {
            return "cell";
        }

        @Override
        int[] dims() {
            return c.getDimensions();
        }

        @Override
        boolean isCell() {
            return true;
        }

        @Override
        List<MatNode> elements() {
            List<MatNode> out = new ArrayList<>(c.getNumElements());
            for (int i = 0; i < c.getNumElements(); i++) out.add(wrap(c.get(i)));
            return out;
        }
    }

    private static final class CharNode extends MatNode {
        private final Char c;

        CharNode(Char c) {
            this.c = c;
        }

        @Override
        String matlabClass() {
            return "char";
        }

        @Override
        int[] dims() {
            return c.getDimensions();
        }

        @Override
        boolean isChar() {
            return true;
        }

        @Override
        String text() {
            return c.getString();
        }
    }

    private static final class OtherNode extends MatNode {
        private final Array a;
        private final String kind;

        OtherNode(Array a, String kind) {
            this.a = a;
            this.kind = kind;
        }

        @Override
        String matlabClass() {
            return kind;
        }

        @Override
        int[] dims() {
            return a.getDimensions();
        }
    }
}
