package io.newsflow.streams.rules;

import io.newsflow.schema.AlertRule;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.alert.InvalidRuleException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an {@link AlertMatcher} in step with the compacted rules topic: reads it from the beginning,
 * then follows it, so rule changes reach the running topology within about a second, no restart.
 * A rule that fails validation is logged and refused (the previous version stays live); it never
 * stops the app. Runs on its own daemon thread; {@link #close()} stops it.
 */
public final class RuleSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RuleSync.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final AlertMatcher matcher;
    private final Map<TopicPartition, Long> endAtStart;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final Thread thread;

    /** Starts following {@code topic}; use {@link #awaitLoaded(Duration)} before matching. */
    public RuleSync(String bootstrapServers, Map<String, String> kafkaOverrides, String topic, AlertMatcher matcher) {
        this.consumer = RulesTopic.openAtBeginning(bootstrapServers, kafkaOverrides, topic);
        this.matcher = matcher;
        this.endAtStart = consumer.endOffsets(consumer.assignment());
        this.thread = new Thread(this::loop, "rule-sync");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    RulesTopic.apply(r, this::change);
                }
                if (loaded.getCount() > 0 && RulesTopic.caughtUp(consumer, endAtStart)) {
                    log.info("Loaded {} alert rule(s) from the rules topic", matcher.rules().size());
                    loaded.countDown();
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            log.error("Rule sync stopped: rule changes are no longer picked up until restart", e);
        } finally {
            consumer.close();
        }
    }

    private void change(String id, AlertRule rule) {
        if (rule == null) {
            if (matcher.remove(id)) {
                log.info("Rule {} removed", id);
            }
            return;
        }
        if (!id.equals(rule.getId())) {
            log.warn("Rule record key '{}' differs from its id '{}': refused", id, rule.getId());
            return;
        }
        try {
            matcher.upsert(rule);
        } catch (InvalidRuleException e) {
            log.warn("Rule refused, previous version (if any) stays live: {}", e.getMessage());
        }
    }

    /** Waits until every rule that was on the topic at start has been applied; false on timeout. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
