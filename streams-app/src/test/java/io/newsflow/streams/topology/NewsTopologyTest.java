package io.newsflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.Severity;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.Topics;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.enrich.ArticleEnricher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsTopologyTest {

    static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    static final Topics TOPICS = Topics.DEFAULT;

    @TempDir
    Path stateDir;

    AlertMatcher matcher;
    TopologyTestDriver driver;
    TestInputTopic<String, Article> raw;
    TestInputTopic<String, byte[]> rawBytes;
    TestOutputTopic<String, EnrichedArticle> enriched;
    TestOutputTopic<String, KeywordAlert> alerts;
    TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void start() throws Exception {
        matcher = new AlertMatcher();
        matcher.upsert(AlertRule.newBuilder().setId("floods").setName("Floods").setQuery("flood* AND river")
                .setSeverity(Severity.HIGH).build());
        StreamsAppConfig config = new StreamsAppConfig("unused:9092", "test-app", TOPICS, stateDir, 1, null, Map.of());
        driver = new TopologyTestDriver(
                NewsTopology.build(TOPICS, ArticleEnricher.createDefault(), matcher, Clock.fixed(NOW, ZoneOffset.UTC)),
                config.toStreamsProperties());
        AvroSerde<Article> articleSerde = AvroSerde.of(Article.class);
        raw = driver.createInputTopic(TOPICS.articlesRaw(), new StringSerializer(), articleSerde.serializer());
        rawBytes = driver.createInputTopic(TOPICS.articlesRaw(), new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(TOPICS.articlesEnriched(), new StringDeserializer(),
                AvroSerde.of(EnrichedArticle.class).deserializer());
        alerts = driver.createOutputTopic(TOPICS.alerts(), new StringDeserializer(),
                AvroSerde.of(KeywordAlert.class).deserializer());
        dlq = driver.createOutputTopic(TOPICS.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        matcher.close();
    }

    static Article article(String id, String title, String body) {
        return Article.newBuilder()
                .setId(id)
                .setUrl("http://127.0.0.1/" + id)
                .setCanonicalUrl("http://127.0.0.1/" + id)
                .setSourceId("test")
                .setTitle(title)
                .setBody(body)
                .setSource("The Test Gazette")
                .setFetchedAt(NOW)
                .build();
    }

    static final String FLOOD_BODY = "The river burst its banks on Sunday night and the flood destroyed two hundred "
            + "homes. Rescue crews evacuated families from the lower town as the water kept rising. "
            + "Officials said the damage would take months to repair and warned of more rain.";

    @Test
    void enrichesAnArticleWithLanguageCategoriesAndSentiment() {
        raw.pipeInput("a1", article("a1", "River flood destroys homes", FLOOD_BODY));

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertThat(out.key()).isEqualTo("a1");
        assertThat(out.value().getArticle().getTitle()).isEqualTo("River flood destroys homes");
        assertThat(out.value().getLanguage()).isEqualTo("en");
        assertThat(out.value().getSentiment().getScore()).isNegative();
        assertThat(out.value().getEnrichedAt()).isEqualTo(NOW);
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void enrichesEachArticleIdOnlyOnceWhenItIsPublishedAgain() {
        Article a = article("a1", "River flood destroys homes", FLOOD_BODY);
        raw.pipeInput("a1", a);
        raw.pipeInput("a1", a);
        raw.pipeInput("a2", article("a2", "Second story", FLOOD_BODY));

        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a1", "a2");
    }

    @Test
    void alertsWhenARuleMatchesKeyedByRuleId() {
        raw.pipeInput("a1", article("a1", "River flood destroys homes", FLOOD_BODY));

        List<TestRecord<String, KeywordAlert>> out = alerts.readRecordsToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key()).isEqualTo("floods");
        assertThat(out.get(0).value().getArticleId()).isEqualTo("a1");
        assertThat(out.get(0).value().getSnippet()).contains("[[");
    }

    @Test
    void noAlertWhenNoRuleMatches() {
        raw.pipeInput("a1", article("a1", "Harbour festival opens", "Thousands of visitors enjoyed music and "
                + "food at the harbour festival, which organisers called the best in a decade."));

        assertThat(enriched.readRecordsToList()).hasSize(1);
        assertThat(alerts.isEmpty()).isTrue();
    }

    // The dead-letter record itself (bytes, cause headers) is checked on a real broker in StreamsAppIT:
    // TopologyTestDriver does not capture dead-letter records of deserialization failures.
    @Test
    void recordThatIsNotAvroIsSkippedAndTheNextArticleIsStillEnriched() {
        rawBytes.pipeInput("bad", "this is not avro".getBytes(StandardCharsets.UTF_8));
        raw.pipeInput("a1", article("a1", "River flood destroys homes", FLOOD_BODY));

        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a1");
    }

    @Test
    void tombstonesAreSkipped() {
        rawBytes.pipeInput("gone", (byte[]) null);

        assertThat(enriched.isEmpty()).isTrue();
        assertThat(dlq.isEmpty()).isTrue();
    }
}
