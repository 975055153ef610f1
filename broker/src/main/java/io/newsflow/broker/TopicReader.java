package io.newsflow.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from the beginning (committed records only), for integration tests and
 * checks. Stops a short settle time after the expected count arrived, so extra records would show.
 * Stateless.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * Records of {@code topic} with string keys and raw values.
     *
     * @param expected how many records to wait for (at most {@code timeout})
     * @param settle how long to keep reading once {@code expected} arrived
     */
    public static List<ConsumerRecord<String, byte[]>> read(String bootstrapServers, String topic, int expected,
                                                            Duration timeout, Duration settle) {
        return read(bootstrapServers, topic, expected, timeout, settle, java.util.Map.of());
    }

    /** As {@link #read(String, String, int, Duration, Duration)}, with extra client properties (e.g. SASL). */
    public static List<ConsumerRecord<String, byte[]>> read(String bootstrapServers, String topic, int expected,
                                                            java.util.Map<String, String> clientProperties) {
        return read(bootstrapServers, topic, expected, Duration.ofSeconds(60), Duration.ofSeconds(2), clientProperties);
    }

    private static List<ConsumerRecord<String, byte[]>> read(String bootstrapServers, String topic, int expected,
                                                             Duration timeout, Duration settle,
                                                             java.util.Map<String, String> clientProperties) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                if (out.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + settle.toNanos();
                }
            }
        }
        return out;
    }

    /** {@link #read(String, String, int, Duration, Duration)} with a 60 s timeout and a 2 s settle. */
    public static List<ConsumerRecord<String, byte[]>> read(String bootstrapServers, String topic, int expected) {
        return read(bootstrapServers, topic, expected, Duration.ofSeconds(60), Duration.ofSeconds(2));
    }
}
