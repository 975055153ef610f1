package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schema.Category;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CategoryEvaluationTest {

    /** Answers with the code written as the text, or nothing for "-". */
    private static final CategoryModel ECHO = new CategoryModel() {
        @Override
        public List<Category> classify(String title, String body, List<String> keywords) {
            return body.equals("-") ? List.of() : List.of(new Category(body, body, 1.0));
        }

        @Override
        public String version() {
            return "echo-1";
        }
    };

    private static final CategoryLabelMap LABELS = CategoryLabelMap.of(Map.of(
            "sport", List.of("medtop:15000000"),
            "economy", List.of("medtop:04000000", "medtop:20000344"),
            "tech", List.of("medtop:13000000")));

    private static final List<CategoryExample> ROWS = List.of(
            new CategoryExample("", "medtop:15000000", "sport"),    // right
            new CategoryExample("", "medtop:04000000", "sport"),    // wrong: counts against economy too
            new CategoryExample("", "medtop:20000344", "economy"),  // right: the label's second code
            new CategoryExample("", "-", "economy"),                // no category: wrong
            new CategoryExample("", "medtop:13000000", "tech"),     // right
            new CategoryExample("", "medtop:16000000", "tech"));    // wrong, and no label's code

    @Test
    void primaryCodeIsRightWhenItIsOneOfTheLabelsCodes() {
        CategoryEvaluation.Report report = CategoryEvaluation.evaluate(ECHO, ROWS, LABELS);
        assertThat(report.n()).isEqualTo(6);
        assertThat(report.accuracy()).isEqualTo(0.5);
        // sport: tp 1, fp 0, fn 1; economy: tp 1, fp 1, fn 1; tech: tp 1, fp 0, fn 1
        assertThat(report.perClassF1()).containsOnlyKeys("economy", "sport", "tech");
        assertThat(report.perClassF1().get("sport")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(report.perClassF1().get("economy")).isCloseTo(0.5, within(1e-9));
        assertThat(report.perClassF1().get("tech")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(report.macroF1()).isCloseTo((2.0 / 3 + 0.5 + 2.0 / 3) / 3, within(1e-9));
        assertThat(report.unclassified()).isEqualTo(1);
        assertThat(report.primaryOutsideMap()).containsExactly(Map.entry("medtop:16000000", 1));
        assertThat(report.model()).isEqualTo("echo-1");
    }

    @Test
    void jsonHasTheDocumentedFields() {
        ObjectNode json = CategoryEvaluation.evaluate(ECHO, ROWS, LABELS).toJson();
        assertThat(json.fieldNames()).toIterable().containsExactly("n", "accuracy", "macro_f1", "per_class_f1",
                "docs_per_second", "model", "unclassified", "primary_outside_map");
        assertThat(json.get("n").asInt()).isEqualTo(6);
        assertThat(json.get("macro_f1").asDouble()).isEqualTo(0.6111);
        assertThat(json.get("per_class_f1").get("economy").asDouble()).isEqualTo(0.5);
        assertThat(json.get("docs_per_second").asLong()).isPositive();
    }

    @Test
    void unmappableLabelFailsBeforeAnythingIsClassified() {
        List<CategoryExample> rows = List.of(new CategoryExample("", "medtop:15000000", "cricket"));
        assertThatThrownBy(() -> CategoryEvaluation.evaluate(ECHO, rows, LABELS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cricket'");
    }
}
