package io.newsflow.producer;

import static io.newsflow.schemas.Settings.number;

import io.newsflow.producer.fetch.FetchSettings;
import io.newsflow.schemas.Settings;
import io.newsflow.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Typed configuration of the producer, read once from the merged settings and validated (messages
 * name the key at fault).
 *
 * @param bootstrapServers Kafka {@code bootstrap.servers}
 * @param topics topic names
 * @param sourcesFile the sources file, or null for the bundled sample site
 * @param fetch fetch limits
 * @param recrawlInterval pause between two crawls of all sources when running continuously
 * @param kafkaOverrides {@code kafka.*} keys without the prefix, passed to the Kafka producer
 */
public record ProducerSettings(String bootstrapServers, Topics topics, Path sourcesFile, FetchSettings fetch,
                               Duration recrawlInterval, Map<String, String> kafkaOverrides) {

    public ProducerSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap.servers must be set");
        }
        if (recrawlInterval.isNegative() || recrawlInterval.isZero()) {
            throw new IllegalArgumentException("producer.recrawl.interval.ms must be positive");
        }
        kafkaOverrides = Map.copyOf(kafkaOverrides);
    }

    /** Reads the {@code producer.*}, {@code topic.prefix}, {@code bootstrap.servers} and {@code kafka.*} keys. */
    public static ProducerSettings from(Map<String, String> s) {
        String sources = s.getOrDefault("producer.sources.file", "").trim();
        FetchSettings fetch = new FetchSettings(
                s.getOrDefault("producer.user.agent", "Newsflow/0.1 (+https://github.com/newsflow/newsflow)"),
                Duration.ofMillis(number(s, "producer.fetch.connect.timeout.ms", 5_000)),
                Duration.ofMillis(number(s, "producer.fetch.total.timeout.ms", 30_000)),
                number(s, "producer.fetch.max.bytes", 5L * 1024 * 1024));
        return new ProducerSettings(s.get("bootstrap.servers"), new Topics(s.getOrDefault("topic.prefix", "")),
                sources.isEmpty() ? null : Path.of(sources), fetch,
                Duration.ofMillis(number(s, "producer.recrawl.interval.ms", 600_000)), Settings.kafkaOverrides(s));
    }
}
