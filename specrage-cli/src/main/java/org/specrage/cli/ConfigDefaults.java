package org.specrage.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.specrage.data.DataException;
import org.specrage.io.Json;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option values from a config file given with {@code --config FILE}: a JSON object or a
 * .properties file whose keys are long option names without the dashes ({@code "neighbors": 15},
 * {@code epochs=30}). Flags on the command line override the file. Unknown keys are an error, so
 * that a typo does not silently fall back to a default. The file is part of the command line: a
 * malformed file or a bad value in it is a usage error (exit 2) that names the file.
 */
final class ConfigDefaults implements IDefaultValueProvider {
    private final Path file;
    private final Map<String, String> values;

    private ConfigDefaults(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /** The --config file named in args, or null. */
    static Path configPath(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) return Path.of(args[i + 1]);
            if (args[i].startsWith("--config=")) return Path.of(args[i].substring("--config=".length()));
        }
        return null;
    }

    /**
     * Reads the file.
     *
     * @throws DataException            when the file is missing or cannot be read
     * @throws IllegalArgumentException when it is not a valid config (the message names the file and, for JSON, the error's position)
     */
    static ConfigDefaults read(Path file) {
        // as a --data or --method-options path that is no readable file: a missing file (3), not an unknown format
        if (Files.isDirectory(file)) throw new DataException(DataException.Kind.MISSING_FILE, file + ": config file is a directory");
        if (Files.exists(file) && !Files.isReadable(file)) {
            throw new DataException(DataException.Kind.MISSING_FILE, file + ": config file is not readable");
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Map<String, String> values = new LinkedHashMap<>();
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".properties")) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                for (String key : p.stringPropertyNames()) values.put(key.trim(), p.getProperty(key).trim());
            } else {
                Object parsed = Json.parse(text);
                if (!(parsed instanceof Map<?, ?> map)) throw new IllegalArgumentException("a config file must hold a JSON object");
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String key = String.valueOf(e.getKey());
                    values.put(key, e.getValue() instanceof Map<?, ?> object ? inlineObject(file, key, object) : textOf(e.getValue()));
                }
            }
            return new ConfigDefaults(file, values);
        } catch (NoSuchFileException e) {
            throw new DataException(DataException.Kind.MISSING_FILE, file + ": config file not found");
        } catch (IOException e) {
            throw new DataException(DataException.Kind.UNKNOWN_FORMAT, file + ": cannot read config file: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * "method-options" may be given inline as a JSON object: it is written to a temporary file whose
     * path becomes the option's value. Any other option takes a plain value.
     */
    private static String inlineObject(Path file, String key, Map<?, ?> object) throws IOException {
        if (!key.equals("method-options")) throw new IllegalArgumentException("'" + key + "' takes a value, not a JSON object");
        Path tmp = Files.createTempFile("specrage-method-options", ".json");
        tmp.toFile().deleteOnExit();
        Files.writeString(tmp, Json.write(object), StandardCharsets.UTF_8);
        return tmp.toString();
    }

    private static String textOf(Object value) {
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) parts.add(textOf(o));
            return String.join(",", parts);
        }
        // a whole number written 2.0 must still fit an integer option
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return String.valueOf(d.longValue());
        return String.valueOf(value);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        String key = keyOf(arg);
        return key == null ? null : values.get(key);
    }

    /** The config key that sets this option (its long name without dashes), or null when the file does not set it. */
    String keyOf(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) return null;
        String key = option.longestName().replaceFirst("^-+", "");
        return values.containsKey(key) ? key : null;
    }

    /**
     * The config key that gave this option its value, or null: the file must set the option and the
     * command line must not name it (a flag overrides the file, and its value is the command line's).
     */
    String keyGiving(ArgSpec arg, String[] args) {
        String key = keyOf(arg);
        if (key == null) return null;
        for (String given : args) {
            for (String name : ((OptionSpec) arg).names()) {
                if (given.equals(name) || given.startsWith(name + "=")) return null;
            }
        }
        return key;
    }

    /** Fails on keys that are not options of the command being run. */
    void checkKeys(CommandSpec command) {
        for (String key : values.keySet()) {
            if (key.equals("config") || command.findOption("--" + key) == null) {
                throw new IllegalArgumentException(file + ": '" + key + "' is not an option of '" + command.qualifiedName() + "'");
            }
        }
    }
}
