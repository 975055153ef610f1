package io.newsflow.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.broker.EmbeddedKafka.ScramUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker with SASL/SCRAM: the right user gets in, anyone else is refused. */
class ScramBrokerIT {

    static final ScramUser ALICE = new ScramUser("alice", "alice-secret-1");
    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.startWithScram(dir, 0, ALICE);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void authenticatedClientProducesAndReadsBack() throws Exception {
        Properties p = new Properties();
        p.putAll(ALICE.clientProperties());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("secured", "k", "hello")).get(30, TimeUnit.SECONDS);
        }
        Map<String, String> consumer = new HashMap<>(ALICE.clientProperties());
        assertThat(TopicReader.read(kafka.bootstrapServers(), "secured", 1, consumer))
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly("hello");
    }

    @Test
    void wrongPasswordIsRefused() {
        ScramUser mallory = new ScramUser("alice", "guess");
        Properties p = new Properties();
        p.putAll(mallory.clientProperties());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "9000");
        try (Admin admin = Admin.create(p)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void unauthenticatedClientIsRefused() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");
        try (Admin admin = Admin.create(p)) {
            // The broker drops a connection that does not start with a SASL handshake: no answer ever comes.
            assertThatThrownBy(() -> admin.listTopics().names().get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }
}
