package io.newsflow.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.streams.flat.FlatRecords;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The flat records as a sink sees them: Kafka's own {@link JsonConverter} ({@code schemas.enable=true})
 * must turn each into a flat Connect {@link Struct} with the declared column types, and the key through
 * {@link StringConverter} into the plain string id.
 */
class FlatRecordsConnectTest {

    private static List<EnrichedArticle> articles;
    private static List<KeywordAlert> alerts;
    private final JsonConverter converter = jsonConverter();

    @BeforeAll
    static void fixtures() {
        articles = NewsFixtures.enrichedArticles();
        alerts = NewsFixtures.alerts(articles);
    }

    @Test
    void everyArticleBecomesAFlatStructWithTypedColumns() {
        for (EnrichedArticle a : articles) {
            Struct row = toStruct(FlatRecords.article(a));
            row.validate();
            assertThat(row.schema().name()).isEqualTo(FlatRecords.ARTICLE_STRUCT);
            for (Field f : row.schema().fields()) {
                assertThat(f.schema().type().isPrimitive()).as("column %s is primitive", f.name()).isTrue();
            }
            assertThat(row.getString("id")).isEqualTo(a.getArticle().getId());
            assertThat(row.getString("title")).isEqualTo(a.getArticle().getTitle());
            assertThat(type(row, "language_confidence")).isEqualTo(Schema.Type.FLOAT64);
            assertThat(type(row, "sentiment_score")).isEqualTo(Schema.Type.FLOAT64);
            assertThat(row.schema().field("enriched_at").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
            assertThat(row.get("enriched_at")).isEqualTo(Date.from(a.getEnrichedAt()));
            assertThat(row.schema().field("published_at").schema().isOptional()).isTrue();
            if (a.getArticle().getPublishedAt() == null) {
                assertThat(row.get("published_at")).isNull();
            } else {
                assertThat(row.get("published_at")).isEqualTo(Date.from(a.getArticle().getPublishedAt()));
            }
            assertThat(row.getString("categories")).startsWith("[");
        }
    }

    @Test
    void everyArticleHasTheSameSchemaSoOneTableFitsAll() {
        Schema first = toStruct(FlatRecords.article(articles.get(0))).schema();
        for (EnrichedArticle a : articles) {
            assertThat(toStruct(FlatRecords.article(a)).schema()).isEqualTo(first);
        }
    }

    @Test
    void everyAlertBecomesAFlatStructWithTypedColumns() {
        assertThat(alerts).isNotEmpty();
        for (KeywordAlert k : alerts) {
            Struct row = toStruct(FlatRecords.alert(k));
            row.validate();
            assertThat(row.schema().name()).isEqualTo(FlatRecords.ALERT_STRUCT);
            assertThat(row.getString("alert_id")).isEqualTo(k.getAlertId());
            assertThat(row.getInt32("rule_version")).isEqualTo(k.getRuleVersion());
            assertThat(row.getInt32("occurrences")).isEqualTo(k.getOccurrences());
            assertThat(row.getFloat64("sentiment_score")).isEqualTo(k.getSentimentScore());
            assertThat(row.get("detected_at")).isEqualTo(Date.from(k.getDetectedAt()));
            assertThat(row.getString("matched_terms")).startsWith("[\"");
        }
    }

    @Test
    void theKeyIsThePlainStringId() {
        try (StringConverter keys = new StringConverter()) {
            keys.configure(Map.of(), true);
            String id = articles.get(0).getArticle().getId();
            SchemaAndValue key = keys.toConnectData("t", id.getBytes(StandardCharsets.UTF_8));
            assertThat(key.value()).isEqualTo(id);
            assertThat(key.schema().type()).isEqualTo(Schema.Type.STRING);
        }
    }

    private Struct toStruct(String envelope) {
        SchemaAndValue value = converter.toConnectData("news.articles.flat", envelope.getBytes(StandardCharsets.UTF_8));
        assertThat(value.value()).isInstanceOf(Struct.class);
        return (Struct) value.value();
    }

    private static Schema.Type type(Struct row, String column) {
        return row.schema().field(column).schema().type();
    }

    private static JsonConverter jsonConverter() {
        JsonConverter c = new JsonConverter();
        c.configure(Map.of("schemas.enable", "true"), false);
        return c;
    }
}
