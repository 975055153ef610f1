package io.newsflow.streams.flat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Builds one Kafka Connect JSON envelope, {@code {"schema": {"type": "struct", ...}, "payload": {...}}},
 * column by column: each call declares a field in the schema and sets its value in the payload, so the
 * two cannot drift apart. Whether a column is optional is fixed by the method called, never by the
 * value, so every record of a topic carries the same schema (a JDBC sink creates its table from the
 * first one). Not thread-safe; one instance per record.
 */
final class ConnectEnvelope {

    /** Connect's logical type for a timestamp: int64 epoch millis on the wire, a TIMESTAMP column in SQL. */
    static final String TIMESTAMP = "org.apache.kafka.connect.data.Timestamp";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode schema = NODES.objectNode();
    private final ArrayNode fields;
    private final ObjectNode payload = NODES.objectNode();

    ConnectEnvelope(String structName) {
        schema.put("type", "struct");
        schema.put("name", structName);
        schema.put("optional", false);
        fields = schema.putArray("fields");
    }

    ConnectEnvelope string(String name, String value) {
        declare(name, "string", false);
        payload.put(name, requireValue(name, value));
        return this;
    }

    ConnectEnvelope optionalString(String name, String value) {
        declare(name, "string", true);
        payload.put(name, value);
        return this;
    }

    ConnectEnvelope int32(String name, int value) {
        declare(name, "int32", false);
        payload.put(name, value);
        return this;
    }

    ConnectEnvelope float64(String name, double value) {
        declare(name, "double", false);
        // JSON has no NaN or infinity, and one unreadable record stops a sink task. Our scores are
        // finite by construction; should a bug ever produce NaN, a neutral 0 keeps the row loadable.
        payload.put(name, Double.isFinite(value) ? value : 0.0);
        return this;
    }

    ConnectEnvelope timestamp(String name, Instant value) {
        declare(name, "int64", false).put("name", TIMESTAMP).put("version", 1);
        payload.put(name, requireValue(name, value).toEpochMilli());
        return this;
    }

    ConnectEnvelope optionalTimestamp(String name, Instant value) {
        declare(name, "int64", true).put("name", TIMESTAMP).put("version", 1);
        if (value == null) {
            payload.putNull(name);
        } else {
            payload.put(name, value.toEpochMilli());
        }
        return this;
    }

    /** A nested value as JSON text (a {@code string} column), e.g. {@code ["a","b"]}. */
    ConnectEnvelope json(String name, JsonNode value, ObjectMapper mapper) {
        declare(name, "string", false);
        try {
            payload.put(name, mapper.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // A tree of plain nodes always serialises; reaching this is a Jackson bug.
            throw new IllegalStateException("cannot write column " + name + " as JSON", e);
        }
        return this;
    }

    ObjectNode toJson() {
        ObjectNode envelope = NODES.objectNode();
        envelope.set("schema", schema);
        envelope.set("payload", payload);
        return envelope;
    }

    private ObjectNode declare(String name, String type, boolean optional) {
        ObjectNode field = fields.addObject();
        field.put("field", name);
        field.put("type", type);
        field.put("optional", optional);
        return field;
    }

    private static <T> T requireValue(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException("column " + name + " is not optional but the record has no value for it");
        }
        return value;
    }
}
