package io.newsflow.schemas.reference;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.FetchStatus;
import io.newsflow.schema.FrontierUrl;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.Trend;
import io.newsflow.schemas.AvroJson;
import io.newsflow.schemas.SchemaHistory;
import io.newsflow.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Renders the topic and record reference, {@code docs/topics.md}: every topic of {@link Topics} with its
 * key and value, then every record and enum reachable from the value schemas, field by field, straight
 * from the generated classes' schemas, so the reference cannot drift from the {@code .avsc} files.
 * The output is deterministic (topic, schema and field order; no dates), and {@code TopicReferenceTest}
 * fails when the committed file differs. Regenerate it from the repository root with
 * <pre>{@value #REGENERATE_COMMAND}</pre>
 * or, once the command is registered, {@code ./newsflow schemas --out docs/topics.md}.
 * Stateless, thread-safe.
 */
public final class TopicReference {

    /** Command, run from the repository root, that rewrites {@code docs/topics.md}. */
    public static final String REGENERATE_COMMAND = "mvn -q -B -pl schemas compile exec:java "
            + "-Dexec.mainClass=io.newsflow.schemas.reference.TopicReference";

    /** Where {@link #main} writes when given no path (relative to the working directory). */
    public static final String DEFAULT_OUTPUT = "docs/topics.md";

    /**
     * Headers Kafka Streams puts on each dead-letter record (values are UTF-8 strings). Kept here rather
     * than read from {@code ExceptionHandlerUtils}: that class is internal to kafka-streams, which this
     * module does not depend on.
     */
    private static final List<String[]> DLQ_HEADERS = List.of(
            new String[] {"__streams.errors.exception", "fully qualified class name of the exception"},
            new String[] {"__streams.errors.message", "the exception's message"},
            new String[] {"__streams.errors.stacktrace", "the exception's stack trace"},
            new String[] {"__streams.errors.topic", "topic the original record was read from"},
            new String[] {"__streams.errors.partition", "its partition, as a decimal number"},
            new String[] {"__streams.errors.offset", "its offset, as a decimal number"});

    private TopicReference() {
    }

    /** One row of the topic table; {@code value} is null for topics that do not carry Avro values. */
    private record TopicEntry(String name, String key, Schema value, String notes) {
    }

    /** The whole reference as Markdown, lines ending in {@code \n}. */
    public static String markdown() {
        List<TopicEntry> topics = topics();
        Catalog catalog = catalog(topics);
        StringBuilder out = new StringBuilder();
        intro(out);
        topicTable(out, topics);
        deadLetters(out);
        out.append("## Records\n\n")
                .append("Value records first, in topic order, then the records nested in them, each once.\n\n");
        for (Schema record : catalog.records) {
            record(out, record, topics, catalog);
        }
        out.append("## Enums\n\n")
                .append("A reader that meets a symbol its version of the enum does not have (written by a newer ")
                .append("schema) reads the enum's default instead.\n\n");
        for (Schema e : catalog.enums) {
            enumSection(out, e, catalog);
        }
        return out.toString();
    }

    /**
     * The named record or enum schema reachable from a topic's value, e.g. {@code Article} or {@code Category}.
     *
     * @param name simple name (case-sensitive first, then ignoring case) or full name
     */
    public static Optional<Schema> schema(String name) {
        Catalog catalog = catalog();
        List<Schema> all = new ArrayList<>(catalog.records);
        all.addAll(catalog.enums);
        for (Schema s : all) {
            if (s.getName().equals(name) || s.getFullName().equals(name)) {
                return Optional.of(s);
            }
        }
        return all.stream().filter(s -> s.getName().equalsIgnoreCase(name)).findFirst();
    }

    /** Simple names of every record and enum in the reference, in the order they are documented. */
    public static List<String> schemaNames() {
        List<String> names = new ArrayList<>();
        Catalog catalog = catalog();
        catalog.records.forEach(s -> names.add(s.getName()));
        catalog.enums.forEach(s -> names.add(s.getName()));
        return names;
    }

    /**
     * Writes the reference to {@code args[0]}, default {@value #DEFAULT_OUTPUT}, creating the folder if needed.
     *
     * @param args optional output path
     */
    public static void main(String[] args) {
        Path target = Path.of(args.length > 0 ? args[0] : DEFAULT_OUTPUT);
        write(target);
        System.out.println("wrote " + target.toAbsolutePath().normalize());
    }

    /** Writes {@link #markdown()} to {@code target} (UTF-8), creating its folder if needed. */
    public static void write(Path target) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(target, markdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the topic reference to " + target, e);
        }
    }

    private static Catalog catalog() {
        return catalog(topics());
    }

    private static Catalog catalog(List<TopicEntry> topics) {
        return Catalog.of(topics.stream().map(TopicEntry::value).filter(Objects::nonNull).toList());
    }

    /** Every topic with its key and value, in {@link Topics#all()} order; fails if one is missing here. */
    private static List<TopicEntry> topics() {
        Topics t = Topics.DEFAULT;
        Map<String, TopicEntry> byName = new LinkedHashMap<>();
        for (TopicEntry e : List.of(
                new TopicEntry(t.articlesRaw(), "article id", Article.getClassSchema(),
                        "articles as extracted by the producer; article id = first 32 hex digits of SHA-256 of the "
                                + "canonical URL"),
                new TopicEntry(t.frontier(), "host", FrontierUrl.getClassSchema(),
                        "URLs waiting to be fetched; the crawler instances of one consumer group split the hosts"),
                new TopicEntry(t.fetchStatus(), "URL", FetchStatus.getClassSchema(),
                        "one record per URL the producer considered, whatever happened to it"),
                new TopicEntry(t.articlesEnriched(), "article id", EnrichedArticle.getClassSchema(),
                        "deduplicated and enriched articles; each article id once"),
                new TopicEntry(t.alertRules(), "rule id", AlertRule.getClassSchema(),
                        "compacted, one partition; a tombstone (null value) deletes the rule"),
                new TopicEntry(t.alerts(), "rule id", KeywordAlert.getClassSchema(),
                        "one alert rule matching one article, grouped per rule and story"),
                new TopicEntry(t.trends(), "dimension:term, e.g. CATEGORY:medtop:11000000", Trend.getClassSchema(),
                        "windowed counts with spike flags"),
                new TopicEntry(t.articlesFlat(), "article id", null,
                        "the enriched articles flattened for Kafka Connect sinks: JSON with an embedded schema "
                                + "(JsonConverter, schemas.enable=true), primitive columns only; see docs/kafka-connect.md"),
                new TopicEntry(t.alertsFlat(), "alert id", null,
                        "the alerts flattened the same way, for Kafka Connect sinks; see docs/kafka-connect.md"),
                new TopicEntry(t.deadLetters(), "original key bytes", null,
                        "original value bytes of records the streams app could not read or enrich, with cause "
                                + "headers ([below](#dead-letters))"))) {
            byName.put(e.name(), e);
        }
        List<TopicEntry> ordered = new ArrayList<>();
        for (String name : t.all()) {
            TopicEntry e = byName.get(name);
            if (e == null) {
                // A topic added to Topics must be documented: fail loudly instead of omitting it.
                throw new IllegalStateException("topic " + name + " is in Topics.all() but has no entry in "
                        + TopicReference.class.getName() + ".topics()");
            }
            ordered.add(e);
        }
        return ordered;
    }

    private static void intro(StringBuilder out) {
        out.append("# Newsflow topics and records\n\n")
                .append("<!-- Generated from the Avro schemas and io.newsflow.schemas.Topics by ")
                .append(TopicReference.class.getName()).append(". Do not edit by hand: regenerate with ")
                .append(REGENERATE_COMMAND).append(" (from the repository root). -->\n\n")
                .append("Every topic Newsflow writes, its key and value, and every record field with its type, ")
                .append("default and meaning. The field docs come from `schemas/src/main/avro/*.avsc`; ")
                .append("`schemas/src/main/avro-history/` keeps every released version of each schema.\n\n")
                .append("## Reading the topics\n\n")
                .append("- **Names**: the names below carry no prefix; a deployment's `topic.prefix` is put in front ")
                .append("of every one.\n")
                .append("- **Keys** are UTF-8 strings (Kafka's `StringSerializer`).\n")
                .append("- **Values** are Avro, written with Avro's [single-object encoding]")
                .append("(https://avro.apache.org/docs/1.12.0/specification/#single-object-encoding): the two bytes ")
                .append("`C3 01`, then the 8-byte CRC-64-AVRO fingerprint of the writer schema (little-endian), then ")
                .append("the Avro binary encoding of the record. Each record table below lists the header of every ")
                .append("kept version, so a reader can tell which schema wrote a record. A null value is a tombstone.\n")
                .append("- **Decoding**: in Java, `io.newsflow.schemas.AvroSerde.of(Article.class)` (any value ")
                .append("class) reads every kept version and resolves it to the current class; ")
                .append("`newsflow tail TOPIC` prints records as JSON lines. Elsewhere: find the writer schema whose ")
                .append("fingerprint is the 8 bytes after the marker (`newsflow schemas --avsc NAME` prints the current one, the ")
                .append("history folder holds the rest), decode the body from byte 10 with it, and let Avro ")
                .append("resolve it to your reader schema.\n")
                .append("- **Transactions**: the streams app writes with `processing.guarantee=exactly_once_v2`; read ")
                .append("its output topics with `isolation.level=read_committed`, or records of aborted transactions ")
                .append("show up too.\n")
                .append("- **Schema registry**: a Confluent-compatible wire format (magic byte, 4-byte schema id) is ")
                .append("an option for deployments that run a schema registry; see ")
                .append("[schema-registry.md](schema-registry.md).\n\n")
                .append("Type notation: `T?` is the union `null | T` (null when absent); `array<T>`; `map<string, T>` ")
                .append("(Avro map keys are always strings); `long (timestamp-millis)` is UTC epoch milliseconds; ")
                .append("`enum Name {A, B}` lists the symbols; a linked name is a record or enum documented below. ")
                .append("A field whose default is *required* has none: every writer must set it, and a reader ")
                .append("cannot fill it in for records written before the field existed.\n\n");
    }

    private static void topicTable(StringBuilder out, List<TopicEntry> topics) {
        out.append("## Topics\n\n")
                .append("| topic | key | value | notes |\n")
                .append("| --- | --- | --- | --- |\n");
        for (TopicEntry e : topics) {
            String value = e.value() == null ? "original bytes" : link(e.value().getName());
            out.append("| `").append(e.name()).append("` | ").append(cell(e.key())).append(" | ").append(value)
                    .append(" | ").append(e.notes()).append(" |\n");
        }
        out.append('\n');
    }

    private static void deadLetters(StringBuilder out) {
        out.append("## Dead letters\n\n")
                .append("`").append(Topics.DEFAULT.deadLetters()).append("` holds records the streams app could not ")
                .append("deserialize and articles an enricher failed on, written by Kafka Streams' dead-letter ")
                .append("support. Key and value are the bytes of the original record as read from its input topic ")
                .append("(not re-encoded), so they decode as that topic's key and value do. The original record's ")
                .append("headers are kept, and these are added, each a UTF-8 string:\n\n")
                .append("| header | value |\n")
                .append("| --- | --- |\n");
        for (String[] h : DLQ_HEADERS) {
            out.append("| `").append(h[0]).append("` | ").append(h[1]).append(" |\n");
        }
        out.append('\n');
    }

    private static void record(StringBuilder out, Schema record, List<TopicEntry> topics, Catalog catalog) {
        out.append("### ").append(record.getName()).append("\n\n");
        if (record.getDoc() != null) {
            out.append(cell(record.getDoc())).append("\n\n");
        }
        List<String> carriedBy = topics.stream().filter(t -> t.value() != null
                && t.value().getFullName().equals(record.getFullName())).map(t -> "`" + t.name() + "`").toList();
        StringBuilder where = new StringBuilder();
        if (!carriedBy.isEmpty()) {
            where.append("Value of ").append(String.join(", ", carriedBy)).append(". ");
        }
        usedIn(where, record, catalog);
        if (where.length() > 0) {
            out.append(where.toString().strip()).append("\n\n");
        }
        List<Schema> versions = SchemaHistory.versions(record.getName());
        if (!carriedBy.isEmpty() && !versions.isEmpty()) {
            versions(out, record, versions);
        }
        out.append("| field | type | default | doc |\n")
                .append("| --- | --- | --- | --- |\n");
        for (Schema.Field f : record.getFields()) {
            out.append("| `").append(f.name()).append("` | ").append(type(f.schema())).append(" | ")
                    .append(defaultValue(f)).append(" | ").append(f.doc() == null ? "" : cell(f.doc())).append(" |\n");
        }
        out.append('\n');
    }

    private static void versions(StringBuilder out, Schema current, List<Schema> versions) {
        long currentFingerprint = SchemaNormalization.parsingFingerprint64(current);
        out.append("| version | single-object header (hex) |\n")
                .append("| --- | --- |\n");
        boolean currentKept = false;
        for (int i = 0; i < versions.size(); i++) {
            long fp = SchemaNormalization.parsingFingerprint64(versions.get(i));
            boolean isCurrent = fp == currentFingerprint;
            currentKept |= isCurrent;
            out.append("| v").append(i + 1).append(isCurrent ? " (current)" : "").append(" | `")
                    .append(header(fp)).append("` |\n");
        }
        if (!currentKept) {
            // The .avsc changed but its history entry was not added yet; SchemaHistoryTest reports that.
            out.append("| current (not yet in the history) | `").append(header(currentFingerprint)).append("` |\n");
        }
        out.append('\n');
    }

    /** The 10 bytes a single-object encoded record starts with: marker C3 01, fingerprint little-endian. */
    static String header(long fingerprint) {
        StringBuilder hex = new StringBuilder("C3 01");
        for (int i = 0; i < 8; i++) {
            hex.append(String.format(Locale.ROOT, " %02X", (fingerprint >>> (8 * i)) & 0xFF));
        }
        return hex.toString();
    }

    private static void enumSection(StringBuilder out, Schema e, Catalog catalog) {
        out.append("### ").append(e.getName()).append("\n\n");
        if (e.getDoc() != null) {
            out.append(cell(e.getDoc())).append(' ');
        }
        out.append("Symbols: ");
        out.append(String.join(", ", e.getEnumSymbols().stream().map(s -> "`" + s + "`").toList())).append(".");
        if (e.getEnumDefault() != null) {
            out.append(" Unknown symbols read as `").append(e.getEnumDefault()).append("`.");
        }
        out.append(' ');
        usedIn(out, e, catalog);
        out.append("\n\n");
    }

    private static void usedIn(StringBuilder out, Schema named, Catalog catalog) {
        List<String> uses = catalog.uses.getOrDefault(named.getFullName(), List.of());
        if (!uses.isEmpty()) {
            out.append("Used in ").append(String.join(", ", uses)).append('.');
        }
    }

    /** A field type as Markdown: code spans, with record and enum names linked to their sections. */
    static String type(Schema schema) {
        List<Object> pieces = new ArrayList<>();
        typePieces(schema, pieces);
        StringBuilder out = new StringBuilder();
        StringBuilder code = new StringBuilder();
        for (Object piece : pieces) {
            if (piece instanceof String text) {
                code.append(text);
            } else {
                flushCode(code, out);
                out.append(link(((Link) piece).name()));
            }
        }
        flushCode(code, out);
        return out.toString();
    }

    /** A reference to a named type inside a rendered type. */
    private record Link(String name) {
    }

    private static void flushCode(StringBuilder code, StringBuilder out) {
        if (code.length() > 0) {
            // Inside a table even a code span needs its pipes escaped.
            out.append('`').append(code.toString().replace("|", "\\|")).append('`');
            code.setLength(0);
        }
    }

    private static void typePieces(Schema s, List<Object> out) {
        switch (s.getType()) {
            case RECORD -> out.add(new Link(s.getName()));
            case ENUM -> {
                out.add("enum ");
                out.add(new Link(s.getName()));
                out.add(" {" + String.join(", ", s.getEnumSymbols()) + "}");
            }
            case FIXED -> out.add("fixed " + s.getName() + "(" + s.getFixedSize() + ")" + logical(s));
            case ARRAY -> {
                out.add("array<");
                typePieces(s.getElementType(), out);
                out.add(">");
            }
            case MAP -> {
                out.add("map<string, ");
                typePieces(s.getValueType(), out);
                out.add(">");
            }
            case UNION -> {
                List<Schema> types = s.getTypes();
                List<Schema> nonNull = types.stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
                if (types.size() == 2 && nonNull.size() == 1) {
                    typePieces(nonNull.get(0), out);
                    out.add("?");
                } else {
                    for (int i = 0; i < types.size(); i++) {
                        if (i > 0) {
                            out.add(" | ");
                        }
                        typePieces(types.get(i), out);
                    }
                }
            }
            default -> out.add(s.getType().getName() + logical(s));
        }
    }

    private static String logical(Schema s) {
        LogicalType logical = s.getLogicalType();
        if (logical == null) {
            return "";
        }
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return " (decimal(" + decimal.getPrecision() + ", " + decimal.getScale() + "))";
        }
        return " (" + logical.getName() + ")";
    }

    private static String defaultValue(Schema.Field f) {
        if (!f.hasDefaultValue()) {
            return "*required*";
        }
        Object value = f.defaultVal();
        String json;
        if (value == JsonProperties.NULL_VALUE) {
            json = "null";
        } else if (value instanceof byte[] bytes) {
            // Avro writes bytes defaults as a string of code points 0-255.
            json = AvroJson.toJson(new String(bytes, StandardCharsets.ISO_8859_1));
        } else {
            json = AvroJson.toJson(value);
        }
        return "`" + json.replace("|", "\\|") + "`";
    }

    private static String link(String name) {
        return "[`" + name + "`](#" + name.toLowerCase(Locale.ROOT) + ")";
    }

    /**
     * Text for a table cell or paragraph: one line, and the characters Markdown would take as markup escaped
     * (docs mention HTML tags such as {@code <title>}, which a renderer would otherwise swallow).
     */
    static String cell(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.replaceAll("\\s*\\R\\s*", " ").strip().toCharArray()) {
            if (c == '\\' || c == '|' || c == '<' || c == '*' || c == '`') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Every record and enum reachable from the value schemas, each once: value records in topic order,
     * then nested records and all enums in depth-first order of first appearance; plus where each is used.
     */
    private static final class Catalog {
        final List<Schema> records = new ArrayList<>();
        final List<Schema> enums = new ArrayList<>();
        final Map<String, List<String>> uses = new LinkedHashMap<>();

        static Catalog of(List<Schema> values) {
            Catalog c = new Catalog();
            // Value records first, so that Article is documented with the topics, not as a nested record.
            for (Schema v : values) {
                if (c.records.stream().noneMatch(r -> r.getFullName().equals(v.getFullName()))) {
                    c.records.add(v);
                }
            }
            for (Schema v : values) {
                c.fields(v);
            }
            return c;
        }

        private void fields(Schema record) {
            for (Schema.Field f : record.getFields()) {
                visit(f.schema(), link(record.getName()) + ".`" + f.name() + "`");
            }
        }

        private void visit(Schema s, String usedAt) {
            switch (s.getType()) {
                case RECORD, ENUM -> {
                    uses.computeIfAbsent(s.getFullName(), k -> new ArrayList<>()).add(usedAt);
                    List<Schema> list = s.getType() == Schema.Type.RECORD ? records : enums;
                    if (list.stream().noneMatch(r -> r.getFullName().equals(s.getFullName()))) {
                        list.add(s);
                        if (s.getType() == Schema.Type.RECORD) {
                            // Depth first, so a nested record's own nested records follow it directly.
                            fields(s);
                        }
                    }
                }
                case ARRAY -> visit(s.getElementType(), usedAt);
                case MAP -> visit(s.getValueType(), usedAt);
                case UNION -> s.getTypes().forEach(t -> visit(t, usedAt));
                default -> { }
            }
        }
    }
}
