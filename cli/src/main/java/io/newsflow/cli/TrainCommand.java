package io.newsflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.streams.enrich.CategoryDataset;
import io.newsflow.streams.enrich.CategoryExample;
import io.newsflow.streams.enrich.CategoryLabelMap;
import io.newsflow.streams.enrich.TrainedCategoryModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow train}: trains a model on the user's labelled data. {@code train categories} trains an
 * IPTC category model with Apache OpenNLP ({@link TrainedCategoryModel}) from JSONL rows
 * ({@code title}, {@code text}, {@code label}), writes it to {@code --out} and prints one JSON object
 * describing it; {@code streams.categories.model=MODEL} makes the streams app use it. No broker is
 * involved.
 */
@Command(name = "train", description = "Train a model on labelled data.", subcommands = {TrainCommand.Categories.class, TrainSentimentCommand.class})
final class TrainCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /**
     * {@code newsflow train categories --dataset FILE --out MODEL [--label-map FILE] [--holdout F [--seed N]]
     * [--algorithm A] [--iterations N] [--cutoff N]}.
     */
    @Command(name = "categories",
            description = "Train an IPTC category model (Apache OpenNLP) on labelled articles; prints one JSON object.")
    static final class Categories implements Callable<Integer> {

        @Option(names = "--dataset", paramLabel = "FILE", required = true,
                description = "JSON Lines, one article per line: title, text, label.")
        Path dataset;

        @Option(names = "--out", paramLabel = "MODEL", required = true, description = "Where to write the model file.")
        Path out;

        @Option(names = "--label-map", paramLabel = "FILE",
                description = "JSON object from dataset label to an array of IPTC codes; the model learns each "
                        + "label's first code. Without it, labels must be IPTC codes.")
        Path labelMap;

        @Option(names = "--holdout", paramLabel = "FRACTION",
                description = "Leave out this share of each label's rows (stratified; same rows as "
                        + "'eval categories --holdout-of FRACTION' with the same --seed).")
        Double holdout;

        @Option(names = "--seed", paramLabel = "N", description = "Seed of the --holdout split (default 42).")
        Long seed;

        @Option(names = "--algorithm", paramLabel = "NAME", defaultValue = "NAIVE_BAYES",
                description = "OpenNLP learner: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        TrainedCategoryModel.Algorithm algorithm;

        @Option(names = "--iterations", paramLabel = "N", defaultValue = "100",
                description = "Training iterations of MAXENT, MAXENT_QN and PERCEPTRON (default ${DEFAULT-VALUE}).")
        int iterations;

        @Option(names = "--cutoff", paramLabel = "N", defaultValue = "2",
                description = "Drop features found in fewer training articles than this (default ${DEFAULT-VALUE}).")
        int cutoff;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<CategoryExample> rows = CategoryDataset.read(dataset);
            CategoryLabelMap labels = labelMap == null ? CategoryLabelMap.identity() : CategoryLabelMap.read(labelMap);
            labels.check(rows);
            List<CategoryExample> training = EvalCategoriesCommand.select(rows, holdout, seed, "--holdout", false);

            long start = System.nanoTime();
            TrainedCategoryModel model = TrainedCategoryModel.train(training, labels,
                    new TrainedCategoryModel.Options(algorithm, iterations, cutoff));
            double seconds = (System.nanoTime() - start) / 1e9;
            model.save(out);

            ObjectNode json = new ObjectMapper().createObjectNode();
            json.put("model", model.version());
            json.put("out", out.toString());
            json.put("algorithm", algorithm.name());
            json.put("trained_on", training.size());
            json.put("held_out", rows.size() - training.size());
            json.putPOJO("codes", model.codes());
            json.put("seconds", Math.round(seconds * 10) / 10.0);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(json);
            stdout.flush();
            return 0;
        }
    }
}
