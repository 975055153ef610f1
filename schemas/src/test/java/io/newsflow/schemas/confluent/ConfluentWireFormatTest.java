package io.newsflow.schemas.confluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Severity;
import io.newsflow.schemas.SchemaHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

    @Test
    void layoutIsMagicByteBigEndianIdThenTheAvroBinaryBody() throws IOException {
        Article article = Fixtures.article();

        byte[] payload = ConfluentWireFormat.encode(0x01020304, article);

        assertThat(Arrays.copyOfRange(payload, 0, 5)).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04);
        // The generated class's single-object encoding is a 10-byte header followed by the same binary body.
        ByteBuffer singleObject = article.toByteBuffer();
        byte[] body = Arrays.copyOfRange(singleObject.array(), 10, singleObject.limit());
        assertThat(Arrays.copyOfRange(payload, 5, payload.length)).isEqualTo(body);
        assertThat(ConfluentWireFormat.schemaId(payload)).isEqualTo(0x01020304);
    }

    @Test
    void idsAboveTheSignedByteRangeKeepTheirValue() {
        byte[] payload = ConfluentWireFormat.encode(200_000, Fixtures.article());

        assertThat(Arrays.copyOfRange(payload, 0, 5)).containsExactly(0x00, 0x00, 0x03, 0x0D, 0x40);
        assertThat(ConfluentWireFormat.schemaId(payload)).isEqualTo(200_000);
    }

    @Test
    void roundTripsANestedRecord() {
        EnrichedArticle enriched = Fixtures.enriched();

        byte[] payload = ConfluentWireFormat.encode(42, enriched);

        assertThat(ConfluentWireFormat.decode(payload, EnrichedArticle.getClassSchema(), EnrichedArticle.class))
                .isEqualTo(enriched);
    }

    @Test
    void readsAnAlertRuleWrittenWithVersion1AsTheCurrentClass() throws IOException {
        Schema v1 = SchemaHistory.versions("AlertRule").get(0);
        assertThat(v1.getField("categories")).as("v1 predates the filters").isNull();
        GenericRecord old = new GenericData.Record(v1);
        old.put("id", "bridges");
        old.put("name", "Bridges");
        old.put("query", "bridge*");
        old.put("owner", "desk");
        old.put("severity", new GenericData.EnumSymbol(v1.getField("severity").schema(), "HIGH"));
        old.put("enabled", true);
        old.put("version", 3);

        AlertRule read = ConfluentWireFormat.decode(payload(7, v1, old), v1, AlertRule.class);

        assertThat(read.getQuery()).isEqualTo("bridge*");
        assertThat(read.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(read.getVersion()).isEqualTo(3);
        assertThat(read.getCategories()).isEmpty();
        assertThat(read.getMinAbsSentiment()).isNull();
    }

    @Test
    void readsEveryKeptEnrichedArticleVersionAsTheCurrentClass() throws IOException {
        Schema current = EnrichedArticle.getClassSchema();
        byte[] currentBody = Arrays.copyOfRange(ConfluentWireFormat.encode(1, Fixtures.enriched()), 5,
                ConfluentWireFormat.encode(1, Fixtures.enriched()).length);
        List<Schema> versions = SchemaHistory.versions("EnrichedArticle");
        for (int v = 0; v < versions.size(); v++) {
            Schema old = versions.get(v);
            // Project the sample onto the old version, as a writer of that version would have produced it.
            GenericRecord asOld = new GenericDatumReader<GenericRecord>(current, old)
                    .read(null, DecoderFactory.get().binaryDecoder(currentBody, null));

            EnrichedArticle read = ConfluentWireFormat.decode(payload(v + 1, old, asOld), old, EnrichedArticle.class);

            assertThat(read.getArticle()).as("v%d", v + 1).isEqualTo(Fixtures.article());
            assertThat(read.getSentiment().getScore()).as("v%d", v + 1).isEqualTo(0.2);
        }
    }

    @Test
    void nullRecordIsATombstone() {
        assertThat(ConfluentWireFormat.encode(1, null)).isNull();
    }

    @Test
    void shortPayloadIsRefusedClearly() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 bytes is too short");
        assertThatThrownBy(() -> ConfluentWireFormat.decode(null, Article.getClassSchema(), Article.class))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void wrongMagicByteIsRefusedWithAHintForSingleObjectEncoding() throws IOException {
        byte[] singleObject = Fixtures.article().toByteBuffer().array();

        assertThatThrownBy(() -> ConfluentWireFormat.decode(singleObject, Article.getClassSchema(), Article.class))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("starts with 0xC3, not the Confluent magic byte 0x00")
                .hasMessageContaining("single-object encoding");
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId("{\"json\":1}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("starts with 0x7B");
    }

    @Test
    void garbageBodyIsASerializationExceptionNamingTypeAndId() {
        byte[] garbage = {0, 0, 0, 0, 9, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, 1, 2, 3};

        assertThatThrownBy(() -> ConfluentWireFormat.decode(garbage, Article.getClassSchema(), Article.class))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Article")
                .hasMessageContaining("schema id 9");
    }

    @Test
    void bodyWrittenWithAnotherSchemaIsRefused() {
        // An AlertRule body read as if the id named the Article schema: it must not pass silently.
        byte[] rule = ConfluentWireFormat.encode(5, Fixtures.rule());

        assertThatThrownBy(() -> ConfluentWireFormat.decode(rule, Article.getClassSchema(), Article.class))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 5");
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] payload = ConfluentWireFormat.encode(5, Fixtures.article());
        byte[] longer = Arrays.copyOf(payload, payload.length + 2);

        assertThatThrownBy(() -> ConfluentWireFormat.decode(longer, Article.getClassSchema(), Article.class))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("bytes left");
    }

    /** A Confluent payload for a generic record, built independently of {@link ConfluentWireFormat#encode}. */
    static byte[] payload(int id, Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
