package io.newsflow.cli;

import io.newsflow.streams.enrich.CategoryClassifier;
import io.newsflow.streams.enrich.CategoryDataset;
import io.newsflow.streams.enrich.CategoryEvaluation;
import io.newsflow.streams.enrich.CategoryExample;
import io.newsflow.streams.enrich.CategoryLabelMap;
import io.newsflow.streams.enrich.CategoryModel;
import io.newsflow.streams.enrich.TrainedCategoryModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow eval categories}: scores a category model on labelled articles (JSONL rows with
 * {@code title}, {@code text}, {@code label}) and prints one JSON object: {@code n}, {@code accuracy},
 * {@code macro_f1}, {@code per_class_f1}, {@code docs_per_second}, and the model's version, the number
 * of unclassified documents and the primary codes that no label maps to ({@link CategoryEvaluation}).
 * The bundled default model unless {@code --model} names a trained one. {@code --holdout-of F --seed N}
 * evaluates only the rows that {@code train categories --holdout F --seed N} left out. No broker is
 * involved.
 */
@Command(name = "categories",
        description = "Score an IPTC category model on labelled articles (JSONL: title, text, label); prints one JSON object.")
final class EvalCategoriesCommand implements Callable<Integer> {

    /** Seed of the holdout split when {@code --seed} is not given, on both train and eval. */
    static final long DEFAULT_SEED = 42;

    @Option(names = "--dataset", paramLabel = "FILE", required = true,
            description = "JSON Lines, one article per line: title, text, label.")
    Path dataset;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "A model made by 'newsflow train categories'; default: the bundled term-list model.")
    Path model;

    @Option(names = "--label-map", paramLabel = "FILE",
            description = "JSON object from dataset label to an array of IPTC codes; a document is right when "
                    + "its primary code is one of its label's. Without it, labels must be IPTC codes.")
    Path labelMap;

    @Option(names = "--holdout-of", paramLabel = "FRACTION",
            description = "Evaluate only the rows 'train categories --holdout FRACTION' left out (same --seed).")
    Double holdoutOf;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the --holdout-of split (default 42).")
    Long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<CategoryExample> rows = CategoryDataset.read(dataset);
        CategoryLabelMap labels = labelMap == null ? CategoryLabelMap.identity() : CategoryLabelMap.read(labelMap);
        labels.check(rows);
        List<CategoryExample> evaluated = select(rows, holdoutOf, seed, "--holdout-of", true);
        CategoryModel categories = model == null ? CategoryClassifier.loadDefault() : TrainedCategoryModel.load(model);

        CategoryEvaluation.Report report = CategoryEvaluation.evaluate(categories, evaluated, labels);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(report.toJson());
        stdout.flush();
        return 0;
    }

    /**
     * The rows a command works on: all of them without a fraction, else the training part
     * ({@code heldOut} false) or the held-out part of {@link CategoryDataset#split}.
     */
    static List<CategoryExample> select(List<CategoryExample> rows, Double fraction, Long seed, String option,
            boolean heldOut) {
        if (fraction == null) {
            if (seed != null) {
                throw new IllegalArgumentException("--seed only applies with " + option);
            }
            return rows;
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException(option + " must be between 0 and 1 (exclusive), got " + fraction);
        }
        CategoryDataset.Split split = CategoryDataset.split(rows, fraction, seed == null ? DEFAULT_SEED : seed);
        List<CategoryExample> chosen = heldOut ? split.heldOut() : split.train();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(option + " " + fraction + " leaves no rows to "
                    + (heldOut ? "evaluate" : "train on"));
        }
        return chosen;
    }
}
