package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalSentimentCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new EvalSentimentCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsOneJsonObjectWithTheFigures() throws Exception {
        Path dataset = dir.resolve("sentences.jsonl");
        Files.writeString(dataset, String.join("\n",
                "{\"text\": \"Attacks spiralled, killing hundreds.\", \"score\": -3.1, \"label\": \"negative\"}",
                "{\"text\": \"The sanctions were lifted.\", \"score\": 1.2, \"label\": \"positive\"}",
                "{\"text\": \"The committee meets on Tuesday.\", \"score\": 0.0, \"label\": \"neutral\"}",
                "{\"text\": \"Smith was arrested for fraud in Ohio.\", \"from\": 0, \"to\": 5, \"label\": \"negative\"}"),
                StandardCharsets.UTF_8);

        assertThat(run("--dataset", dataset.toString())).isZero();

        String printed = out.toString().strip();
        assertThat(printed.lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(printed);
        assertThat(json.get("n").asInt()).isEqualTo(4);
        assertThat(json.get("scored_rows").asInt()).isEqualTo(3);
        assertThat(json.get("labelled_rows").asInt()).isEqualTo(4);
        assertThat(json.get("pearson_r").isNumber()).isTrue();
        assertThat(json.get("macro_f1").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("sentences_per_second").asLong()).isPositive();
        assertThat(json.get("model").asText()).startsWith("news-lexicon-");
    }

    @Test
    void missingDatasetIsAUsageError() {
        int status = run("--dataset", dir.resolve("nope.jsonl").toString());
        assertThat(status).isNotZero();
        assertThat(err.toString()).contains("nope.jsonl");
        assertThat(out.toString()).isEmpty();
    }
}
