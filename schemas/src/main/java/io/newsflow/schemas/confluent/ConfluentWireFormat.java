package io.newsflow.schemas.confluent;

import io.newsflow.schemas.AvroTrust;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent schema-registry wire format: byte 0 is the magic byte {@code 0x0}, bytes 1 to 4 the
 * registry's schema id (big-endian int), then the Avro binary encoding of the record (no single-object
 * header). Knows nothing about registries: callers supply the id, or the writer schema the id names.
 * Stateless, thread-safe.
 */
public final class ConfluentWireFormat {

    /** First byte of every payload. */
    public static final byte MAGIC_BYTE = 0x0;

    /** Bytes before the Avro body: the magic byte and the 4-byte schema id. */
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    /**
     * Encodes {@code record} behind the header naming {@code schemaId}; a null record (a tombstone) stays null.
     *
     * @param schemaId id the registry gave the record's schema
     * @throws SerializationException when the record cannot be encoded (e.g. a required field is null)
     */
    public static byte[] encode(int schemaId, SpecificRecord record) {
        if (record == null) {
            return null;
        }
        Schema schema = record.getSchema();
        // The class's own model carries its logical-type conversions (Instant for timestamp-millis).
        SpecificData model = SpecificData.getForClass(record.getClass());
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(schema, model).write(record, encoder);
            encoder.flush();
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("cannot encode " + schema.getName() + " with schema id " + schemaId
                    + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * The schema id in a payload's header.
     *
     * @throws SerializationException when the payload is null, shorter than the header, or does not start
     *     with the magic byte
     */
    public static int schemaId(byte[] payload) {
        if (payload == null) {
            throw new SerializationException("no payload (null) to read a Confluent schema id from");
        }
        if (payload.length < HEADER_LENGTH) {
            throw new SerializationException("payload of " + payload.length + " bytes is too short for the Confluent "
                    + "wire format (magic byte 0x0, 4-byte schema id, Avro body)");
        }
        if (payload[0] != MAGIC_BYTE) {
            String hint = payload[0] == (byte) 0xC3 && payload[1] == 0x01
                    ? " (it looks like Avro single-object encoding, Newsflow's default format)" : "";
            throw new SerializationException(String.format(Locale.ROOT,
                    "payload starts with 0x%02X, not the Confluent magic byte 0x00%s", payload[0] & 0xFF, hint));
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }

    /**
     * Decodes a payload written with {@code writerSchema} (the schema its id names) into {@code type}'s current
     * schema, resolving differences the Avro way (fields added with defaults, removed fields skipped).
     *
     * @param type a generated record class
     * @throws SerializationException when the header is wrong, the body does not match the writer schema,
     *     or the writer schema cannot be resolved to {@code type}
     */
    public static <T> T decode(byte[] payload, Schema writerSchema, Class<T> type) {
        int id = schemaId(payload);
        // Avro 1.12 refuses to instantiate nested classes outside its trusted packages otherwise.
        AvroTrust.register();
        SpecificData model = SpecificData.getForClass(type);
        Schema readerSchema = model.getSchema(type);
        try {
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(payload, HEADER_LENGTH, payload.length - HEADER_LENGTH, null);
            T record = new SpecificDatumReader<T>(writerSchema, readerSchema, model).read(null, decoder);
            if (!decoder.isEnd()) {
                // Bytes left over mean the body was not written with this schema, even if it happened to parse.
                throw new SerializationException("schema id " + id + ": bytes left after the " + writerSchema.getName()
                        + " record; the body was not written with that schema");
            }
            return record;
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException
                 | NegativeArraySizeException e) {
            throw new SerializationException("not a readable " + type.getSimpleName() + " record written with schema id "
                    + id + " (" + writerSchema.getFullName() + "): " + e.getMessage(), e);
        }
    }
}
