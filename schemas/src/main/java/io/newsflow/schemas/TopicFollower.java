package io.newsflow.schemas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows topics from the beginning (committed records only, no consumer group) on a daemon thread
 * and hands every record to a callback, in partition order. Used wherever a process keeps a local
 * view of a topic: the rules a streams app matches, the alerts its page shows, the console output
 * of {@code newsflow run}. {@link #close()} stops the thread.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<ConsumerRecord<String, byte[]>> onRecord;
    private final Thread thread;
    /** Number of the poll in progress, and of the last poll that found every partition caught up. */
    private volatile long polls;
    private volatile long caughtUpAtPoll;

    /**
     * Assigns every partition of {@code topics}, seeks to their beginning and starts following.
     *
     * @param name thread name, for logs and thread dumps
     * @param kafkaOverrides client properties (security, tuning) applied before the follower's own
     * @param onRecord called on the follower's thread for each record, tombstones included; an
     *     exception it throws stops the follower (and is logged)
     * @throws IllegalStateException when a topic does not exist
     */
    public TopicFollower(String name, String bootstrapServers, Map<String, String> kafkaOverrides, List<String> topics,
                         Consumer<ConsumerRecord<String, byte[]>> onRecord) {
        Properties p = new Properties();
        p.putAll(kafkaOverrides);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                consumer.close();
                throw new IllegalStateException("topic " + topic + " does not exist at " + bootstrapServers);
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.onRecord = onRecord;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long poll = ++polls;
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                records.forEach(onRecord);
                if (records.isEmpty() && noLag()) {
                    caughtUpAtPoll = poll;
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            log.error("Follower {} stopped: the topic is no longer followed until restart", thread.getName(), e);
        } finally {
            consumer.close();
        }
    }

    private boolean noLag() {
        for (TopicPartition tp : consumer.assignment()) {
            var lag = consumer.currentLag(tp);
            if (lag.isEmpty() || lag.getAsLong() > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until every record committed when this is called has been handed to the callback.
     *
     * @return false on timeout
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long asked = polls; // a poll that starts after this one saw everything committed by now
        long deadline = System.nanoTime() + timeout.toNanos();
        while (caughtUpAtPoll <= asked) {
            if (System.nanoTime() > deadline || !thread.isAlive()) {
                return false;
            }
            Thread.sleep(25);
        }
        return true;
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
