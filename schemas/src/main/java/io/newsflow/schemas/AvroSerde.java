package io.newsflow.schemas;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for a generated Avro class using Avro single-object encoding (2-byte marker, 8-byte
 * schema fingerprint, binary body). Records written with any version kept in {@link SchemaHistory}
 * are read and resolved to the current class. A null payload (tombstone) reads as null.
 * Thread-safe: Avro's encoders and decoders are.
 *
 * @param <T> the generated record class
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    /** A serde for {@code type} that also reads every version kept in the schema history. */
    public AvroSerde(Class<T> type) {
        this(type, SchemaHistory.versions(type.getSimpleName()));
    }

    /** A serde for {@code type} that also reads records written with {@code olderVersions}. */
    public AvroSerde(Class<T> type, Collection<Schema> olderVersions) {
        AvroTrust.register();
        this.type = type;
        SpecificData model = SpecificData.getForClass(type);
        Schema current = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, current);
        this.decoder = new BinaryMessageDecoder<>(model, current);
        olderVersions.forEach(decoder::addSchema);
    }

    /** Shorthand for {@code new AvroSerde<>(type)}. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type);
    }

    /** Encodes one record; null stays null (a tombstone). */
    public byte[] encode(T record) {
        if (record == null) {
            return null;
        }
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Decodes one record; null stays null. Throws {@link SerializationException} naming the cause. */
    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException e) {
            throw new SerializationException("not a readable " + type.getSimpleName()
                    + " record (expected Avro single-object encoding of a known schema version): " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> encode(data);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> decode(data);
    }
}
