package io.newsflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.broker.TopicReader;
import io.newsflow.schema.Article;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.TopicSetup;
import io.newsflow.schemas.Topics;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker is stopped and started again on the same data folder while the streams app and an
 * idempotent producer run: both recover on their own, and the enriched topic ends with every input
 * article exactly once.
 */
class BrokerRestartIT {

    static final int BATCH = 40;

    @TempDir
    Path dir;

    @Test
    void streamsAppAndProducerRecoverFromABrokerRestartWithNothingMissingOrDoubled() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Topics topics = Topics.DEFAULT;
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), port, Map.of());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicSetup.ensure(admin, topics, 2, (short) 1);
        }
        String bootstrap = kafka.bootstrapServers();
        StreamsAppConfig config = new StreamsAppConfig(bootstrap, "restart-app", topics, dir.resolve("state"), 1, null,
                Map.of(), TopologySettings.defaults(), null);
        AvroSerde<Article> articles = AvroSerde.of(Article.class);
        Set<String> sent = new TreeSet<>();
        try (StreamsApp app = StreamsApp.start(config, Duration.ofSeconds(60));
             KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            send(producer, topics, articles, 0, sent);
            TopicReader.read(bootstrap, topics.articlesEnriched(), BATCH, Duration.ofSeconds(60), Duration.ZERO);

            kafka.close();
            kafka = EmbeddedKafka.start(dir.resolve("kafka"), port, Map.of());

            send(producer, topics, articles, 1, sent);
            List<ConsumerRecord<String, byte[]>> enriched = TopicReader.read(bootstrap, topics.articlesEnriched(),
                    2 * BATCH, Duration.ofSeconds(180), Duration.ofSeconds(3));
            Set<String> ids = new TreeSet<>();
            enriched.forEach(r -> ids.add(r.key()));
            System.out.printf("broker restart: sent %d, enriched %d records, %d distinct, missing %d%n", sent.size(),
                    enriched.size(), ids.size(), sent.size() - ids.size());
            assertThat(enriched).hasSize(sent.size());
            assertThat(ids).isEqualTo(sent);
        } finally {
            kafka.close();
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, Topics topics, AvroSerde<Article> serde, int batch,
                             Set<String> sent) throws Exception {
        for (int i = 0; i < BATCH; i++) {
            String id = "b" + batch + "-" + i;
            Article a = NewsTopologyTest.article(id, "Harbour report " + id, NewsTopologyTest.LONG_FLOOD + " Report " + id + ".");
            producer.send(new ProducerRecord<>(topics.articlesRaw(), id, serde.encode(a)));
            sent.add(id);
        }
        producer.flush();
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
