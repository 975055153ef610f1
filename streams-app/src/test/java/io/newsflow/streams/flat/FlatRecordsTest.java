package io.newsflow.streams.flat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schema.AlertKind;
import io.newsflow.schema.Article;
import io.newsflow.schema.Category;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Entity;
import io.newsflow.schema.EntityType;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.Sentiment;
import io.newsflow.schema.SentimentLabel;
import io.newsflow.schema.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The flat envelopes as JSON: schema and payload agree column by column, values are primitives with
 * nested data as JSON text, and optional columns stay declared when empty. How Kafka's JsonConverter
 * reads them is tested in the sinks module ({@code FlatRecordsConnectTest}, {@code PostgresSinkIT}).
 */
class FlatRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant PUBLISHED = Instant.parse("2025-03-09T07:15:00Z");
    private static final Instant FETCHED = Instant.parse("2025-03-09T08:00:00Z");
    private static final Instant ENRICHED = Instant.parse("2025-03-09T08:00:02Z");

    @Test
    void articleIsAnEnvelopeWhoseSchemaDeclaresEveryPayloadColumnInOrder() throws Exception {
        JsonNode envelope = JSON.readTree(FlatRecords.article(article(PUBLISHED, "The Harbour Courier", true)));

        JsonNode schema = envelope.get("schema");
        assertThat(schema.get("type").asText()).isEqualTo("struct");
        assertThat(schema.get("name").asText()).isEqualTo(FlatRecords.ARTICLE_STRUCT);
        assertThat(schema.get("optional").asBoolean()).isFalse();
        assertThat(fieldNames(schema)).containsExactly("id", "url", "canonical_url", "source_id", "title",
                "authors", "published_at", "body", "source", "source_keywords", "declared_language", "language",
                "language_confidence", "primary_category_code", "primary_category_label", "categories",
                "sentiment_score", "sentiment_label", "entities", "story_id", "duplicate_of", "fetched_at",
                "enriched_at");
        assertThat(fieldNames(envelope.get("payload"))).containsExactlyElementsOf(fieldNames(schema));
    }

    @Test
    void articleColumnsArePrimitivesWithNestedValuesAsJsonText() throws Exception {
        JsonNode payload = JSON.readTree(FlatRecords.article(article(PUBLISHED, "The Harbour Courier", true)))
                .get("payload");

        assertThat(payload.get("id").asText()).isEqualTo("3f2a9c0d4b6e8f1a2c3d4e5f60718293");
        assertThat(payload.get("title").asText()).isEqualTo("Suspect in port bombing extradited");
        assertThat(payload.get("published_at").asLong()).isEqualTo(PUBLISHED.toEpochMilli());
        assertThat(payload.get("fetched_at").asLong()).isEqualTo(FETCHED.toEpochMilli());
        assertThat(payload.get("enriched_at").asLong()).isEqualTo(ENRICHED.toEpochMilli());
        assertThat(payload.get("language_confidence").isDouble()).isTrue();
        assertThat(payload.get("sentiment_score").asDouble()).isEqualTo(-0.31);
        assertThat(payload.get("sentiment_label").asText()).isEqualTo("NEGATIVE");
        assertThat(payload.get("primary_category_code").asText()).isEqualTo("medtop:02000000");
        assertThat(payload.get("primary_category_label").asText()).isEqualTo("crime, law and justice");
        payload.fields().forEachRemaining(e -> assertThat(e.getValue().isContainerNode())
                .as("column %s is primitive", e.getKey()).isFalse());

        assertThat(JSON.readTree(payload.get("authors").asText()))
                .isEqualTo(JSON.readTree("[\"Ana Ruiz\",\"Tom O'Neil\"]"));
        assertThat(JSON.readTree(payload.get("source_keywords").asText()))
                .isEqualTo(JSON.readTree("[\"crime\",\"ports\"]"));
        assertThat(JSON.readTree(payload.get("categories").asText())).isEqualTo(JSON.readTree(
                "[{\"code\":\"medtop:02000000\",\"label\":\"crime, law and justice\",\"score\":1.0},"
                        + "{\"code\":\"medtop:11000000\",\"label\":\"politics\",\"score\":0.4}]"));
        assertThat(JSON.readTree(payload.get("entities").asText())).isEqualTo(JSON.readTree(
                "[{\"text\":\"Portugal\",\"type\":\"PLACE\",\"count\":2,\"first_offset\":40}]"));
    }

    @Test
    void optionalColumnsAreNullAndStayDeclaredWhenTheArticleLacksThem() throws Exception {
        JsonNode envelope = JSON.readTree(FlatRecords.article(article(null, null, false)));
        JsonNode payload = envelope.get("payload");

        for (String column : List.of("published_at", "source", "declared_language", "primary_category_code",
                "primary_category_label", "story_id", "duplicate_of")) {
            assertThat(payload.get(column).isNull()).as(column).isTrue();
            assertThat(field(envelope.get("schema"), column).get("optional").asBoolean()).as(column).isTrue();
        }
        assertThat(payload.get("categories").asText()).isEqualTo("[]");
        // Same columns with or without values: a sink sees one schema per topic.
        JsonNode full = JSON.readTree(FlatRecords.article(article(PUBLISHED, "The Harbour Courier", true)));
        assertThat(envelope.get("schema")).isEqualTo(full.get("schema"));
    }

    @Test
    void timesAreConnectTimestampsAndScoresDoubles() throws Exception {
        JsonNode schema = JSON.readTree(FlatRecords.article(article(PUBLISHED, "The Harbour Courier", true)))
                .get("schema");

        for (String column : List.of("published_at", "fetched_at", "enriched_at")) {
            assertThat(field(schema, column).get("type").asText()).isEqualTo("int64");
            assertThat(field(schema, column).get("name").asText()).isEqualTo("org.apache.kafka.connect.data.Timestamp");
        }
        assertThat(field(schema, "fetched_at").get("optional").asBoolean()).isFalse();
        assertThat(field(schema, "sentiment_score").get("type").asText()).isEqualTo("double");
        assertThat(field(schema, "id").get("optional").asBoolean()).isFalse();
    }

    @Test
    void alertHasItsColumnsWithListsAsJsonText() throws Exception {
        JsonNode envelope = JSON.readTree(FlatRecords.alert(alert("owner-team")));
        JsonNode schema = envelope.get("schema");
        JsonNode payload = envelope.get("payload");

        assertThat(schema.get("name").asText()).isEqualTo(FlatRecords.ALERT_STRUCT);
        assertThat(fieldNames(schema)).containsExactly("alert_id", "rule_id", "rule_name", "rule_version",
                "severity", "owner", "article_id", "url", "title", "source", "published_at", "matched_terms",
                "snippet", "categories", "sentiment_score", "story_id", "kind", "occurrences", "detected_at");
        assertThat(fieldNames(payload)).containsExactlyElementsOf(fieldNames(schema));
        assertThat(field(schema, "rule_version").get("type").asText()).isEqualTo("int32");
        assertThat(field(schema, "occurrences").get("type").asText()).isEqualTo("int32");
        assertThat(payload.get("alert_id").asText()).isEqualTo("extraditions:3f2a9c0d4b6e8f1a2c3d4e5f60718293");
        assertThat(payload.get("severity").asText()).isEqualTo("HIGH");
        assertThat(payload.get("kind").asText()).isEqualTo("UPDATE");
        assertThat(payload.get("occurrences").asInt()).isEqualTo(3);
        assertThat(payload.get("snippet").asText()).contains("[[extradited]]");
        assertThat(JSON.readTree(payload.get("matched_terms").asText()))
                .isEqualTo(JSON.readTree("[\"extradited\",\"suspect\"]"));
        assertThat(JSON.readTree(payload.get("categories").asText()))
                .isEqualTo(JSON.readTree("[\"medtop:02000000\"]"));

        JsonNode withoutOwner = JSON.readTree(FlatRecords.alert(alert(null)));
        assertThat(withoutOwner.get("payload").get("owner").isNull()).isTrue();
        assertThat(withoutOwner.get("schema")).isEqualTo(schema);
    }

    @Test
    void outputIsDeterministic() {
        EnrichedArticle a = article(PUBLISHED, "The Harbour Courier", true);
        assertThat(FlatRecords.article(a)).isEqualTo(FlatRecords.article(a));
        assertThat(FlatRecords.alert(alert(null))).isEqualTo(FlatRecords.alert(alert(null)));
    }

    @Test
    void textIsEscapedNotInterpreted() throws Exception {
        // Setters, not a copying builder: Avro's deep copy refuses classes outside its trusted packages.
        EnrichedArticle a = article(PUBLISHED, null, false);
        a.getArticle().setTitle("Quote \"this\", then \\ and \u00e9\u4e2d\n");

        JsonNode payload = JSON.readTree(FlatRecords.article(a)).get("payload");
        assertThat(payload.get("title").asText()).isEqualTo("Quote \"this\", then \\ and \u00e9\u4e2d\n");
    }

    @Test
    void nonFiniteScoresBecomeNeutralSoTheRowStaysLoadable() throws Exception {
        EnrichedArticle a = article(PUBLISHED, null, false);
        a.getSentiment().setScore(Double.NaN);
        JsonNode payload = JSON.readTree(FlatRecords.article(a)).get("payload");
        assertThat(payload.get("sentiment_score").asDouble()).isEqualTo(0.0);
    }

    @Test
    void aMissingRequiredValueIsRefusedWithTheColumnName() {
        assertThatThrownBy(() -> new ConnectEnvelope("x").string("title", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("title");
    }

    static EnrichedArticle article(Instant published, String source, boolean complete) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("title", "json-ld");
        Article article = Article.newBuilder()
                .setId("3f2a9c0d4b6e8f1a2c3d4e5f60718293")
                .setUrl("https://harbour-courier.example/news/2025/03/09/port-bombing-suspect?ref=home")
                .setCanonicalUrl("https://harbour-courier.example/news/2025/03/09/port-bombing-suspect")
                .setSourceId("harbour-courier")
                .setTitle("Suspect in port bombing extradited")
                .setAuthors(complete ? List.of("Ana Ruiz", "Tom O'Neil") : List.of())
                .setPublishedAt(published)
                .setBody("The man suspected of the port bombing was extradited from Portugal on Sunday. "
                        + "Police in Portugal said he would appear in court on Monday.")
                .setSource(source)
                .setSourceKeywords(complete ? List.of("crime", "ports") : List.of())
                .setLanguage(complete ? "en" : null)
                .setFetchedAt(FETCHED)
                .setFieldSources(sources)
                .build();
        List<Category> categories = new ArrayList<>();
        List<Entity> entities = new ArrayList<>();
        if (complete) {
            categories.add(new Category("medtop:02000000", "crime, law and justice", 1.0));
            categories.add(new Category("medtop:11000000", "politics", 0.4));
            entities.add(new Entity("Portugal", EntityType.PLACE, 2, 40));
        }
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setLanguage("en")
                .setLanguageConfidence(0.97)
                .setCategories(categories)
                .setSentiment(Sentiment.newBuilder()
                        .setScore(-0.31)
                        .setLabel(SentimentLabel.NEGATIVE)
                        .setSentences(List.of())
                        .build())
                .setEntities(entities)
                .setStoryId(complete ? "3f2a9c0d4b6e8f1a2c3d4e5f60718293" : null)
                .setDuplicateOf(null)
                .setEnrichedAt(ENRICHED)
                .build();
    }

    static KeywordAlert alert(String owner) {
        return KeywordAlert.newBuilder()
                .setAlertId("extraditions:3f2a9c0d4b6e8f1a2c3d4e5f60718293")
                .setRuleId("extraditions")
                .setRuleName("Militant arrests and extraditions")
                .setRuleVersion(2)
                .setSeverity(Severity.HIGH)
                .setOwner(owner)
                .setArticleId("3f2a9c0d4b6e8f1a2c3d4e5f60718293")
                .setUrl("https://harbour-courier.example/news/2025/03/09/port-bombing-suspect")
                .setTitle("Suspect in port bombing extradited")
                .setSource("The Harbour Courier")
                .setPublishedAt(PUBLISHED)
                .setMatchedTerms(List.of("extradited", "suspect"))
                .setSnippet("[[Suspect]] in port bombing [[extradited]]")
                .setCategories(List.of("medtop:02000000"))
                .setSentimentScore(-0.31)
                .setStoryId("3f2a9c0d4b6e8f1a2c3d4e5f60718293")
                .setKind(AlertKind.UPDATE)
                .setOccurrences(3)
                .setDetectedAt(ENRICHED)
                .build();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.has("fields")) {
            node.get("fields").forEach(f -> names.add(f.get("field").asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static JsonNode field(JsonNode schema, String name) {
        for (JsonNode f : schema.get("fields")) {
            if (f.get("field").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name);
    }
}
