package io.newsflow.schemas;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Renders Avro records as plain JSON (one object, no union wrappers, timestamps as ISO-8601 strings)
 * for people reading topics, e.g. {@code newsflow tail}. Not a wire format. Stateless.
 */
public final class AvroJson {

    private AvroJson() {
    }

    /** JSON text of {@code value}: a record, collection, map, string, number, boolean, instant or null. */
    public static String toJson(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof IndexedRecord record) {
            out.append('{');
            boolean first = true;
            for (Schema.Field field : record.getSchema().getFields()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(field.name(), out);
                out.append(':');
                write(record.get(field.pos()), out);
            }
            out.append('}');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            double d = value instanceof Number n ? n.doubleValue() : 0;
            out.append(Double.isFinite(d) ? value.toString() : "null");
        } else if (value instanceof ByteBuffer bytes) {
            string(java.util.Base64.getEncoder().encodeToString(bytes.duplicate().array()), out);
        } else if (value instanceof Instant instant) {
            string(instant.toString(), out);
        } else {
            string(value.toString(), out);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
