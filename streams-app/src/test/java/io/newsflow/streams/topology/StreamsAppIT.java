package io.newsflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.broker.TopicReader;
import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.TopicSetup;
import io.newsflow.schemas.Topics;
import io.newsflow.streams.rules.RulePublisher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streams app on a real (embedded) broker with exactly-once processing. */
class StreamsAppIT {

    @TempDir
    Path stateDir;

    @Test
    void unreadableRecordLandsInTheDeadLetterTopicWithItsCauseAndTheAppKeepsRunning() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Topics topics = new Topics("streams-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicSetup.ensure(admin, topics, 2, (short) 1);
        }
        StreamsAppConfig config = new StreamsAppConfig(kafka.bootstrapServers(), topics.prefix() + "app", topics,
                stateDir, 1, null, Map.of(), TopologySettings.defaults(), null);
        Article good = NewsTopologyTest.article("a1", "River flood destroys homes", NewsTopologyTest.FLOOD_BODY);

        try (StreamsApp app = StreamsApp.start(config, Duration.ofSeconds(60));
             KafkaProducer<String, byte[]> producer = producer(kafka)) {
            producer.send(new ProducerRecord<>(topics.articlesRaw(), "bad", "not avro".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(topics.articlesRaw(), "gone", null));
            producer.send(new ProducerRecord<>(topics.articlesRaw(), "a1", AvroSerde.of(Article.class).encode(good)));
            producer.send(new ProducerRecord<>(topics.articlesRaw(), "a1", AvroSerde.of(Article.class).encode(good)));
            producer.flush();

            List<ConsumerRecord<String, byte[]>> dead = TopicReader.read(kafka.bootstrapServers(), topics.deadLetters(), 1);
            List<ConsumerRecord<String, byte[]>> enriched = TopicReader.read(kafka.bootstrapServers(), topics.articlesEnriched(), 1);
            List<ConsumerRecord<String, byte[]>> alerts = TopicReader.read(kafka.bootstrapServers(), topics.alerts(), 1);

            assertThat(dead).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("bad");
                assertThat(new String(r.headers().lastHeader("__streams.errors.exception").value(), StandardCharsets.UTF_8))
                        .contains("SerializationException");
            });
            assertThat(enriched).singleElement().satisfies(r ->
                    assertThat(AvroSerde.of(EnrichedArticle.class).decode(r.value()).getArticle().getId()).isEqualTo("a1"));
            assertThat(alerts).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo("severe-weather"));
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void ruleChangesReachTheRunningAppWithoutRestartAndABadRuleOnTheTopicDoesNotStopIt() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Topics topics = new Topics("rules-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicSetup.ensure(admin, topics, 2, (short) 1);
        }
        StreamsAppConfig config = new StreamsAppConfig(kafka.bootstrapServers(), topics.prefix() + "app", topics,
                stateDir, 1, null, Map.of(), TopologySettings.defaults(), null);
        AvroSerde<Article> articles = AvroSerde.of(Article.class);

        try (StreamsApp app = StreamsApp.start(config, Duration.ofSeconds(60));
             RulePublisher rules = new RulePublisher(kafka.bootstrapServers(), Map.of(), topics.alertRules());
             KafkaProducer<String, byte[]> producer = producer(kafka)) {
            // Written straight to the topic, past validation: must be refused by the app, not crash it.
            AlertRule bad = AlertRule.newBuilder().setId("bad").setName("bad").setQuery("title:(unclosed").build();
            producer.send(new ProducerRecord<>(topics.alertRules(), "bad", AvroSerde.of(AlertRule.class).encode(bad))).get();
            rules.publish(AlertRule.newBuilder().setId("festival").setName("Festival").setQuery("festival AND lantern*")
                    .build(), null);
            Thread.sleep(3000); // "within seconds": the rule sync polls twice a second

            Article festival = NewsTopologyTest.article("f1", "Lantern festival draws crowds", "Thousands came to the "
                    + "lantern festival on the waterfront on Saturday night, where musicians played until midnight and "
                    + "stalls sold food from every corner of the region.");
            producer.send(new ProducerRecord<>(topics.articlesRaw(), "f1", articles.encode(festival))).get();

            List<ConsumerRecord<String, byte[]>> alerts = TopicReader.read(kafka.bootstrapServers(), topics.alerts(), 1);
            assertThat(alerts).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo("festival"));
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void aRecordTooLargeForItsOutputTopicGoesToTheDeadLetterTopicInsteadOfCrashLooping() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Topics topics = new Topics("large-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topics.articlesEnriched(), 1, (short) 1)
                    .configs(Map.of("max.message.bytes", "30000")))).all().get();
            TopicSetup.ensure(admin, topics, 1, (short) 1);
        }
        StreamsAppConfig config = new StreamsAppConfig(kafka.bootstrapServers(), topics.prefix() + "app", topics,
                stateDir, 1, null, Map.of(), TopologySettings.defaults(), null);
        AvroSerde<Article> articles = AvroSerde.of(Article.class);
        Article huge = NewsTopologyTest.article("huge", "A very long report", "Word after word of a very long report. ".repeat(1500));
        Article small = NewsTopologyTest.article("small", "River flood destroys homes", NewsTopologyTest.FLOOD_BODY);

        try (StreamsApp app = StreamsApp.start(config, Duration.ofSeconds(60));
             KafkaProducer<String, byte[]> producer = producer(kafka)) {
            producer.send(new ProducerRecord<>(topics.articlesRaw(), "huge", articles.encode(huge))).get();
            producer.send(new ProducerRecord<>(topics.articlesRaw(), "small", articles.encode(small))).get();

            List<ConsumerRecord<String, byte[]>> enriched = TopicReader.read(kafka.bootstrapServers(),
                    topics.articlesEnriched(), 1);
            List<ConsumerRecord<String, byte[]>> dead = TopicReader.read(kafka.bootstrapServers(), topics.deadLetters(), 1);

            assertThat(enriched).extracting(ConsumerRecord::key).containsExactly("small");
            assertThat(dead).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("huge");
                assertThat(new String(r.headers().lastHeader("__streams.errors.exception").value(), StandardCharsets.UTF_8))
                        .contains("RecordTooLarge");
            });
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    static KafkaProducer<String, byte[]> producer(EmbeddedKafka kafka) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
