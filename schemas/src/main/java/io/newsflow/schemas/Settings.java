package io.newsflow.schemas;

import java.util.Map;
import java.util.TreeMap;

/**
 * Helpers for reading the merged settings map (defaults file, config file, environment, flags) into
 * each module's typed config record. Messages name the key at fault. Stateless.
 */
public final class Settings {

    /** Keys with this prefix are passed, without it, to every Kafka client (security, tuning). */
    public static final String KAFKA_PREFIX = "kafka.";

    private Settings() {
    }

    /** Every {@code kafka.X} key as {@code X}. */
    public static Map<String, String> kafkaOverrides(Map<String, String> settings) {
        Map<String, String> out = new TreeMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith(KAFKA_PREFIX)) {
                out.put(k.substring(KAFKA_PREFIX.length()), v);
            }
        });
        return out;
    }

    /** The whole number under {@code key}, or {@code fallback} when it is unset or blank. */
    public static long number(Map<String, String> settings, String key, long fallback) {
        String v = settings.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
        }
    }
}
