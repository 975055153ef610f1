package io.newsflow.streams.rules;

import io.newsflow.schema.AlertRule;
import io.newsflow.schemas.AvroTrust;
import io.newsflow.streams.alert.InvalidRuleException;
import io.newsflow.streams.alert.RuleValidator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes rule changes to the compacted rules topic after validating them, so a bad rule never
 * reaches the topology. Each write waits for the broker's acknowledgement. Thread-safe.
 */
public final class RulePublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public RulePublisher(String bootstrapServers, Map<String, String> kafkaOverrides, String topic) {
        AvroTrust.register();
        Properties p = new Properties();
        p.putAll(kafkaOverrides);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-rules");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /**
     * Validates and publishes {@code rule} with its version set to one more than {@code previous}'s
     * (1 when new).
     *
     * @return the rule as published
     */
    public AlertRule publish(AlertRule rule, AlertRule previous) throws InvalidRuleException {
        AlertRule versioned = AlertRule.newBuilder(rule)
                .setVersion(previous == null ? 1 : previous.getVersion() + 1)
                .build();
        RuleValidator.validate(versioned);
        send(versioned.getId(), RulesTopic.SERDE.encode(versioned));
        return versioned;
    }

    /** Publishes a tombstone for {@code ruleId}: the rule stops matching everywhere. */
    public void remove(String ruleId) {
        send(ruleId, null);
    }

    private void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write rule '" + key + "' to " + topic + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot write rule '" + key + "' to " + topic + ": no acknowledgement in 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing rule '" + key + "'", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
