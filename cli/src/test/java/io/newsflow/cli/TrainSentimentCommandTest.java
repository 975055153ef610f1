package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainSentimentCommandTest {

    @TempDir
    Path dir;

    private static int run(Object command, StringWriter out, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void trainsAModelThatEvalCanUse() throws Exception {
        List<String> rows = new ArrayList<>();
        String[][] labelled = {
            {"The rescue was a great success.", "positive"}, {"Voters praised the excellent plan.", "positive"},
            {"Fans cheered a brilliant victory.", "positive"}, {"The attack killed dozens of people.", "negative"},
            {"Critics condemned the terrible failure.", "negative"}, {"Floods destroyed homes and farms.", "negative"},
            {"The committee meets on Tuesday.", "neutral"}, {"The report has twelve pages.", "neutral"},
            {"The train leaves at noon.", "neutral"}};
        for (String[] row : labelled) {
            rows.add("{\"text\": \"" + row[0] + "\", \"label\": \"" + row[1] + "\"}");
        }
        rows.add("{\"text\": \"Smith praised the plan while Jones attacked it.\", \"from\": 29, \"to\": 34, "
                + "\"label\": \"negative\"}");
        Path dataset = dir.resolve("train.jsonl");
        Files.write(dataset, rows, StandardCharsets.UTF_8);
        Path model = dir.resolve("sentiment.bin.gz");

        StringWriter trainOut = new StringWriter();
        assertThat(run(new TrainSentimentCommand(), trainOut, "--dataset", dataset.toString(), "--out", model.toString()))
                .isZero();
        JsonNode report = new ObjectMapper().readTree(trainOut.toString());
        assertThat(report.get("rows").asInt()).isEqualTo(10);
        assertThat(report.get("target_rows").asInt()).isEqualTo(1);
        assertThat(report.get("bytes").asLong()).isEqualTo(Files.size(model)).isPositive();
        assertThat(report.get("model").asText()).matches("news-lexicon-\\d+\\+maxent-[0-9a-f]{8}");

        StringWriter evalOut = new StringWriter();
        assertThat(run(new EvalSentimentCommand(), evalOut, "--dataset", dataset.toString(), "--model", model.toString()))
                .isZero();
        JsonNode figures = new ObjectMapper().readTree(evalOut.toString());
        assertThat(figures.get("model").asText()).isEqualTo(report.get("model").asText());
        assertThat(figures.get("labelled_rows").asInt()).isEqualTo(10);
    }

    @Test
    void crossValidatesOverSeveralDatasetsWithoutWritingAModel() throws Exception {
        List<String> labelled = new ArrayList<>();
        String[][] rows = {
            {"The rescue was a great success.", "positive"}, {"Voters praised the excellent plan.", "positive"},
            {"Fans cheered a brilliant victory.", "positive"}, {"The attack killed dozens of people.", "negative"},
            {"Critics condemned the terrible failure.", "negative"}, {"Floods destroyed homes and farms.", "negative"},
            {"The committee meets on Tuesday.", "neutral"}, {"The report has twelve pages.", "neutral"},
            {"The train leaves at noon.", "neutral"}};
        for (int i = 0; i < rows.length; i++) {
            labelled.add("{\"id\": \"doc-" + i + "_1\", \"text\": \"" + rows[i][0] + "\", \"label\": \"" + rows[i][1] + "\"}");
        }
        Path first = dir.resolve("labelled.jsonl");
        Files.write(first, labelled, StandardCharsets.UTF_8);
        Path second = dir.resolve("rated.jsonl");
        Files.write(second, List.of(
                "{\"id\": \"r-1_1\", \"text\": \"A wonderful success.\", \"score\": 2.5, \"ratings\": [3, 2, 2, 0]}",
                "{\"id\": \"r-2_1\", \"text\": \"A deadly failure.\", \"score\": -3.0, \"ratings\": [-3, -3, -2, 0]}",
                "{\"id\": \"r-3_1\", \"text\": \"It opens at nine.\", \"score\": 0.0, \"ratings\": [0, 0, 0, 1]}",
                "{\"id\": \"r-4_1\", \"text\": \"Floods killed dozens.\", \"score\": -2.0, \"ratings\": [-2, -1, -2, 0]}"),
                StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        assertThat(run(new TrainSentimentCommand(), out, "--dataset", first.toString(), "--dataset", second.toString(),
                "--cv", "2", "--seed", "3")).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode rated = new ObjectMapper().readTree(lines[1]);
        assertThat(rated.get("dataset").asText()).isEqualTo(second.toString());
        assertThat(rated.get("cross_validation").asText()).isEqualTo("out-of-fold, 2 folds by article, seed 3");
        assertThat(rated.get("scored_rows").asInt()).isEqualTo(4);
        assertThat(new ObjectMapper().readTree(lines[0]).get("labelled_rows").asInt()).isEqualTo(9);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".gz"))).isEmpty();
        }
    }

    @Test
    void outAndCvTogetherAreRefused() throws Exception {
        Path dataset = dir.resolve("one.jsonl");
        Files.writeString(dataset, "{\"text\": \"Good.\", \"label\": \"positive\"}\n");
        assertThat(run(new TrainSentimentCommand(), new StringWriter(), "--dataset", dataset.toString(),
                "--out", dir.resolve("m.bin.gz").toString(), "--cv", "2")).isNotZero();
        assertThat(run(new TrainSentimentCommand(), new StringWriter(), "--dataset", dataset.toString())).isNotZero();
    }

    @Test
    void aDatasetWithoutLabelsIsRefused() throws Exception {
        Path dataset = dir.resolve("unlabelled.jsonl");
        Files.writeString(dataset, "{\"text\": \"No label.\"}\n");
        int status = run(new TrainSentimentCommand(), new StringWriter(), "--dataset", dataset.toString(),
                "--out", dir.resolve("m.bin.gz").toString());
        assertThat(status).isNotZero();
        assertThat(Files.exists(dir.resolve("m.bin.gz"))).isFalse();
    }
}
