package io.newsflow.schemas.confluent;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for a generated Avro class in the Confluent wire format, for deployments that run a schema
 * registry. Writing registers the class's schema under the topic's value subject
 * ({@code <topic>-value}, Confluent's TopicNameStrategy) on first use, then reuses the id. Reading looks up
 * the writer schema by the payload's id and resolves it to the current class, so records written by older
 * (or newer, compatible) schema versions read fine. A null payload (tombstone) stays null.
 *
 * <p>The subject comes from the topic given here, not from the topic Kafka passes per call: ids are global
 * in a registry, so the same id decodes on repartition and changelog topics, which then need no subjects
 * of their own.
 *
 * <p>Errors: a payload that is not readable throws {@link SerializationException}, including one whose id the
 * registry does not know; a registry that cannot be reached throws {@link SchemaRegistryException}, so a
 * handler can tell an outage from a poison record. Thread-safe when the client is.
 *
 * @param <T> the generated record class
 */
public final class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SchemaRegistryClient registry;
    private final String topic;
    private final Class<T> type;
    private final Schema writerSchema;
    // Lazily registered: constructing a serde must not need a reachable registry.
    private volatile Integer schemaId;

    /**
     * @param registry where schemas are registered and looked up
     * @param topic the topic whose value subject the writer schema is registered under
     * @param type the generated record class written and read
     */
    public ConfluentAvroSerde(SchemaRegistryClient registry, String topic, Class<T> type) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.type = Objects.requireNonNull(type, "type");
        this.writerSchema = SpecificData.getForClass(type).getSchema(type);
    }

    /** The value subject of {@code topic} under TopicNameStrategy: {@code <topic>-value}. */
    public static String valueSubject(String topic) {
        return topic + "-value";
    }

    /** The subject this serde registers its schema under. */
    public String subject() {
        return valueSubject(topic);
    }

    /** Encodes one record, registering the schema on first use; null stays null. */
    public byte[] encode(T record) {
        if (record == null) {
            return null;
        }
        return ConfluentWireFormat.encode(schemaId(), record);
    }

    /** Decodes one payload with the writer schema its id names; null stays null. */
    public T decode(byte[] payload) {
        if (payload == null) {
            return null;
        }
        int id = ConfluentWireFormat.schemaId(payload);
        Schema writer;
        try {
            writer = registry.byId(id);
        } catch (SchemaRegistryException e) {
            if (e.status() == 404) {
                // An id the registry never issued: the record itself is bad (or from another registry).
                throw new SerializationException("schema id " + id + " of a " + type.getSimpleName() + " record on "
                        + topic + " is unknown to the schema registry: " + e.getMessage(), e);
            }
            throw e;
        }
        return ConfluentWireFormat.decode(payload, writer, type);
    }

    private int schemaId() {
        Integer id = schemaId;
        if (id == null) {
            synchronized (this) {
                id = schemaId;
                if (id == null) {
                    id = registry.register(subject(), writerSchema);
                    schemaId = id;
                }
            }
        }
        return id;
    }

    @Override
    public Serializer<T> serializer() {
        return (ignoredTopic, data) -> encode(data);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (ignoredTopic, data) -> decode(data);
    }
}
