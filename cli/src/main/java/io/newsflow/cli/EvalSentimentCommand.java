package io.newsflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.streams.enrich.SentimentAnalyzer;
import io.newsflow.streams.enrich.SentimentEval;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow eval sentiment --dataset FILE.jsonl [--model MODEL]}: scores the sentiment analyzer
 * on labelled sentences and prints one JSON object ({@link SentimentEval}): {@code n},
 * {@code pearson_r} over rows with a numeric {@code score}, {@code macro_f1} and {@code accuracy} over
 * rows with a {@code label} (negative, neutral, positive), per-class F1, {@code sentences_per_second}
 * (one thread's CPU time) and the model version. Rows with {@code from}/{@code to} offsets are scored as
 * the tone toward that target. The bundled model unless {@code --model} names one made by
 * {@code newsflow train sentiment}. No broker is involved.
 */
@Command(name = "sentiment",
        description = "Score the sentiment analyzer on labelled sentences (JSONL: text, score and/or label, "
                + "optional target from/to); prints one JSON object.")
final class EvalSentimentCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--dataset", paramLabel = "FILE", required = true,
            description = "JSON Lines, one sentence per line: text, and score (number) and/or label.")
    Path dataset;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "A model made by 'newsflow train sentiment'; default: the bundled model.")
    Path model;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(dataset)) {
            throw new IllegalArgumentException("--dataset " + dataset + " is not a file");
        }
        if (model != null && !Files.isRegularFile(model)) {
            throw new IllegalArgumentException("--model " + model + " is not a file");
        }
        SentimentAnalyzer analyzer = model == null ? SentimentAnalyzer.loadDefault() : SentimentAnalyzer.withModel(model);
        SentimentEval.Result result = SentimentEval.evaluate(analyzer, SentimentEval.readJsonl(dataset));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(JSON.writeValueAsString(result.toJson()));
        stdout.flush();
        return 0;
    }
}
