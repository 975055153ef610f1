package io.newsflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges the settings in order of precedence: the bundled {@code newsflow-defaults.properties} (the
 * configuration reference), a {@code --config} file, {@code NEWSFLOW_*} environment variables, then
 * command-line flags. Unknown keys are refused with the key and where it came from; {@code kafka.*}
 * keys pass through to the Kafka clients. Stateless.
 */
public final class SettingsLoader {

    static final String DEFAULTS = "/newsflow-defaults.properties";
    private static final String ENV_PREFIX = "NEWSFLOW_";

    private SettingsLoader() {
    }

    /** The keys the defaults file declares, sorted. */
    public static Set<String> knownKeys() {
        return new TreeSet<>(defaults().keySet());
    }

    /**
     * Merged settings.
     *
     * @param configFile a properties file, or null
     * @param environment the process environment (only {@code NEWSFLOW_*} variables are read)
     * @param flags values given on the command line
     * @throws IllegalArgumentException for an unknown key or an unreadable file
     */
    public static Map<String, String> load(Path configFile, Map<String, String> environment, Map<String, String> flags) {
        Map<String, String> merged = defaults();
        Set<String> known = Set.copyOf(merged.keySet());
        if (configFile != null) {
            Properties file = new Properties();
            try (Reader in = Files.newBufferedReader(configFile)) {
                file.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + configFile + ": " + e.getMessage());
            }
            file.stringPropertyNames().forEach(k -> put(merged, known, k, file.getProperty(k), "config file " + configFile));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX)) {
                String key = keyForEnv(name, known);
                if (key != null) {
                    put(merged, known, key, value, "environment variable " + name);
                }
            }
        });
        flags.forEach((k, v) -> put(merged, known, k, v, "command line"));
        return merged;
    }

    /** The setting a {@code NEWSFLOW_*} variable names, or null for variables that are not settings. */
    static String keyForEnv(String name, Set<String> known) {
        String wanted = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
        for (String key : known) {
            if (key.replace('.', '_').replace('-', '_').equals(wanted)) {
                return key;
            }
        }
        if (wanted.startsWith("kafka_")) {
            return "kafka." + wanted.substring("kafka_".length()).replace('_', '.');
        }
        return null; // e.g. NEWSFLOW_LOG_LEVEL, read by the logging config
    }

    private static void put(Map<String, String> merged, Set<String> known, String key, String value, String origin) {
        if (!known.contains(key) && !key.startsWith("kafka.")) {
            throw new IllegalArgumentException("unknown setting '" + key + "' (from " + origin
                    + "); see newsflow-defaults.properties for the keys");
        }
        merged.put(key, value == null ? "" : value.trim());
    }

    private static Map<String, String> defaults() {
        Properties p = new Properties();
        try (InputStream in = SettingsLoader.class.getResourceAsStream(DEFAULTS)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + DEFAULTS, e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).trim()));
        return out;
    }
}
