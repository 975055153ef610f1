package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.FetchStatus;
import io.newsflow.schema.FrontierUrl;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.OneViewRecord;
import io.newsflow.schema.Trend;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaHistoryTest {

    static Stream<Schema> currentSchemas() {
        return Stream.of(Article.getClassSchema(), EnrichedArticle.getClassSchema(), KeywordAlert.getClassSchema(),
                AlertRule.getClassSchema(), FetchStatus.getClassSchema(), Trend.getClassSchema(),
                FrontierUrl.getClassSchema(), OneViewRecord.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void newestKeptVersionIsTheCurrentSchema(Schema current) {
        List<Schema> versions = SchemaHistory.versions(current.getName());
        assertThat(versions).as("history of %s", current.getName()).isNotEmpty();
        Schema newest = versions.get(versions.size() - 1);
        assertThat(SchemaNormalization.parsingFingerprint64(newest))
                .as("%s changed: add its full schema as schemas/src/main/avro-history/%s/v%d.avsc",
                        current.getName(), current.getName(), versions.size() + 1)
                .isEqualTo(SchemaNormalization.parsingFingerprint64(current));
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void currentSchemaReadsEveryKeptVersion(Schema current) {
        for (Schema old : SchemaHistory.versions(current.getName())) {
            SchemaCompatibilityType result = SchemaCompatibility.checkReaderWriterCompatibility(current, old).getType();
            assertThat(result).as("%s current reads version written as %s", current.getName(), old).isEqualTo(
                    SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void eachVersionReadsThePreviousOne(Schema current) {
        List<Schema> versions = SchemaHistory.versions(current.getName());
        for (int i = 1; i < versions.size(); i++) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(versions.get(i), versions.get(i - 1)).getType())
                    .as("%s v%d reads v%d", current.getName(), i + 1, i)
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void everyFieldHasADoc(Schema current) {
        List<String> undocumented = new ArrayList<>();
        collectUndocumented(current, undocumented, new ArrayList<>());
        assertThat(undocumented).as("fields without a doc in %s", current.getName()).isEmpty();
    }

    private static void collectUndocumented(Schema schema, List<String> out, List<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.contains(schema.getFullName())) {
                    return;
                }
                seen.add(schema.getFullName());
                for (Schema.Field f : schema.getFields()) {
                    if (f.doc() == null || f.doc().isBlank()) {
                        out.add(schema.getName() + "." + f.name());
                    }
                    collectUndocumented(f.schema(), out, seen);
                }
            }
            case ARRAY -> collectUndocumented(schema.getElementType(), out, seen);
            case MAP -> collectUndocumented(schema.getValueType(), out, seen);
            case UNION -> schema.getTypes().forEach(t -> collectUndocumented(t, out, seen));
            default -> { }
        }
    }
}
