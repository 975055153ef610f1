package io.newsflow.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    @TempDir
    Path dir;

    @Test
    void keepsRecordsAcrossARestartOnTheSameDataFolder() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir)) {
            try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                producer.send(new ProducerRecord<>("restart-test", "k", "before restart")).get();
            }
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir)) {
            assertThat(TopicReader.read(kafka.bootstrapServers(), "restart-test", 1))
                    .extracting(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))
                    .containsExactly("before restart");
        }
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
