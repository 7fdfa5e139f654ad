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

            // headers first, so train and test images are read straight into one array
            Header train = DataFiles.read(trainImages, () -> header(trainImages));
            Path testFile = testImages;
            Header test = testFile == null ? null : DataFiles.read(testFile, () -> header(testFile));
            int cols = train.rowLength();
            if (test != null && test.rowLength() != cols) {
                throw new DataException(DataException.Kind.ROW_MISMATCH, testFile.getFileName() + " has " + test.rowLength()
                        + " values per image but " + trainImages.getFileName() + " has " + cols);
            }
            int trainRows = train.dims()[0];
            int testRows = test == null ? 0 : test.dims()[0];
            int n = trainRows + testRows;
            if ((long) n * cols > Integer.MAX_VALUE - 8) {
                throw new DataException(DataException.Kind.INVALID_ARGUMENT, "too large for one dense matrix: " + n + " x " + cols);
            }
            FMatrix all = new FMatrix(n, cols);
            DataFiles.read(trainImages, () -> {
                readValues(trainImages, all.data, 0);
                return null;
            });
            if (test != null) {
                DataFiles.read(testFile, () -> {
                    readValues(testFile, all.data, train.count());
                    return null;
                });
            }

            int[] labels = null;
            if (trainLabels != null && (test == null || testLabels != null)) {
                double[] raw = new double[n];
                copyLabels(trainLabels, trainRows, raw, 0);
                if (test != null) copyLabels(testLabels, testRows, raw, trainRows);
                labels = Labels.encode(raw);
            }
            String name = options.name() != null ? options.name() : DataFiles.stem(dir);
            MultiViewData data = new MultiViewData(List.of(View.dense(all)), labels, name);
            return test == null ? data : data.withPredefinedTrainRows(trainRows);
        });
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

    /** Whether the directory holds test images only (t10k-images-idx3-ubyte and friends, no training images). */
    static boolean hasTestFilesOnly(Path dir) {
        return find(dir, "train", "images") == null && (find(dir, "t10k", "images") != null || find(dir, "test", "images") != null);
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
        Header h = header(path);
        float[] values = new float[h.count()];
        readValues(path, values, 0);
        return new IdxArray(h.dims(), values);
    }

    /** The data type code, the dimensions and the number of values of an IDX file. */
    private record Header(int type, int[] dims, int count) {
        int rowLength() {
            int c = 1;
            for (int k = 1; k < dims.length; k++) c *= dims[k];
            return c;
        }
    }

    private static Header header(Path path) throws IOException {
        try (InputStream raw = DataFiles.open(path); DataInputStream in = new DataInputStream(raw)) {
            return readHeader(in);
        }
    }

    private static Header readHeader(DataInputStream in) throws IOException {
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
        if (type != 0x08 && type != 0x09 && type != 0x0B && type != 0x0C && type != 0x0D && type != 0x0E) {
            throw new DataException(DataException.Kind.UNKNOWN_FORMAT, String.format(Locale.ROOT, "unknown IDX data type 0x%02x", type));
        }
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
        return new Header(type, dims, (int) count);
    }

    /** Reads the file's values into dest starting at offset (so train and test land in one array). */
    private static void readValues(Path path, float[] dest, int offset) throws IOException {
        try (InputStream raw = DataFiles.open(path); DataInputStream in = new DataInputStream(raw)) {
            Header h = readHeader(in);
            int type = h.type();
            int end = offset + h.count();
            int done = offset;
            try {
                if (type == 0x08 || type == 0x09) {
                    byte[] chunk = new byte[1 << 16];
                    while (done < end) {
                        int want = Math.min(chunk.length, end - done);
                        int len = in.readNBytes(chunk, 0, want); // fewer at the end of the file, counted before failing
                        if (type == 0x08) for (int k = 0; k < len; k++) dest[done + k] = chunk[k] & 0xff;
                        else for (int k = 0; k < len; k++) dest[done + k] = chunk[k];
                        done += len;
                        if (len < want) throw new EOFException();
                    }
                } else {
                    for (; done < end; done++) {
                        dest[done] = switch (type) {
                            case 0x0B -> in.readShort();
                            case 0x0C -> in.readInt();
                            case 0x0D -> in.readFloat();
                            default -> (float) in.readDouble();
                        };
                    }
                }
            } catch (EOFException e) {
                throw new DataException(DataException.Kind.TRUNCATED, "truncated: header says " + Arrays.toString(h.dims())
                        + " (" + h.count() + " values) but the file ends after " + (done - offset) + " values");
            }
        }
    }
}
