package io.newsflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.AlertKind;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.Trend;
import io.newsflow.schema.Severity;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.Topics;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.enrich.ArticleEnricher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    final MutableClock clock = new MutableClock(NOW);
    AlertMatcher matcher;
    TestOutputTopic<String, Trend> trends;
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
        StreamsAppConfig config = new StreamsAppConfig("unused:9092", "test-app", TOPICS, stateDir, 1, null, Map.of(),
                TopologySettings.defaults(), null);
        driver = new TopologyTestDriver(
                NewsTopology.build(TOPICS, TopologySettings.defaults(), ArticleEnricher.createDefault(), matcher, clock),
                config.toStreamsProperties(), NOW);
        AvroSerde<Article> articleSerde = AvroSerde.of(Article.class);
        raw = driver.createInputTopic(TOPICS.articlesRaw(), new StringSerializer(), articleSerde.serializer());
        rawBytes = driver.createInputTopic(TOPICS.articlesRaw(), new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(TOPICS.articlesEnriched(), new StringDeserializer(),
                AvroSerde.of(EnrichedArticle.class).deserializer());
        alerts = driver.createOutputTopic(TOPICS.alerts(), new StringDeserializer(),
                AvroSerde.of(KeywordAlert.class).deserializer());
        trends = driver.createOutputTopic(TOPICS.trends(), new StringDeserializer(),
                AvroSerde.of(Trend.class).deserializer());
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

    static final String LONG_FLOOD = "The river burst its banks on Sunday night and the flood destroyed two hundred homes "
            + "in the lower town, officials said on Monday. Rescue crews worked through the night to evacuate families "
            + "from streets where the water rose above the windows of parked cars. The regional council opened three "
            + "schools as shelters and asked residents with boats to help reach elderly neighbours who had refused to "
            + "leave. Power was cut to more than four thousand households as a precaution. The mayor said the flood "
            + "defences built after the last disaster had held along the northern bank but failed near the old mill, "
            + "where a section of wall collapsed shortly after midnight. Engineers will inspect the damage once the "
            + "water recedes. Forecasters expect more rain on Wednesday and warned that the river could rise again. ";
    static final String FLOOD_COPY = LONG_FLOOD + "Insurers said claims would run into the millions.";

    @Test
    void syndicatedCopyJoinsTheStoryOfTheFirstArticle() {
        raw.pipeInput("a1", article("a1", "River flood destroys homes", LONG_FLOOD));
        raw.pipeInput("a2", article("a2", "Homes lost as river floods town", FLOOD_COPY));
        raw.pipeInput("a3", article("a3", "Harbour festival opens", "Thousands of visitors enjoyed music and food "
                + "at the harbour festival on Saturday, which organisers called the best in a decade, with lanterns, "
                + "dancers and stalls along the whole of the waterfront until late at night."));

        List<EnrichedArticle> out = enriched.readValuesToList();
        assertThat(out).extracting(e -> e.getArticle().getId()).containsExactly("a1", "a2", "a3");
        assertThat(out.get(0).getStoryId()).isEqualTo("a1");
        assertThat(out.get(0).getDuplicateOf()).isNull();
        assertThat(out.get(1).getStoryId()).isEqualTo("a1");
        assertThat(out.get(1).getDuplicateOf()).isEqualTo("a1");
        assertThat(out.get(2).getStoryId()).isEqualTo("a3");
    }

    @Test
    void alertsOncePerStoryWhenCopiesArriveThenUpdatesAfterTheRenotifyInterval() {
        raw.pipeInput("a1", article("a1", "River flood destroys homes", LONG_FLOOD));
        raw.pipeInput("a2", article("a2", "Homes lost as river floods town", FLOOD_COPY));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getKind()).isEqualTo(AlertKind.NEW);
            assertThat(a.getOccurrences()).isEqualTo(1);
            assertThat(a.getStoryId()).isEqualTo("a1");
        });

        clock.advance(TopologySettings.defaults().renotifyInterval().plusMinutes(1));
        raw.pipeInput("a3", article("a3", "Flood: river destroys homes", FLOOD_COPY));

        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getKind()).isEqualTo(AlertKind.UPDATE);
            assertThat(a.getOccurrences()).isEqualTo(3);
            assertThat(a.getArticleId()).isEqualTo("a3");
        });
    }

    @Test
    void trendsCountRuleMatchesAndCategoriesPerHour() {
        raw.pipeInput("a1", article("a1", "River flood destroys homes", FLOOD_BODY), NOW);

        List<Trend> out = trends.readValuesToList();
        assertThat(out).anySatisfy(t -> {
            assertThat(t.getTerm()).isEqualTo("floods");
            assertThat(t.getCount()).isEqualTo(1);
            assertThat(t.getWindowStart()).isEqualTo(Instant.parse("2025-03-10T12:00:00Z"));
            assertThat(t.getSpike()).isFalse();
        });
        assertThat(out).anySatisfy(t -> assertThat(t.getDimension().name()).isEqualTo("CATEGORY"));
    }

    @Test
    void aBurstOnAKeyWithoutHistoryIsNotASpike() {
        for (int i = 0; i < 12; i++) {
            raw.pipeInput("n" + i, article("n" + i, "River flood update " + i, FLOOD_BODY), NOW.plusSeconds(i));
        }

        List<Trend> burst = trends.readValuesToList().stream().filter(t -> t.getTerm().equals("floods")).toList();
        assertThat(burst.get(burst.size() - 1).getCount()).isEqualTo(12);
        assertThat(burst).noneMatch(Trend::getSpike);
    }

    @Test
    void aJumpAfterAQuietDayIsFlaggedAsASpike() {
        Instant start = NOW.minus(Duration.ofHours(24));
        for (int h = 0; h < 24; h++) {
            raw.pipeInput("q" + h, article("q" + h, "River flood report " + h, FLOOD_BODY), start.plus(Duration.ofHours(h)));
        }
        trends.readValuesToList();
        for (int i = 0; i < 12; i++) {
            raw.pipeInput("b" + i, article("b" + i, "River flood update " + i, FLOOD_BODY), NOW.plusSeconds(i));
        }

        List<Trend> burst = trends.readValuesToList().stream().filter(t -> t.getTerm().equals("floods")).toList();
        assertThat(burst.get(0).getSpike()).isFalse();
        assertThat(burst.get(burst.size() - 1).getCount()).isEqualTo(12);
        assertThat(burst.get(burst.size() - 1).getSpike()).isTrue();
    }
}
