package io.newsflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.streams.enrich.SentimentAnalyzer;
import io.newsflow.streams.enrich.SentimentEval;
import io.newsflow.streams.enrich.SentimentTrainer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow train sentiment --dataset FILE.jsonl [--dataset FILE2.jsonl] --out MODEL}: trains the sentiment model
 * (Apache OpenNLP maxent, {@link SentimentTrainer}) on labelled sentences, optionally with target
 * offsets as in NewsMTSC, writes it to {@code --out} and prints one JSON object: rows used, file size
 * and the version the model will report. The bundled model is this command's output on NewsMTSC's
 * training set (see BENCHMARKS.md); {@code newsflow eval sentiment --model MODEL} measures another.
 * With {@code --cv K [--seed S]} instead of {@code --out}, it cross-validates over the datasets and
 * prints each dataset's out-of-fold figures ({@link SentimentTrainer#crossValidate}). No broker is involved.
 */
@Command(name = "sentiment",
        description = "Train the sentiment model (Apache OpenNLP) on labelled sentences (JSONL: text, label, "
                + "optional target from/to); prints one JSON object.")
final class TrainSentimentCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--dataset", paramLabel = "FILE", required = true,
            description = "JSON Lines, one sentence or target per line: text, label, optional from/to, optional "
                    + "ratings (individual human ratings, as in VADER's NYT snippets). Repeat to train on several.")
    List<Path> datasets;

    @Option(names = "--out", paramLabel = "MODEL", description = "Where to write the model file.")
    Path out;

    @Option(names = "--cv", paramLabel = "K",
            description = "Instead of writing a model: K-fold cross-validation (folds by article) over the datasets "
                    + "together; prints one JSON line of out-of-fold figures per dataset.")
    Integer cv;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the fold assignment for --cv.")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if ((out == null) == (cv == null)) {
            throw new IllegalArgumentException("give either --out MODEL or --cv K");
        }
        List<List<SentimentEval.Row>> rows = new ArrayList<>();
        List<SentimentTrainer.Example> examples = new ArrayList<>();
        for (Path dataset : datasets) {
            if (!Files.isRegularFile(dataset)) {
                throw new IllegalArgumentException("--dataset " + dataset + " is not a file");
            }
            List<SentimentEval.Row> read = SentimentEval.readJsonl(dataset);
            rows.add(read);
            examples.addAll(SentimentTrainer.examples(read));
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("--dataset " + datasets + " has no rows labelled negative, neutral or positive");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (cv != null) {
            List<SentimentTrainer.FoldedResult> results = new SentimentTrainer().crossValidate(rows, cv, seed);
            for (int d = 0; d < datasets.size(); d++) {
                stdout.println(SentimentTrainer.cvJson(datasets.get(d).toString(), cv, seed, results.get(d)));
            }
            stdout.flush();
            return 0;
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
        stdout.println(JSON.writeValueAsString(report));
        stdout.flush();
        return 0;
    }
}
