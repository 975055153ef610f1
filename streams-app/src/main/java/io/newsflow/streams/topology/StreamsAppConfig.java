package io.newsflow.streams.topology;

import io.newsflow.schemas.Settings;
import io.newsflow.schemas.Topics;
import io.newsflow.streams.web.WebConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Typed configuration of the streams app, validated once at construction (messages name the key).
 *
 * @param bootstrapServers Kafka {@code bootstrap.servers}
 * @param applicationId Kafka Streams {@code application.id} (consumer group and internal topic prefix)
 * @param topics topic names
 * @param stateDir folder for local state stores ({@code data.dir}/streams)
 * @param numThreads stream threads in this instance
 * @param rulesFile YAML file of alert rules, or null for the bundled sample rules
 * @param kafkaOverrides extra client properties ({@code kafka.*} keys without the prefix), e.g. security settings
 * @param topology tunables of the stateful stages
 * @param web where the alerts page listens, or null when it is off
 */
public record StreamsAppConfig(
        String bootstrapServers,
        String applicationId,
        Topics topics,
        Path stateDir,
        int numThreads,
        Path rulesFile,
        Map<String, String> kafkaOverrides,
        TopologySettings topology,
        WebConfig web) {

    public StreamsAppConfig {
        requireText(bootstrapServers, "bootstrap.servers");
        requireText(applicationId, "streams.application.id");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(stateDir, "streams.state.dir");
        if (numThreads < 1 || numThreads > 64) {
            throw new IllegalArgumentException("streams.num.threads must be between 1 and 64, got " + numThreads);
        }
        kafkaOverrides = Map.copyOf(kafkaOverrides);
        Objects.requireNonNull(topology, "topology");
    }

    /** Reads the {@code streams.*}, {@code topic.prefix}, {@code bootstrap.servers} and {@code kafka.*} keys. */
    public static StreamsAppConfig from(Map<String, String> settings) {
        String rules = settings.getOrDefault("streams.rules.file", "").trim();
        return new StreamsAppConfig(
                settings.get("bootstrap.servers"),
                settings.getOrDefault("streams.application.id", "newsflow-streams"),
                new Topics(settings.getOrDefault("topic.prefix", "")),
                Path.of(settings.getOrDefault("data.dir", ".newsflow")).resolve("streams"),
                (int) Settings.number(settings, "streams.num.threads", 1),
                rules.isEmpty() ? null : Path.of(rules),
                Settings.kafkaOverrides(settings),
                TopologySettings.from(settings),
                Boolean.parseBoolean(settings.getOrDefault("web.enabled", "true"))
                        ? new WebConfig(settings.getOrDefault("web.host", "127.0.0.1"),
                                (int) Settings.number(settings, "web.port", 8088),
                                blankToNull(settings.get("web.token")))
                        : null);
    }

    /** Producer batch size unless the user sets {@code batch.size} (see {@link #toStreamsProperties()}). */
    static final int DEFAULT_BATCH_BYTES = 256 * 1024;

    /**
     * Kafka Streams properties: exactly-once v2; unreadable records, failing enrichments and records
     * that cannot be written go to the DLQ.
     */
    public Properties toStreamsProperties() {
        Properties p = new Properties();
        p.putAll(kafkaOverrides);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, numThreads);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterCounters.Deserialization.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterCounters.Processing.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, "-1");
        // Enriched articles are ~6 KB: the producer's default 16 KB batches would hold two, and each
        // batch is a request for the broker to handle. Larger batches, unless the user set a size.
        if (!p.containsKey(ProducerConfig.BATCH_SIZE_CONFIG)
                && !p.containsKey(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG))) {
            p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), String.valueOf(DEFAULT_BATCH_BYTES));
        }
        return p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must be set");
        }
    }
}
