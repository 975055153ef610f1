package io.newsflow.streams.topology;

import io.newsflow.schema.KeywordAlert;
import io.newsflow.streams.web.AlertFeed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code news.alerts} (committed records only, from the beginning) on a daemon thread and
 * hands every alert to an {@link AlertFeed}, which keeps the latest ones for the page.
 */
final class AlertTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertTail.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final AlertFeed feed;
    private final Serde<KeywordAlert> serde;
    private final Thread thread;

    AlertTail(String bootstrapServers, Map<String, String> kafkaOverrides, String alertsTopic, AlertFeed feed,
              Serde<KeywordAlert> serde) {
        this.serde = serde;
        Properties p = new Properties();
        p.putAll(kafkaOverrides);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(alertsTopic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(alertsTopic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.feed = feed;
        this.thread = new Thread(this::loop, "alert-tail");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.value() == null) {
                        continue;
                    }
                    try {
                        feed.publish(serde.deserializer().deserialize(r.topic(), r.value()));
                    } catch (RuntimeException e) {
                        log.warn("Unreadable alert at {}-{}@{} skipped: {}", r.topic(), r.partition(), r.offset(),
                                e.getMessage());
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
