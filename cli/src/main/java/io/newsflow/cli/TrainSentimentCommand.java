package io.newsflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.streams.enrich.SentimentAnalyzer;
import io.newsflow.streams.enrich.SentimentTrainer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow train sentiment --dataset FILE.jsonl --out MODEL}: trains the sentiment model
 * (Apache OpenNLP maxent, {@link SentimentTrainer}) on labelled sentences, optionally with target
 * offsets as in NewsMTSC, writes it to {@code --out} and prints one JSON object: rows used, file size
 * and the version the model will report. The bundled model is this command's output on NewsMTSC's
 * training set (see BENCHMARKS.md); {@code newsflow eval sentiment --model MODEL} measures another.
 * No broker is involved.
 */
@Command(name = "sentiment",
        description = "Train the sentiment model (Apache OpenNLP) on labelled sentences (JSONL: text, label, "
                + "optional target from/to); prints one JSON object.")
final class TrainSentimentCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--dataset", paramLabel = "FILE", required = true,
            description = "JSON Lines, one sentence or target per line: text, label, optional from/to.")
    Path dataset;

    @Option(names = "--out", paramLabel = "MODEL", required = true, description = "Where to write the model file.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(dataset)) {
            throw new IllegalArgumentException("--dataset " + dataset + " is not a file");
        }
        List<SentimentTrainer.Example> examples = SentimentTrainer.readJsonl(dataset);
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("--dataset " + dataset + " has no rows labelled negative, neutral or positive");
        }
        try (OutputStream stream = Files.newOutputStream(out)) {
            new SentimentTrainer().train(examples, stream);
        }
        ObjectNode report = JSON.createObjectNode();
        report.put("rows", examples.size());
        report.put("target_rows", examples.stream().filter(SentimentTrainer.Example::hasTarget).count());
        report.put("out", out.toString());
        report.put("bytes", Files.size(out));
        report.put("model", SentimentAnalyzer.withModel(out).modelVersion());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(JSON.writeValueAsString(report));
        stdout.flush();
        return 0;
    }
}
