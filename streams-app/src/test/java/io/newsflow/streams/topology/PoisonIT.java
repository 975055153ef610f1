package io.newsflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.broker.TopicReader;
import io.newsflow.schema.Article;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.TopicSetup;
import io.newsflow.schemas.Topics;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.enrich.ArticleEnricher;
import io.newsflow.streams.enrich.Enricher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison input on a real broker: records that are not Avro, Avro records of an unknown schema,
 * articles whose enriched record is too large for the output topic, tombstones and an article an
 * enricher throws on are all accounted for (DLQ with cause, or skipped by rule) while every good
 * article is enriched and the app keeps running.
 */
class PoisonIT {

    static final int N = 5;

    @TempDir
    Path stateDir;

    @Test
    void everyPoisonRecordIsDeadLetteredOrSkippedAndEveryGoodArticleEnriched() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Topics topics = new Topics("poison-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicSetup.ensure(admin, topics, 2, (short) 1);
        }
        // Enriched records over 64 KiB do not fit the output topic (in production: its max.message.bytes).
        TopologySettings settings = TopologySettings.defaults().withMaxRecordBytes(64 * 1024);
        StreamsAppConfig config = new StreamsAppConfig(kafka.bootstrapServers(), topics.prefix() + "app", topics,
                stateDir, 1, null, Map.of(), settings, null);
        ArticleEnricher real = ArticleEnricher.createDefault();
        // An enricher bug that only bites on one article.
        Enricher throwsOnBad = (article, now) -> {
            if (article.getId().equals("enricher-bug")) {
                throw new IllegalStateException("enricher failed on purpose");
            }
            return real.enrich(article, now);
        };
        Schema other = SchemaBuilder.record("Other").namespace("x").fields().requiredString("a").endRecord();
        GenericRecord otherRecord = new GenericData.Record(other);
        otherRecord.put("a", "b");
        byte[] incompatible = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), other).encode(otherRecord).array();
        AvroSerde<Article> articles = AvroSerde.of(Article.class);

        try (AlertMatcher matcher = new AlertMatcher();
             KafkaStreams streams = new KafkaStreams(NewsTopology.build(topics, settings, throwsOnBad,
                     matcher, Clock.systemUTC()), config.toStreamsProperties());
             KafkaProducer<String, byte[]> producer = producer(kafka)) {
            streams.start();
            for (int i = 0; i < N; i++) {
                producer.send(new ProducerRecord<>(topics.articlesRaw(), "not-avro-" + i, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
                producer.send(new ProducerRecord<>(topics.articlesRaw(), "other-schema-" + i, incompatible));
                producer.send(new ProducerRecord<>(topics.articlesRaw(), "tombstone-" + i, null));
                Article good = NewsTopologyTest.article("good-" + i, "Harbour story " + i, NewsTopologyTest.LONG_FLOOD + " Item " + i + ".");
                producer.send(new ProducerRecord<>(topics.articlesRaw(), good.getId(), articles.encode(good)));
                Article huge = NewsTopologyTest.article("oversize-" + i, "Very long report " + i,
                        (NewsTopologyTest.LONG_FLOOD + " Part " + i + ".\n\n").repeat(200));
                producer.send(new ProducerRecord<>(topics.articlesRaw(), huge.getId(), articles.encode(huge)));
            }
            Article bug = NewsTopologyTest.article("enricher-bug", "Story that breaks an enricher", NewsTopologyTest.FLOOD_BODY);
            producer.send(new ProducerRecord<>(topics.articlesRaw(), bug.getId(), articles.encode(bug)));
            producer.flush();

            List<ConsumerRecord<String, byte[]>> dead = TopicReader.read(kafka.bootstrapServers(), topics.deadLetters(), 3 * N + 1);
            List<ConsumerRecord<String, byte[]>> enriched = TopicReader.read(kafka.bootstrapServers(), topics.articlesEnriched(), N);

            Map<String, Integer> causes = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : dead) {
                String exception = new String(r.headers().lastHeader("__streams.errors.exception").value(), StandardCharsets.UTF_8);
                causes.merge(r.key().replaceAll("-\\d+$", "") + " " + exception, 1, Integer::sum);
            }
            System.out.printf("poison: sent %d not-Avro, %d other-schema, %d oversized, %d tombstones, 1 enricher failure,"
                    + " %d good; dead-lettered %d %s; enriched %d%n", N, N, N, N, N, dead.size(), causes, enriched.size());
            assertThat(dead).hasSize(3 * N + 1);
            assertThat(causes).containsEntry("not-avro org.apache.kafka.common.errors.SerializationException", N)
                    .containsEntry("other-schema org.apache.kafka.common.errors.SerializationException", N)
                    .containsEntry("oversize org.apache.kafka.common.errors.RecordTooLargeException", N)
                    .containsEntry("enricher-bug java.lang.IllegalStateException", 1);
            // An oversized article's dead letter is the article as published, so it can be replayed.
            for (ConsumerRecord<String, byte[]> r : dead) {
                if (r.key().startsWith("oversize-")) {
                    assertThat(articles.decode(r.value()).getId()).isEqualTo(r.key());
                }
            }
            assertThat(enriched).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                    "good-0", "good-1", "good-2", "good-3", "good-4");
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    static KafkaProducer<String, byte[]> producer(EmbeddedKafka kafka) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
