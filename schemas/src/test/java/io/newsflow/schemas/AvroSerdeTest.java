package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.Article;
import io.newsflow.schema.Category;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Sentiment;
import io.newsflow.schema.SentimentLabel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    static Article article() {
        return Article.newBuilder()
                .setId("abc123")
                .setUrl("http://127.0.0.1/a.html")
                .setCanonicalUrl("http://127.0.0.1/a.html")
                .setSourceId("sample")
                .setTitle("Harbour bridge reopens")
                .setAuthors(List.of("Ana Ruiz"))
                .setPublishedAt(Instant.parse("2025-03-09T00:00:00Z"))
                .setBody("The bridge reopened on Monday.")
                .setSource("The Harbour Courier")
                .setSourceKeywords(List.of("bridges", "transport"))
                .setLanguage("en")
                .setFetchedAt(Instant.parse("2025-03-10T08:00:00Z"))
                .setFieldSources(Map.of("title", "og"))
                .build();
    }

    @Test
    void roundTripsANestedRecord() {
        AvroSerde<EnrichedArticle> serde = AvroSerde.of(EnrichedArticle.class);
        EnrichedArticle enriched = EnrichedArticle.newBuilder()
                .setArticle(article())
                .setLanguage("en")
                .setLanguageConfidence(0.9)
                .setCategories(List.of(new Category("medtop:11000000", "politics", 1.0)))
                .setSentiment(Sentiment.newBuilder().setScore(0.2).setLabel(SentimentLabel.POSITIVE).build())
                .setEnrichedAt(Instant.parse("2025-03-10T08:00:01Z"))
                .build();

        byte[] bytes = serde.serializer().serialize("t", enriched);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(enriched);
    }

    @Test
    void tombstoneStaysNull() {
        AvroSerde<Article> serde = AvroSerde.of(Article.class);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void bytesThatAreNotAvroFailWithASerializationExceptionNamingTheType() {
        AvroSerde<Article> serde = AvroSerde.of(Article.class);
        byte[] junk = "{\"title\": \"plain json\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", junk))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a readable Article record");
    }

    @Test
    void recordOfAnUnknownSchemaFailsWithASerializationException() throws Exception {
        Schema other = SchemaBuilder.record("Other").namespace("x").fields().requiredString("a").endRecord();
        GenericRecord record = new GenericData.Record(other);
        record.put("a", "b");
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), other).encode(record).array();

        assertThatThrownBy(() -> AvroSerde.of(Article.class).decode(bytes))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void readsARecordWrittenWithAnOlderSchemaVersion() throws Exception {
        // An "older" Article: the same schema without the defaulted fieldSources field.
        Schema current = Article.getClassSchema();
        Schema older = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false,
                current.getFields().stream()
                        .filter(f -> !f.name().equals("fieldSources"))
                        .map(f -> new Schema.Field(f, f.schema()))
                        .toList());
        GenericRecord old = new GenericData.Record(older);
        Article a = article();
        for (Schema.Field f : older.getFields()) {
            old.put(f.name(), a.get(f.name()));
        }
        old.put("publishedAt", a.getPublishedAt().toEpochMilli());
        old.put("fetchedAt", a.getFetchedAt().toEpochMilli());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(old, out);

        Article read = new AvroSerde<>(Article.class, List.of(older)).decode(out.toByteArray());

        assertThat(read.getTitle()).isEqualTo(a.getTitle());
        assertThat(read.getPublishedAt()).isEqualTo(a.getPublishedAt());
        assertThat(read.getFieldSources()).isEmpty();
    }

    @Test
    void jsonRenderingIsPlainJson() {
        String json = AvroJson.toJson(article());
        assertThat(json).contains("\"title\":\"Harbour bridge reopens\"")
                .contains("\"publishedAt\":\"2025-03-09T00:00:00Z\"")
                .contains("\"authors\":[\"Ana Ruiz\"]")
                .contains("\"fieldSources\":{\"title\":\"og\"}");
    }
}
