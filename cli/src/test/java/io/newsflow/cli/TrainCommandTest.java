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

class TrainCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainsOnTheTrainingShareAndEvalScoresTheHeldOutShare() throws Exception {
        Path model = dir.resolve("categories.bin");
        Result trained = run(new TrainCommand(), "categories", "--dataset", fixture("articles.jsonl"),
                "--label-map", fixture("labels.json"), "--out", model.toString(), "--holdout", "0.25", "--seed", "3",
                "--cutoff", "1");

        assertThat(trained.status()).as(trained.err()).isZero();
        assertThat(model).isRegularFile();
        JsonNode summary = trained.json();
        assertThat(summary.get("trained_on").asInt()).isEqualTo(18);
        assertThat(summary.get("held_out").asInt()).isEqualTo(6);
        assertThat(summary.get("algorithm").asText()).isEqualTo("NAIVE_BAYES");
        assertThat(summary.get("codes")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("medtop:04000000", "medtop:11000000", "medtop:15000000");

        Result eval = run(new EvalCategoriesCommand(), "--dataset", fixture("articles.jsonl"),
                "--label-map", fixture("labels.json"), "--model", model.toString(), "--holdout-of", "0.25", "--seed", "3");
        assertThat(eval.status()).as(eval.err()).isZero();
        JsonNode json = eval.json();
        assertThat(json.get("n").asInt()).isEqualTo(6);
        assertThat(json.get("model").asText()).isEqualTo(summary.get("model").asText());
        assertThat(json.get("per_class_f1").size()).isEqualTo(3);
    }

    @Test
    void otherAlgorithmsCanBeChosen() throws Exception {
        Path model = dir.resolve("maxent.bin");
        Result trained = run(new TrainCommand(), "categories", "--dataset", fixture("articles.jsonl"),
                "--label-map", fixture("labels.json"), "--out", model.toString(), "--algorithm", "MAXENT",
                "--iterations", "20", "--cutoff", "1");

        assertThat(trained.status()).as(trained.err()).isZero();
        assertThat(trained.json().get("model").asText()).startsWith("opennlp-doccat-maxent-");
        assertThat(trained.json().get("held_out").asInt()).isZero();
    }

    @Test
    void labelMissingFromTheMapIsRefusedBeforeTraining() throws Exception {
        Path labels = dir.resolve("partial.json");
        Files.writeString(labels, "{\"sport\": [\"medtop:15000000\"]}");
        Path model = dir.resolve("m.bin");
        Result result = run(new TrainCommand(), "categories", "--dataset", fixture("articles.jsonl"),
                "--label-map", labels.toString(), "--out", model.toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("labels 'business', 'politics' are not in the label map").contains("partial.json");
        assertThat(model).doesNotExist();
    }

    @Test
    void unknownAlgorithmIsAUsageError() {
        Result result = run(new TrainCommand(), "categories", "--dataset", fixture("articles.jsonl"),
                "--out", dir.resolve("m.bin").toString(), "--algorithm", "SVM");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("NAIVE_BAYES");
    }
}
