package io.newsflow.streams.topology;

import io.newsflow.schema.KeywordAlert;
import io.newsflow.schemas.TopicFollower;
import io.newsflow.streams.web.AlertFeed;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code news.alerts} (committed records only, from the beginning) and hands every alert to
 * an {@link AlertFeed}, which keeps the latest ones for the page. Unreadable alerts are logged and
 * skipped.
 */
final class AlertTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertTail.class);

    private final TopicFollower follower;

    AlertTail(String bootstrapServers, Map<String, String> kafkaOverrides, String alertsTopic, AlertFeed feed,
              Serde<KeywordAlert> serde) {
        this.follower = new TopicFollower("alert-tail", bootstrapServers, kafkaOverrides, List.of(alertsTopic),
                r -> publish(r, feed, serde));
    }

    private static void publish(ConsumerRecord<String, byte[]> r, AlertFeed feed, Serde<KeywordAlert> serde) {
        if (r.value() == null) {
            return;
        }
        try {
            feed.publish(serde.deserializer().deserialize(r.topic(), r.value()));
        } catch (RuntimeException e) {
            log.warn("Unreadable alert at {}-{}@{} skipped: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
