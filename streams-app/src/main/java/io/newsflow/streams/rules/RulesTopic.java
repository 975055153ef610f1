package io.newsflow.streams.rules;

import io.newsflow.schema.AlertRule;
import io.newsflow.schemas.AvroSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted {@code news.alert-rules} topic: key = rule id, value = {@code AlertRule}, a
 * tombstone deletes. Records that cannot be decoded are logged and skipped, never fatal. Stateless.
 */
public final class RulesTopic {

    private static final Logger log = LoggerFactory.getLogger(RulesTopic.class);
    static final AvroSerde<AlertRule> SERDE = AvroSerde.of(AlertRule.class);

    private RulesTopic() {
    }

    /** Consumer properties for reading the rules topic without a consumer group. */
    static Properties consumerProperties(String bootstrapServers, Map<String, String> kafkaOverrides) {
        Properties p = new Properties();
        p.putAll(kafkaOverrides);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return p;
    }

    static KafkaConsumer<String, byte[]> openAtBeginning(String bootstrapServers, Map<String, String> overrides,
                                                         String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(bootstrapServers, overrides),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("rules topic " + topic + " does not exist");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /**
     * Applies one record: {@code onUpsert} for a readable rule, {@code onRemove} (with null) for a
     * tombstone. Unreadable values are logged and skipped.
     */
    static void apply(ConsumerRecord<String, byte[]> record, BiConsumer<String, AlertRule> onChange) {
        if (record.key() == null) {
            log.warn("Rule record without key at {}-{}@{} skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        if (record.value() == null) {
            onChange.accept(record.key(), null);
            return;
        }
        try {
            onChange.accept(record.key(), SERDE.decode(record.value()));
        } catch (RuntimeException e) {
            log.warn("Unreadable rule record for '{}' at {}-{}@{} skipped: {}", record.key(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
        }
    }

    /** Every current rule (latest value per id, tombstoned ids left out), sorted by id. */
    public static Map<String, AlertRule> readAll(String bootstrapServers, Map<String, String> overrides, String topic) {
        Map<String, AlertRule> rules = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = openAtBeginning(bootstrapServers, overrides, topic)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (!caughtUp(consumer, end)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    apply(r, (id, rule) -> {
                        if (rule == null) {
                            rules.remove(id);
                        } else {
                            rules.put(id, rule);
                        }
                    });
                }
            }
        }
        return rules;
    }

    static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
