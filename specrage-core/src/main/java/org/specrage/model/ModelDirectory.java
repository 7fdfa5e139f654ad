package org.specrage.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import org.specrage.io.Json;
import org.specrage.io.JsonException;
import org.specrage.linalg.FMatrix;
import org.specrage.nn.ParameterFile;

/**
 * A model on disk: a directory holding {@code manifest.json} and one weight file
 * ({@link ParameterFile} format) that the manifest names, with its size and SHA-256 digest.
 *
 * <p>Writing is atomic: the new weight file gets a fresh name and is written completely first; the
 * manifest is then written to a temporary file and renamed over the old one (an atomic rename), and
 * only then are the old weight files removed. A crash at any moment leaves a directory whose
 * manifest names complete weights: the previous model, or the new one.
 *
 * <p>Manifest keys written here: {@code format} ("specrage-model"), {@code format_version} and
 * {@code weights} ({@code file}, {@code bytes}, {@code sha256}); the caller adds the rest. Manifests of
 * earlier builds carry {@code crc32} instead, which is still checked but catches little: the weight
 * file ends with its own CRC, so the CRC-32 of the whole file is the same constant for every file.
 */
public final class ModelDirectory {
    public static final String FORMAT = "specrage-model";
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    private static final String WEIGHTS_PREFIX = "weights-";
    private static final String WEIGHTS_SUFFIX = ".sprp";

    /** A model read back: its manifest and its named weight matrices. */
    public record Stored(Manifest manifest, Map<String, FMatrix> weights) {
    }

    private ModelDirectory() {
    }

    /** The version of the library writing models ("dev" when not run from a packaged jar). */
    public static String libraryVersion() {
        String v = ModelDirectory.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    /**
     * Writes (or atomically replaces) the model in dir. The manifest map gets the format and weights
     * entries put first; it must otherwise hold only values {@link Json} can write.
     */
    public static void write(Path dir, Map<String, Object> manifest, Map<String, FMatrix> weights) throws IOException {
        prepareDirectory(dir);
        byte[] weightBytes = ParameterFile.toBytes(weights);
        String weightName = WEIGHTS_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + WEIGHTS_SUFFIX;
        writeDurably(dir.resolve("." + weightName + ".tmp"), dir.resolve(weightName), weightBytes);

        Map<String, Object> full = Manifest.newObject();
        full.put("format", FORMAT);
        full.put("format_version", FORMAT_VERSION);
        Map<String, Object> weightEntry = Manifest.newObject();
        weightEntry.put("file", weightName);
        weightEntry.put("bytes", weightBytes.length);
        weightEntry.put("sha256", sha256(weightBytes));
        full.put("weights", weightEntry);
        for (Map.Entry<String, Object> e : manifest.entrySet()) {
            if (!full.containsKey(e.getKey())) full.put(e.getKey(), e.getValue());
        }
        byte[] manifestBytes = (Json.write(full, true) + "\n").getBytes(StandardCharsets.UTF_8);
        writeDurably(dir.resolve("." + MANIFEST + ".tmp"), dir.resolve(MANIFEST), manifestBytes);
        syncDirectory(dir);
        removeStaleWeights(dir, weightName);
    }

    /** Reads and checks a model directory; every problem is reported with the file and what is wrong. */
    public static Stored read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "model directory does not exist or is not a directory");
        }
        Path manifestPath = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestPath)) {
            throw new NoSuchFileException(manifestPath.toString(), null, "not a specrage model directory: " + MANIFEST + " is missing");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(manifestPath))).toString();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(manifestPath + " is corrupted: it is not UTF-8 text");
        }
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (JsonException e) {
            throw new ModelFormatException(manifestPath + " is corrupted or truncated: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) throw new ModelFormatException(manifestPath + " is not a JSON object");
        @SuppressWarnings("unchecked")
        Manifest manifest = new Manifest((Map<String, Object>) map, manifestPath.toString());
        if (!manifest.has("format") || !FORMAT.equals(manifest.values().get("format"))) {
            throw new ModelFormatException(manifestPath + " is not a specrage model manifest (its \"format\" is not \"" + FORMAT + "\")");
        }
        long version = manifest.integer("format_version");
        if (version != FORMAT_VERSION) {
            throw new ModelFormatException(manifestPath + ": unsupported model format version " + version
                    + " (this build of specrage reads version " + FORMAT_VERSION + ")");
        }
        Manifest weightEntry = manifest.object("weights");
        String name = weightEntry.string("file");
        if (!name.startsWith(WEIGHTS_PREFIX) || !name.endsWith(WEIGHTS_SUFFIX) || name.contains("/") || name.contains("\\")) {
            throw new ModelFormatException(manifestPath + ": bad weight file name \"" + name + "\"");
        }
        Path weightPath = dir.resolve(name);
        if (!Files.isRegularFile(weightPath)) throw new ModelFormatException(weightPath + " is missing (the model directory is incomplete)");
        byte[] bytes = Files.readAllBytes(weightPath);
        long expected = weightEntry.integer("bytes");
        if (bytes.length != expected) {
            throw new ModelFormatException(weightPath + " is " + (bytes.length < expected ? "truncated" : "corrupted") + ": "
                    + bytes.length + " bytes, the manifest says " + expected);
        }
        if (weightEntry.has("sha256")) {
            if (!sha256(bytes).equals(weightEntry.string("sha256"))) {
                throw new ModelFormatException(weightPath + " is corrupted or belongs to another model: its SHA-256 does not match the manifest");
            }
        } else if (crc(bytes) != weightEntry.integer("crc32")) {
            throw new ModelFormatException(weightPath + " is corrupted: its CRC-32 does not match the manifest");
        }
        try {
            return new Stored(manifest, ParameterFile.fromBytes(bytes));
        } catch (IOException e) {
            throw new ModelFormatException(weightPath + ": " + e.getMessage(), e);
        }
    }

    private static void prepareDirectory(Path dir) throws IOException {
        requireWritable(dir);
        Files.createDirectories(dir);
    }

    /**
     * Fails when dir cannot take a model: an existing file, or a non-empty directory that is not a
     * specrage model directory (only what a fit writes is allowed in it: weights, the report, the
     * metrics log, hidden files). Called before training too, so a bad --out does not waste a fit.
     */
    public static void requireWritable(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IOException(dir + " exists and is not a directory");
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MANIFEST))) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) {
                    String f = p.getFileName().toString();
                    boolean ours = f.startsWith(WEIGHTS_PREFIX) || f.startsWith(".") || f.equals("report.json") || f.equals("metrics.jsonl");
                    if (!ours) throw new IOException(dir + " exists, is not empty and is not a specrage model directory; refusing to write into it");
                }
            }
        }
    }

    private static void writeDurably(Path tmp, Path target, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory; the renames are still atomic
        }
    }

    private static void removeStaleWeights(Path dir, String keep) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String f = p.getFileName().toString();
                boolean staleWeights = f.startsWith(WEIGHTS_PREFIX) && f.endsWith(WEIGHTS_SUFFIX) && !f.equals(keep);
                boolean staleTemp = f.startsWith("." + WEIGHTS_PREFIX) && f.endsWith(".tmp");
                if (staleWeights || staleTemp) Files.deleteIfExists(p);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
