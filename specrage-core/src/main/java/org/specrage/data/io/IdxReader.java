package org.specrage.data.io;

import org.specrage.data.DataException;
import org.specrage.data.Labels;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.linalg.FMatrix;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads IDX files (the MNIST format: big-endian magic 0x00 0x00 type ndims, one int32 per
 * dimension, then the values), plain or gzip-compressed. Images are flattened to one row each;
 * uint8 pixels become floats 0..255, unscaled. A directory with train-/t10k- image and label files
 * reads as one data set: training rows first, then test rows, with the training count as the
 * predefined split.
 */
public final class IdxReader {
    private static final Pattern IDX_NAME = Pattern.compile("(train|t10k|test)-(images|labels)[.-]idx(\\d)-ubyte(\\.gz)?");

    private IdxReader() {
    }

    /** One IDX file as one dense view without labels (a 1-D file is one feature column). */
    public static MultiViewData read(Path path, LoadOptions options) {
        return DataFiles.read(path, () -> {
            FMatrix m = readArray(path).asMatrix();
            String name = options.name() != null ? options.name() : DataFiles.stem(path);
            return new MultiViewData(List.of(View.dense(m)), null, name);
        });
    }

    /** A directory of train/t10k image and label files as one data set. */
    public static MultiViewData readDirectory(Path dir, LoadOptions options) {
        return DataFiles.read(dir, () -> {
            Path trainImages = find(dir, "train", "images");
            if (trainImages == null) {
                throw new DataException(DataException.Kind.MISSING_FILE, "no train-images-idx3-ubyte[.gz] in the directory");
            }
            Path trainLabels = find(dir, "train", "labels");
            Path testImages = find(dir, "t10k", "images");
            if (testImages == null) testImages = find(dir, "test", "images");
            Path testLabels = find(dir, "t10k", "labels");
            if (testLabels == null) testLabels = find(dir, "test", "labels");

            FMatrix train = readPart(trainImages).asMatrix();
            FMatrix test = testImages == null ? null : readPart(testImages).asMatrix();
            if (test != null && test.cols != train.cols) {
                throw new DataException(DataException.Kind.ROW_MISMATCH, testImages.getFileName() + " has " + test.cols
                        + " values per image but " + trainImages.getFileName() + " has " + train.cols);
            }
            int n = train.rows + (test == null ? 0 : test.rows);
            FMatrix all = new FMatrix(n, train.cols);
            System.arraycopy(train.data, 0, all.data, 0, train.data.length);
            if (test != null) System.arraycopy(test.data, 0, all.data, train.data.length, test.data.length);

            int[] labels = null;
            if (trainLabels != null && (test == null || testLabels != null)) {
                double[] raw = new double[n];
                copyLabels(trainLabels, train.rows, raw, 0);
                if (test != null) copyLabels(testLabels, test.rows, raw, train.rows);
                labels = Labels.encode(raw);
            }
            String name = options.name() != null ? options.name() : DataFiles.stem(dir);
            MultiViewData data = new MultiViewData(List.of(View.dense(all)), labels, name);
            return test == null ? data : data.withPredefinedTrainRows(train.rows);
        });
    }

    private static IdxArray readPart(Path file) {
        return DataFiles.read(file, () -> readArray(file));
    }

    private static void copyLabels(Path file, int expected, double[] into, int offset) {
        DataFiles.read(file, () -> {
            IdxArray a = readArray(file);
            if (a.values.length != expected) {
                throw new DataException(DataException.Kind.LABEL_MISMATCH, "has " + a.values.length
                        + " labels but the matching image file has " + expected + " images");
            }
            for (int i = 0; i < expected; i++) into[offset + i] = a.values[i];
            return null;
        });
    }

    /** True when the directory holds a train-images IDX file. */
    static boolean hasIdxFiles(Path dir) {
        return find(dir, "train", "images") != null;
    }

    private static Path find(Path dir, String part, String kind) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                Matcher m = IDX_NAME.matcher(f.getFileName().toString().toLowerCase(Locale.ROOT));
                return m.matches() && m.group(1).equals(part) && m.group(2).equals(kind);
            }).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            throw DataFiles.failure(dir, e);
        }
    }

    /** The dimensions and values (in file order) of one IDX file. */
    public static final class IdxArray {
        public final int[] dims;
        public final float[] values;

        IdxArray(int[] dims, float[] values) {
            this.dims = dims;
            this.values = values;
        }

        /** dims[0] rows, the remaining dimensions flattened into columns. */
        public FMatrix asMatrix() {
            int cols = 1;
            for (int k = 1; k < dims.length; k++) cols *= dims[k];
            return new FMatrix(dims[0], cols, values);
        }
    }

    /** Reads one IDX file (plain or gzip). Throws DataException on a bad header or a short file. */
    public static IdxArray readArray(Path path) throws IOException {
        try (InputStream raw = DataFiles.open(path); DataInputStream in = new DataInputStream(raw)) {
            int magic;
            try {
                magic = in.readInt();
            } catch (EOFException e) {
                throw new DataException(DataException.Kind.TRUNCATED, "truncated: shorter than the 4-byte IDX magic");
            }
            int type = (magic >>> 8) & 0xff;
            int ndims = magic & 0xff;
            if ((magic >>> 16) != 0 || ndims < 1 || ndims > 8) {
                throw new DataException(DataException.Kind.UNKNOWN_FORMAT, String.format(Locale.ROOT, "bad IDX magic 0x%08x", magic));
            }
            int size = switch (type) {
                case 0x08, 0x09 -> 1;
                case 0x0B -> 2;
                case 0x0C, 0x0D -> 4;
                case 0x0E -> 8;
                default -> throw new DataException(DataException.Kind.UNKNOWN_FORMAT, String.format(Locale.ROOT, "unknown IDX data type 0x%02x", type));
            };
            int[] dims = new int[ndims];
            long count = 1;
            for (int d = 0; d < ndims; d++) {
                try {
                    dims[d] = in.readInt();
                } catch (EOFException e) {
                    throw new DataException(DataException.Kind.TRUNCATED, "truncated: file ends inside the IDX header");
                }
                if (dims[d] < 0) throw new DataException(DataException.Kind.UNKNOWN_FORMAT, "negative IDX dimension " + dims[d]);
                count *= dims[d];
            }
            if (count > Integer.MAX_VALUE - 8) throw new DataException(DataException.Kind.INVALID_ARGUMENT, "IDX array of " + count + " values is too large");
            float[] values = new float[(int) count];
            int done = 0;
            try {
                if (size == 1) {
                    byte[] chunk = new byte[1 << 16];
                    while (done < values.length) {
                        int len = Math.min(chunk.length, values.length - done);
                        in.readFully(chunk, 0, len);
                        if (type == 0x08) for (int k = 0; k < len; k++) values[done + k] = chunk[k] & 0xff;
                        else for (int k = 0; k < len; k++) values[done + k] = chunk[k];
                        done += len;
                    }
                } else {
                    for (; done < values.length; done++) {
                        values[done] = switch (type) {
                            case 0x0B -> in.readShort();
                            case 0x0C -> in.readInt();
                            case 0x0D -> in.readFloat();
                            default -> (float) in.readDouble();
                        };
                    }
                }
            } catch (EOFException e) {
                throw new DataException(DataException.Kind.TRUNCATED, "truncated: header says " + Arrays.toString(dims)
                        + " (" + count + " values) but the file ends early");
            }
            return new IdxArray(dims, values);
        }
    }
}
