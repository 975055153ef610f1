package io.newsflow.cli;

import static io.newsflow.cli.CategoryCommandRunner.fixture;
import static io.newsflow.cli.CategoryCommandRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.cli.CategoryCommandRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCategoriesCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsOneJsonObjectWithTheFiguresForTheDefaultModel() throws Exception {
        Result result = run(new EvalCategoriesCommand(), "--dataset", fixture("articles.jsonl"),
                "--label-map", fixture("labels.json"));

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out().strip().lines()).hasSize(1);
        JsonNode json = result.json();
        assertThat(json.get("n").asInt()).isEqualTo(24);
        assertThat(json.get("per_class_f1").fieldNames()).toIterable().containsExactly("business", "politics", "sport");
        assertThat(json.get("accuracy").asDouble()).isBetween(0.0, 1.0);
        // The bundled term lists know these hand-written headlines' vocabulary well.
        assertThat(json.get("macro_f1").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(json.get("docs_per_second").asLong()).isPositive();
        assertThat(json.get("model").asText()).startsWith("iptc-terms-");
    }

    @Test
    void labelsThatAreNotCodesNeedALabelMap() {
        Result result = run(new EvalCategoriesCommand(), "--dataset", fixture("articles.jsonl"));

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("'business', 'politics', 'sport' are not IPTC Media Topic codes")
                .contains("--label-map");
    }

    @Test
    void datasetWhoseLabelsAreCodesNeedsNoMap() throws Exception {
        Path dataset = dir.resolve("coded.jsonl");
        Files.writeString(dataset, """
                {"title": "Cup final", "text": "The striker scored twice as the champions won the cup final.", "label": "medtop:15000000"}
                {"title": "Rates held", "text": "The central bank held interest rates as inflation eased.", "label": "medtop:04000000"}
                """);
        Result result = run(new EvalCategoriesCommand(), "--dataset", dataset.toString());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.json().get("per_class_f1").fieldNames()).toIterable()
                .containsExactly("medtop:04000000", "medtop:15000000");
    }

    @Test
    void holdoutOfEvaluatesOnlyTheHeldOutShare() throws Exception {
        Result result = run(new EvalCategoriesCommand(), "--dataset", fixture("articles.jsonl"),
                "--label-map", fixture("labels.json"), "--holdout-of", "0.25", "--seed", "3");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.json().get("n").asInt()).isEqualTo(6); // 2 of each label's 8
    }

    @Test
    void seedWithoutHoldoutIsRefused() {
        Result result = run(new EvalCategoriesCommand(), "--dataset", fixture("articles.jsonl"),
                "--label-map", fixture("labels.json"), "--seed", "3");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("--seed only applies with --holdout-of");
    }

    @Test
    void modelThatIsNotAModelFileIsRefused() throws Exception {
        Path notModel = dir.resolve("model.bin");
        Files.writeString(notModel, "{}");
        Result result = run(new EvalCategoriesCommand(), "--dataset", fixture("articles.jsonl"),
                "--label-map", fixture("labels.json"), "--model", notModel.toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("model.bin is not an OpenNLP document categorizer model");
    }
}
