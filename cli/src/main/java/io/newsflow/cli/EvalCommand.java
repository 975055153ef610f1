package io.newsflow.cli;

import io.newsflow.producer.eval.ExtractionDataset;
import io.newsflow.producer.eval.ExtractionEvaluation;
import io.newsflow.producer.extract.ArticleExtractor;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow eval}: measures Newsflow's components on labelled data. {@code eval extraction} runs
 * the article extractor over a benchmark folder ({@code html/<id>.html.gz} + {@code ground-truth.json})
 * and prints one JSON object with the ScrapingHub shingle F1, the WCXB word F1, title/author/date
 * accuracy and pages per second. No broker is involved.
 */
@Command(name = "eval", description = "Measure Newsflow on labelled data.",
        subcommands = {EvalCommand.Extraction.class, EvalCategoriesCommand.class, EvalSentimentCommand.class})
final class EvalCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code newsflow eval extraction --dataset DIR [--out FILE] [--limit N] [--metric KEY]}. */
    @Command(name = "extraction", description = "Score the article extractor on a benchmark folder; prints one JSON object.")
    static final class Extraction implements Callable<Integer> {

        @Option(names = "--dataset", paramLabel = "DIR", required = true,
                description = "Folder with html/<id>.html.gz and ground-truth.json.")
        Path dataset;

        @Option(names = "--out", paramLabel = "FILE",
                description = "Write per-page predictions as JSON in the ground truth's shape.")
        Path out;

        @Option(names = "--limit", paramLabel = "N", description = "Evaluate only the first N pages.")
        Integer limit;

        @Option(names = "--metric", paramLabel = "KEY",
                description = "Print only this value of the summary (f1, word_f1, title_accuracy, pages_per_second...),"
                        + " e.g. to compare it with a threshold in a script.")
        String metric;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.isDirectory(dataset)) {
                throw new IllegalArgumentException("--dataset " + dataset + " is not a directory");
            }
            if (metric != null && !ExtractionEvaluation.SUMMARY_KEYS.contains(metric)) {
                throw new ParameterException(spec.commandLine(),
                        "--metric " + metric + " is not one of " + ExtractionEvaluation.SUMMARY_KEYS);
            }
            ExtractionEvaluation.Report report = new ExtractionEvaluation(new ArticleExtractor())
                    .run(ExtractionDataset.load(dataset, limit));
            if (out != null) {
                ExtractionEvaluation.writeJson(report.predictions(), out);
            }
            Map<String, Object> summary = report.summary();
            PrintWriter printer = spec.commandLine().getOut();
            if (metric == null) {
                printer.println(ExtractionEvaluation.toJsonLine(summary));
            } else if (summary.containsKey(metric)) {
                printer.println(summary.get(metric));
            } else {
                throw new ParameterException(spec.commandLine(),
                        "--metric " + metric + " is not measured on " + dataset + " (its ground truth lacks the field)");
            }
            printer.flush();
            return 0;
        }
    }
}
