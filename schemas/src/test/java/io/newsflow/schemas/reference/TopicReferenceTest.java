package io.newsflow.schemas.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.FetchStatus;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.Trend;
import io.newsflow.schemas.Topics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicReferenceTest {

    /** docs/topics.md, resolved from the schemas module folder (Surefire's working directory). */
    private static final Path COMMITTED = Path.of(System.getProperty("basedir", ".")).resolve("../docs/topics.md")
            .normalize();

    @Test
    void committedReferenceIsCurrent() throws IOException {
        String expected = TopicReference.markdown();
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : null;

        assertThat(committed)
                .withFailMessage("docs/topics.md is stale: run %s (from the repository root)%s",
                        TopicReference.REGENERATE_COMMAND, firstDifference(expected, committed))
                .isEqualTo(expected);
    }

    @Test
    void everyFieldOfEverySchemaAppearsWithItsDoc() {
        String markdown = TopicReference.markdown();
        Map<String, Schema> named = new LinkedHashMap<>();
        for (Schema value : List.of(Article.getClassSchema(), FetchStatus.getClassSchema(),
                EnrichedArticle.getClassSchema(), AlertRule.getClassSchema(), KeywordAlert.getClassSchema(),
                Trend.getClassSchema())) {
            collect(value, named);
        }
        assertThat(named).containsKeys("Category", "Sentiment", "SentenceSentiment", "Entity", "Severity");

        for (Schema s : named.values()) {
            String section = section(markdown, s.getName());
            if (s.getType() == Schema.Type.ENUM) {
                s.getEnumSymbols().forEach(symbol -> assertThat(section).contains("`" + symbol + "`"));
                continue;
            }
            for (Schema.Field f : s.getFields()) {
                String row = section.lines().filter(l -> l.startsWith("| `" + f.name() + "` |")).findFirst()
                        .orElseThrow(() -> new AssertionError("no row for " + s.getName() + "." + f.name()));
                assertThat(row).as("%s.%s", s.getName(), f.name()).contains(TopicReference.cell(f.doc()));
            }
        }
    }

    @Test
    void everyTopicIsInTheTopicTable() {
        String markdown = TopicReference.markdown();
        for (String topic : Topics.DEFAULT.all()) {
            assertThat(markdown).contains("| `" + topic + "` |");
        }
        assertThat(markdown).contains("`__streams.errors.exception`", "`__streams.errors.message`",
                "`__streams.errors.stacktrace`", "`__streams.errors.topic`", "`__streams.errors.partition`",
                "`__streams.errors.offset`", "read_committed");
    }

    @Test
    void typesReadLikeTheSchema() {
        Schema category = EnrichedArticle.getClassSchema().getField("categories").schema();
        Schema timestamp = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));

        assertThat(TopicReference.type(Schema.create(Schema.Type.STRING))).isEqualTo("`string`");
        assertThat(TopicReference.type(timestamp)).isEqualTo("`long (timestamp-millis)`");
        assertThat(TopicReference.type(SchemaBuilder.unionOf().nullType().and().stringType().endUnion()))
                .isEqualTo("`string?`");
        assertThat(TopicReference.type(SchemaBuilder.array().items().stringType())).isEqualTo("`array<string>`");
        assertThat(TopicReference.type(category)).isEqualTo("`array<`[`Category`](#category)`>`");
        assertThat(TopicReference.type(SchemaBuilder.map().values().longType())).isEqualTo("`map<string, long>`");
        assertThat(TopicReference.type(SchemaBuilder.unionOf().intType().and().stringType().endUnion()))
                .isEqualTo("`int \\| string`");
        assertThat(TopicReference.type(AlertRule.getClassSchema().getField("severity").schema()))
                .isEqualTo("`enum `[`Severity`](#severity)` {LOW, MEDIUM, HIGH, CRITICAL}`");
    }

    @Test
    void eachRecordAndEnumIsDocumentedOnce() {
        String markdown = TopicReference.markdown();
        for (String name : TopicReference.schemaNames()) {
            assertThat(markdown.lines().filter(l -> l.equals("### " + name)).count()).as(name).isEqualTo(1);
        }
        assertThat(TopicReference.schemaNames()).containsSubsequence("Trend", "Category", "Sentiment",
                "SentenceSentiment", "Entity");
    }

    @Test
    void listedHeaderIsWhatSingleObjectEncodingWrites() throws IOException {
        Article article = Article.newBuilder().setId("a").setUrl("u").setCanonicalUrl("u").setSourceId("s")
                .setTitle("t").setBody("b").setFetchedAt(Instant.EPOCH).build();
        ByteBuffer encoded = article.toByteBuffer();
        StringBuilder first10 = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            first10.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02X", encoded.get(i)));
        }
        String header = TopicReference.header(SchemaNormalization.parsingFingerprint64(Article.getClassSchema()));

        assertThat(header).isEqualTo(first10.toString());
        assertThat(TopicReference.markdown()).contains("`" + header + "`");
    }

    @Test
    void findsSchemasByName() {
        assertThat(TopicReference.schema("Article")).contains(Article.getClassSchema());
        assertThat(TopicReference.schema("sentencesentiment")).isPresent();
        assertThat(TopicReference.schema("io.newsflow.schema.Severity")).isPresent();
        assertThat(TopicReference.schema("Nope")).isEmpty();
    }

    @Test
    void docTextCannotBreakTheTable() {
        assertThat(TopicReference.cell("a | b <title> 2 * 3\nnext")).isEqualTo("a \\| b \\<title> 2 \\* 3 next");
    }

    @Test
    void mainWritesTheReference(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("docs/topics.md");

        TopicReference.main(new String[] {target.toString()});

        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(TopicReference.markdown());
    }

    private static void collect(Schema s, Map<String, Schema> out) {
        switch (s.getType()) {
            case RECORD -> {
                if (out.putIfAbsent(s.getName(), s) == null) {
                    s.getFields().forEach(f -> collect(f.schema(), out));
                }
            }
            case ENUM -> out.putIfAbsent(s.getName(), s);
            case ARRAY -> collect(s.getElementType(), out);
            case MAP -> collect(s.getValueType(), out);
            case UNION -> s.getTypes().forEach(t -> collect(t, out));
            default -> { }
        }
    }

    /** The text under {@code ### name}, up to the next heading. */
    private static String section(String markdown, String name) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("#")) {
                inside = line.equals("### " + name);
            } else if (inside) {
                lines.add(line);
            }
        }
        assertThat(lines).as("section of %s", name).isNotEmpty();
        return String.join("\n", lines);
    }

    private static String firstDifference(String expected, String actual) {
        if (actual == null) {
            return "; " + COMMITTED + " does not exist";
        }
        List<String> want = expected.lines().toList();
        List<String> have = actual.lines().toList();
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            String w = i < want.size() ? want.get(i) : "(end of file)";
            String h = i < have.size() ? have.get(i) : "(end of file)";
            if (!w.equals(h)) {
                return "; first difference at line " + (i + 1) + ":\n  expected: " + w + "\n  committed: " + h;
            }
        }
        return "; the files differ in line endings or trailing newlines";
    }
}
