package io.newsflow.schemas.confluent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The two tiny JSON payloads of the schema registry REST API, built and read by hand: the module has no
 * JSON library, and Avro's Jackson helpers are internal. The reader is a small but complete JSON parser,
 * so responses carrying more members than we need (version, references, guid ...) still parse.
 * Stateless, thread-safe.
 */
final class RegistryJson {

    private static final int MAX_ERROR_CHARS = 300;

    private RegistryJson() {
    }

    /** Body of {@code POST /subjects/{subject}/versions}: {@code {"schema":"<the schema as an escaped string>"}}. */
    static String registerRequest(Schema schema) {
        return "{\"schema\":" + quote(schema.toString()) + "}";
    }

    /** The {@code id} of a registration response such as {@code {"id":42}}. */
    static int parseId(String body) {
        Object id = object(body).get("id");
        if (!(id instanceof BigDecimal number)) {
            throw new IllegalArgumentException("no numeric \"id\" in " + abbreviate(body));
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("\"id\" is not an int in " + abbreviate(body), e);
        }
    }

    /** The schema text of {@code GET /schemas/ids/{id}}'s response {@code {"schema":"..."}}; Avro schemas only. */
    static String parseSchema(String body) {
        Map<String, Object> response = object(body);
        Object type = response.get("schemaType");
        // The registry omits schemaType for Avro; Protobuf and JSON Schema ids cannot be decoded here.
        if (type != null && !"AVRO".equals(type)) {
            throw new IllegalArgumentException("schema is of type " + type + ", not AVRO");
        }
        Object schema = response.get("schema");
        if (!(schema instanceof String text)) {
            throw new IllegalArgumentException("no \"schema\" string in " + abbreviate(body));
        }
        return text;
    }

    /**
     * What to say about an error response: the registry's {@code message} (and {@code error_code}) when the
     * body is its usual JSON, else the start of the body.
     */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try {
            Map<String, Object> error = object(body);
            Object message = error.get("message");
            Object code = error.get("error_code");
            if (message instanceof String text) {
                return code == null ? text : text + " (error_code " + code + ")";
            }
        } catch (IllegalArgumentException e) {
            // Not JSON (a proxy's HTML page, say): fall through to the raw text.
        }
        return abbreviate(body);
    }

    /** A JSON string literal for {@code s}. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Parses {@code json}, which must be one object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json) {
        Object value = parse(json);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, got " + abbreviate(json));
        }
        return (Map<String, Object>) value;
    }

    /**
     * Parses one JSON value: objects become maps (member order kept), arrays lists, numbers
     * {@link BigDecimal}, {@code null} null.
     */
    static Object parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("no JSON (null)");
        }
        Parser p = new Parser(json);
        p.space();
        Object value = p.value();
        p.space();
        if (p.pos != json.length()) {
            throw p.error("unexpected text after the value");
        }
        return value;
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "null" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_ERROR_CHARS ? oneLine : oneLine.substring(0, MAX_ERROR_CHARS) + "...";
    }

    /** Recursive-descent JSON reader over one string. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected character '" + c + "'");
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> members = new LinkedHashMap<>();
            pos++;
            space();
            if (peek() == '}') {
                pos++;
                return members;
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw error("expected a member name");
                }
                String name = string();
                space();
                expect(':');
                space();
                members.put(name, value());
                space();
                char c = next();
                if (c == '}') {
                    return members;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> array() {
            List<Object> items = new ArrayList<>();
            pos++;
            space();
            if (peek() == ']') {
                pos++;
                return items;
            }
            while (true) {
                space();
                items.add(value());
                space();
                char c = next();
                if (c == ']') {
                    return items;
                }
                if (c != ',') {
                    throw error("expected ',' or ']'");
                }
            }
        }

        private String string() {
            pos++;
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("truncated \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private BigDecimal number() {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            try {
                return new BigDecimal(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("bad number");
            }
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, pos)) {
                throw error("unexpected text");
            }
            pos += word.length();
            return value;
        }

        void space() {
            while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected '" + c + "'");
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("malformed JSON at offset " + pos + ": " + what + " in "
                    + abbreviate(s));
        }
    }
}
