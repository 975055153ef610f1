package io.newsflow.streams.topology;

import static io.newsflow.schemas.Settings.number;

import io.newsflow.streams.trend.SpikeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Tunables of the topology's stateful stages, validated at construction (messages name the key).
 *
 * @param renotifyInterval least time between two notifications of one rule for one story
 * @param groupRetention alert groups untouched this long are forgotten
 * @param dedupeRetention article ids seen this long ago are forgotten (a later copy is enriched again)
 * @param storyMaxDistance SimHash Hamming distance up to which two bodies are one story
 * @param storyRetention stories older than this are not joined any more
 * @param spike spike detection settings for {@code news.trends}
 * @param maxRecordBytes largest enriched record written; larger ones go to the DLQ
 * @param categoriesModel model file made by {@code newsflow train categories} ({@code streams.categories.model}),
 *                        or null for the bundled default model; build the model with
 *                        {@code CategoryModels.fromPath(categoriesModel)}
 */
public record TopologySettings(Duration renotifyInterval, Duration groupRetention, Duration dedupeRetention,
                               int storyMaxDistance, Duration storyRetention, SpikeSettings spike,
                               int maxRecordBytes, Path categoriesModel) {

    public TopologySettings {
        positive(renotifyInterval, "alerts.renotify.interval.ms");
        positive(groupRetention, "alerts.group.retention.ms");
        positive(dedupeRetention, "dedupe.retention.ms");
        positive(storyRetention, "stories.retention.ms");
        if (maxRecordBytes < 1024) {
            throw new IllegalArgumentException("output.max.record.bytes must be at least 1024, got " + maxRecordBytes);
        }
        if (storyMaxDistance < 0 || storyMaxDistance > 16) {
            throw new IllegalArgumentException("stories.max.distance must be between 0 and 16, got " + storyMaxDistance);
        }
    }

    /** Defaults: re-notify hourly, groups kept 7 days, ids 30 days, stories within distance 3 for 3 days. */
    public static TopologySettings defaults() {
        return from(Map.of());
    }

    /** Reads the {@code alerts.*}, {@code dedupe.*}, {@code stories.*}, {@code trends.*} and {@code streams.categories.model} keys. */
    public static TopologySettings from(Map<String, String> s) {
        return new TopologySettings(
                Duration.ofMillis(number(s, "alerts.renotify.interval.ms", Duration.ofHours(1).toMillis())),
                Duration.ofMillis(number(s, "alerts.group.retention.ms", Duration.ofDays(7).toMillis())),
                Duration.ofMillis(number(s, "dedupe.retention.ms", Duration.ofDays(30).toMillis())),
                (int) number(s, "stories.max.distance", 3),
                Duration.ofMillis(number(s, "stories.retention.ms", Duration.ofDays(3).toMillis())),
                new SpikeSettings((int) number(s, "trends.recent.windows", 24), (int) number(s, "trends.min.count", 3),
                        Double.parseDouble(s.getOrDefault("trends.spike.threshold", "3.5")), 1.0),
                (int) number(s, "output.max.record.bytes", 1_000_000),
                s.getOrDefault("streams.categories.model", "").isBlank() ? null
                        : Path.of(s.get("streams.categories.model").strip()));
    }

    /** The same settings with a smaller record limit (e.g. the output topic's {@code max.message.bytes}). */
    public TopologySettings withMaxRecordBytes(int bytes) {
        return new TopologySettings(renotifyInterval, groupRetention, dedupeRetention, storyMaxDistance, storyRetention,
                spike, bytes, categoriesModel);
    }

    private static void positive(Duration d, String key) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be positive");
        }
    }
}
