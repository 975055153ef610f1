package io.newsflow.schemas.confluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schemas.SchemaHistory;
import io.newsflow.schemas.Topics;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class ConfluentAvroSerdeTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void registersTheSchemaOnceUnderTheTopicsValueSubjectOnFirstUse() {
        String topic = Topics.DEFAULT.articlesRaw();
        ConfluentAvroSerde<Article> serde = new ConfluentAvroSerde<>(registry, topic, Article.class);
        assertThat(registry.registrations()).as("nothing registered before the first record").isEmpty();

        Serializer<Article> serializer = serde.serializer();
        serializer.serialize(topic, Fixtures.article());
        serializer.serialize(topic, Fixtures.article());
        // Kafka Streams passes internal topic names too; they must not create subjects of their own.
        serializer.serialize("newsflow-streams-one-view-repartition", Fixtures.article());

        assertThat(registry.registrations()).containsExactly("news.articles.raw-value");
        assertThat(serde.subject()).isEqualTo("news.articles.raw-value");
    }

    @Test
    void roundTripsThroughTheRegistry() {
        ConfluentAvroSerde<EnrichedArticle> serde =
                new ConfluentAvroSerde<>(registry, "news.articles.enriched", EnrichedArticle.class);

        byte[] payload = serde.serializer().serialize("news.articles.enriched", Fixtures.enriched());

        int id = ConfluentWireFormat.schemaId(payload);
        assertThat(registry.byId(id)).isEqualTo(EnrichedArticle.getClassSchema());
        assertThat(serde.deserializer().deserialize("news.articles.enriched", payload)).isEqualTo(Fixtures.enriched());
    }

    @Test
    void readsARecordWrittenWithAnOlderRegisteredVersion() throws Exception {
        Schema v1 = SchemaHistory.versions("AlertRule").get(0);
        int oldId = registry.register("news.alert-rules-value", v1);
        GenericRecord old = new GenericData.Record(v1);
        old.put("id", "r1");
        old.put("name", "Rule one");
        old.put("query", "flood*");
        old.put("owner", null);
        old.put("severity", new GenericData.EnumSymbol(v1.getField("severity").schema(), "LOW"));
        old.put("enabled", false);
        old.put("version", 1);
        ConfluentAvroSerde<AlertRule> serde = new ConfluentAvroSerde<>(registry, "news.alert-rules", AlertRule.class);

        AlertRule read = serde.decode(ConfluentWireFormatTest.payload(oldId, v1, old));

        assertThat(read.getId()).isEqualTo("r1");
        assertThat(read.getEnabled()).isFalse();
        assertThat(read.getLanguages()).isEmpty();
        // Reading registers nothing: only writers do.
        assertThat(registry.registrations()).containsExactly("news.alert-rules-value");
    }

    @Test
    void tombstonesStayNullAndRegisterNothing() {
        ConfluentAvroSerde<AlertRule> serde = new ConfluentAvroSerde<>(registry, "news.alert-rules", AlertRule.class);

        assertThat(serde.serializer().serialize("news.alert-rules", null)).isNull();
        assertThat(serde.deserializer().deserialize("news.alert-rules", null)).isNull();
        assertThat(registry.registrations()).isEmpty();
    }

    @Test
    void unknownSchemaIdIsASerializationException() {
        ConfluentAvroSerde<Article> serde = new ConfluentAvroSerde<>(registry, "news.articles.raw", Article.class);
        byte[] payload = ConfluentWireFormat.encode(99, Fixtures.article());

        assertThatThrownBy(() -> serde.deserializer().deserialize("news.articles.raw", payload))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 99")
                .hasMessageContaining("unknown to the schema registry");
    }

    @Test
    void singleObjectEncodedValueIsASerializationException() throws Exception {
        ConfluentAvroSerde<Article> serde = new ConfluentAvroSerde<>(registry, "news.articles.raw", Article.class);
        byte[] singleObject = Fixtures.article().toByteBuffer().array();

        assertThatThrownBy(() -> serde.decode(singleObject))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("single-object encoding");
    }

    @Test
    void registryOutageIsNotMistakenForAPoisonRecord() {
        SchemaRegistryClient down = new SchemaRegistryClient() {
            @Override
            public int register(String subject, Schema schema) {
                throw new SchemaRegistryException("cannot reach the schema registry", SchemaRegistryException.NO_RESPONSE);
            }

            @Override
            public Schema byId(int id) {
                throw new SchemaRegistryException("schema registry answered 503", 503);
            }
        };
        ConfluentAvroSerde<Article> serde = new ConfluentAvroSerde<>(down, "news.articles.raw", Article.class);
        Deserializer<Article> deserializer = serde.deserializer();
        byte[] payload = ConfluentWireFormat.encode(1, Fixtures.article());

        assertThatThrownBy(() -> deserializer.deserialize("news.articles.raw", payload))
                .isExactlyInstanceOf(SchemaRegistryException.class);
        assertThatThrownBy(() -> serde.encode(Fixtures.article()))
                .isExactlyInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void failedRegistrationIsRetriedOnTheNextRecord() {
        SchemaRegistryClient flaky = new SchemaRegistryClient() {
            private int calls;

            @Override
            public synchronized int register(String subject, Schema schema) {
                if (calls++ == 0) {
                    throw new SchemaRegistryException("schema registry answered 503", 503);
                }
                return 5;
            }

            @Override
            public Schema byId(int id) {
                return Article.getClassSchema();
            }
        };
        ConfluentAvroSerde<Article> serde = new ConfluentAvroSerde<>(flaky, "news.articles.raw", Article.class);

        assertThatThrownBy(() -> serde.encode(Fixtures.article())).isInstanceOf(SchemaRegistryException.class);
        assertThat(ConfluentWireFormat.schemaId(serde.encode(Fixtures.article()))).isEqualTo(5);
    }
}
