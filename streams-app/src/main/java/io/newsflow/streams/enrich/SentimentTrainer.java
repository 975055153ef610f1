package io.newsflow.streams.enrich;

import io.newsflow.streams.enrich.internal.SentimentFeatures;
import io.newsflow.streams.enrich.internal.SentimentFeatures.Features;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.ml.maxent.quasinewton.Function;
import opennlp.tools.ml.maxent.quasinewton.NegLogLikelihood;
import opennlp.tools.ml.maxent.quasinewton.QNMinimizer;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.DataIndexer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the sentiment model ({@link SentimentModel}) on labelled sentences with OpenNLP's maxent
 * trainer (L-BFGS, {@link QNTrainer}).
 *
 * <p>Input is JSONL, one row per sentence or per target in a sentence: {@code text}, {@code label}
 * (negative, neutral, positive) and, for target-level data such as NewsMTSC, the target's char offsets
 * {@code from} and {@code to}. Each target row becomes one training event with the target features;
 * in addition each distinct sentence whose rows all carry the same label becomes one event with
 * sentence features only, so that the same model also scores sentences with no target (an article's
 * sentences). Sentences whose targets disagree ("X praised Y's rival") teach nothing about the
 * sentence as a whole and are left out of that second set. A row with individual human
 * {@code ratings} (VADER's NYT snippets) becomes sentence events in the raters' proportions
 * ({@link #RATED_COPIES} per row) instead.
 *
 * <p>Usage: {@code SentimentTrainer --dataset FILE.jsonl [--dataset FILE2.jsonl ...] --out MODEL.bin.gz};
 * {@code newsflow train sentiment} does the same. Training is deterministic: the same data gives the
 * same model file. {@code --cv K [--seed S]} instead of {@code --out} measures by cross-validation
 * ({@link #crossValidate}), the honest figure for a dataset that is also trained on.
 */
public final class SentimentTrainer {

    /**
     * L2 penalty; chosen by 5-fold cross-validation over NewsMTSC train and the NYT snippets together
     * (1, 3 and 10 tried; before the NYT snippets were added 10 was best on NewsMTSC alone).
     */
    static final double L2_COST = 3.0;
    /** A light L1 penalty drops useless features, which keeps the model small. */
    static final double L1_COST = 0.3;
    static final int MAX_ITERATIONS = 300;
    /**
     * L-BFGS runs tried in turn while a run stops early (see {@link #minimize}): factors of the L1 and
     * L2 costs and the memory. The first is OpenNLP's default run; a memory of 7 rescued a fold stopped
     * after 11 iterations, half the L1 cost one stopped after 5 with every memory.
     */
    static final double[][] RETRIES = {{1, 1, 15}, {1, 1, 7}, {0.5, 1, 15}};
    /** Gradient evaluations below which an L-BFGS run counts as stopped early. */
    static final int MIN_EVALUATIONS = 15;
    /**
     * Events per text with individual ratings (see {@link #ratedEvents}): 4, 12 and 20 tried by 5-fold
     * cross-validation over NewsMTSC train and the NYT snippets; 12 and 20 were best for the NYT r and
     * 12 cost NewsMTSC less.
     */
    static final int RATED_COPIES = 12;


    /**
     * One labelled sentence, with the target's char offsets or -1 when the label is about the whole
     * sentence. {@code ratingShares}, when not null, is the share of human raters who found the text
     * negative, neutral and positive (VADER's NYT snippets); the text then becomes events in those
     * proportions instead of one event with {@code label}.
     */
    public record Example(String text, String label, int targetStart, int targetEnd, double[] ratingShares) {

        /** An example with one label and no individual ratings. */
        public Example(String text, String label, int targetStart, int targetEnd) {
            this(text, label, targetStart, targetEnd, null);
        }

        /** True when the label is the tone toward a target span. */
        public boolean hasTarget() {
            return targetStart >= 0;
        }
    }

    private final SentimentFeatures features;

    /** A trainer for the bundled feature set. */
    public SentimentTrainer() {
        this(SentimentFeatures.loadDefault());
    }

    SentimentTrainer(SentimentFeatures features) {
        this.features = features;
    }

    /**
     * Reads labelled rows (the format of {@link SentimentEval#readJsonl}); rows without a known label are
     * skipped, bad offsets are an error.
     */
    public static List<Example> readJsonl(Path path) throws IOException {
        return examples(SentimentEval.readJsonl(path));
    }

    /** The training examples among {@code rows}: those with a known label or with individual ratings. */
    public static List<Example> examples(List<SentimentEval.Row> rows) {
        List<Example> examples = new ArrayList<>();
        for (SentimentEval.Row row : rows) {
            if (row.ratingShares() != null && !row.hasTarget()) {
                String majority = row.label() == null ? "neutral" : row.label().name().toLowerCase(Locale.ROOT);
                examples.add(new Example(row.text(), majority, -1, -1, row.ratingShares()));
            } else if (row.label() != null) {
                examples.add(new Example(row.text(), row.label().name().toLowerCase(Locale.ROOT), row.targetStart(),
                        row.targetEnd()));
            }
        }
        return examples;
    }

    /** Trains a model on {@code examples}. */
    public SentimentModel train(List<Example> examples) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SentimentModel.write(trainRaw(examples), bytes);
        return SentimentModel.read(new ByteArrayInputStream(bytes.toByteArray()), features);
    }

    /** Trains on {@code examples} and writes the model file to {@code out}. */
    public void train(List<Example> examples, OutputStream out) throws IOException {
        SentimentModel.write(trainRaw(examples), out);
    }

    private AbstractModel trainRaw(List<Example> examples) throws IOException {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no labelled examples to train on");
        }
        List<Event> events = events(examples);
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        params.put(QNTrainer.L1COST_PARAM, L1_COST);
        params.put(QNTrainer.L2COST_PARAM, L2_COST);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.ITERATIONS_PARAM, MAX_ITERATIONS);
        params.put(QNTrainer.THREADS_PARAM, 1);
        // Real-valued features (lexicon scores) need the real-value indexer.
        params.put("DataIndexer", "OnePassRealValue");
        QNTrainer trainer = new QNTrainer();
        trainer.init(params, new HashMap<>());
        DataIndexer indexer = trainer.getDataIndexer(ObjectStreamUtils.createObjectStream(events));
        return minimize(indexer);
    }

    /**
     * L-BFGS as OpenNLP's {@link QNTrainer} runs it, but guarded against its early stop: the minimizer
     * stops as soon as one step changes the objective by less than 10^-4 relatively, which on a plateau
     * can happen after a handful of iterations and leaves a badly fitted model (seen in folds of a
     * cross-validation). A run with fewer than {@value #MIN_EVALUATIONS} gradient evaluations is
     * repeated with the settings of {@link #RETRIES} in turn (another L-BFGS memory, then half the L1
     * cost) until one runs its course; if none does, the run with the lowest objective under the real
     * costs is kept. Deterministic; a run that does not stop early gives OpenNLP's model exactly.
     */
    static AbstractModel minimize(DataIndexer indexer) {
        double[] best = null;
        double bestObjective = Double.POSITIVE_INFINITY;
        for (double[] attempt : RETRIES) {
            double l1 = attempt[0] * L1_COST;
            double l2 = attempt[1] * L2_COST;
            int memory = (int) attempt[2];
            Function nll = new NegLogLikelihood(indexer);
            int[] evaluations = {0};
            Function counted = new Function() {
                @Override
                public int getDimension() {
                    return nll.getDimension();
                }

                @Override
                public double valueAt(double[] x) {
                    return nll.valueAt(x);
                }

                @Override
                public double[] gradientAt(double[] x) {
                    evaluations[0]++;
                    return nll.gradientAt(x);
                }
            };
            QNMinimizer minimizer = new QNMinimizer(l1, l2, MAX_ITERATIONS, memory, QNMinimizer.MAX_FCT_EVAL_DEFAULT);
            double[] x = minimizer.minimize(counted);
            if (evaluations[0] >= MIN_EVALUATIONS) {
                best = x;
                break;
            }
            double objective = nll.valueAt(x);
            for (double w : x) {
                objective += L2_COST * w * w + L1_COST * Math.abs(w);
            }
            if (objective < bestObjective) {
                bestObjective = objective;
                best = x;
            }
        }
        return model(best, indexer);
    }

    /** The model of a parameter vector, laid out as {@link QNTrainer} lays it out. */
    private static AbstractModel model(double[] parameters, DataIndexer indexer) {
        String[] predicates = indexer.getPredLabels();
        String[] outcomes = indexer.getOutcomeLabels();
        Context[] contexts = new Context[predicates.length];
        for (int p = 0; p < predicates.length; p++) {
            int[] outcomeIds = new int[outcomes.length];
            double[] weights = new double[outcomes.length];
            for (int o = 0; o < outcomes.length; o++) {
                outcomeIds[o] = o;
                weights[o] = parameters[o * predicates.length + p];
            }
            contexts[p] = new Context(outcomeIds, weights);
        }
        return new QNModel(contexts, predicates, outcomes);
    }

    /** Target events for target rows, plus one sentence event per sentence whose labels agree. */
    List<Event> events(List<Example> examples) {
        List<Event> events = new ArrayList<>();
        Map<String, String> sentenceLabels = new LinkedHashMap<>();
        for (Example example : examples) {
            if (example.ratingShares() != null) {
                ratedEvents(example, events);
                continue;
            }
            if (example.hasTarget()) {
                double lexiconScore = features.scorer().score(example.text());
                events.add(event(example.label(),
                        features.extract(example.text(), lexiconScore, example.targetStart(), example.targetEnd())));
            }
            // "" marks a sentence whose rows disagree.
            sentenceLabels.merge(example.text(), example.label(), (a, b) -> a.equals(b) ? a : "");
        }
        for (Map.Entry<String, String> sentence : sentenceLabels.entrySet()) {
            if (!sentence.getValue().isEmpty()) {
                events.add(event(sentence.getValue(), features.extract(sentence.getKey())));
            }
        }
        return events;
    }

    /**
     * A text with individual human ratings: {@value #RATED_COPIES} events with sentence features,
     * labelled in proportion to the raters' shares (rounded), so that the model's P(positive) −
     * P(negative) learns the raters' balance rather than the sign of their mean.
     */
    private void ratedEvents(Example example, List<Event> events) {
        Features f = features.extract(example.text());
        String[] labels = {SentimentModel.NEGATIVE, SentimentModel.NEUTRAL, SentimentModel.POSITIVE};
        for (int c = 0; c < 3; c++) {
            long copies = Math.round(RATED_COPIES * example.ratingShares()[c]);
            for (long i = 0; i < copies; i++) {
                events.add(event(labels[c], f));
            }
        }
    }

    private static Event event(String label, Features f) {
        return new Event(label, f.names(), f.values());
    }

    /**
     * Out-of-fold figures of one dataset in a cross-validation: every row scored by the analyzer with a
     * model trained on the other folds (of all datasets); {@code multiTarget} the same over the target
     * rows whose sentence has two or more targets (as in NewsMTSC's devtest-mt), null when there are none.
     */
    public record FoldedResult(SentimentEval.Result all, SentimentEval.Result multiTarget) {
    }

    /**
     * K-fold cross-validation over {@code datasets} together. The rows of each dataset are grouped by
     * article ({@link #group}: rows of one article never straddle folds), the groups shuffled with
     * {@code seed} and dealt to the {@code k} folds in turn. For each fold a model is trained on the
     * other folds' rows of all datasets and scores the fold's rows; the result per dataset comes from
     * those out-of-fold scores only, so a dataset can be trained on and still measured honestly.
     */
    public List<FoldedResult> crossValidate(List<List<SentimentEval.Row>> datasets, int k, long seed)
            throws IOException {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        }
        List<int[]> folds = new ArrayList<>();
        for (List<SentimentEval.Row> rows : datasets) {
            folds.add(folds(rows, k, seed));
        }
        List<List<SentimentEval.Scored>> scored = new ArrayList<>();
        for (List<SentimentEval.Row> rows : datasets) {
            scored.add(new ArrayList<>(Collections.nCopies(rows.size(), (SentimentEval.Scored) null)));
        }
        for (int fold = 0; fold < k; fold++) {
            List<SentimentEval.Row> training = new ArrayList<>();
            for (int d = 0; d < datasets.size(); d++) {
                for (int i = 0; i < datasets.get(d).size(); i++) {
                    if (folds.get(d)[i] != fold) {
                        training.add(datasets.get(d).get(i));
                    }
                }
            }
            SentimentAnalyzer analyzer = new SentimentAnalyzer(train(examples(training)));
            for (int d = 0; d < datasets.size(); d++) {
                for (int i = 0; i < datasets.get(d).size(); i++) {
                    if (folds.get(d)[i] == fold) {
                        scored.get(d).set(i, SentimentEval.score(analyzer, datasets.get(d).get(i)));
                    }
                }
            }
        }
        List<FoldedResult> results = new ArrayList<>();
        String version = "cv" + k + "-seed" + seed;
        for (int d = 0; d < datasets.size(); d++) {
            List<SentimentEval.Row> rows = datasets.get(d);
            Map<String, Integer> targetsPerSentence = new HashMap<>();
            for (SentimentEval.Row row : rows) {
                if (row.hasTarget()) {
                    targetsPerSentence.merge(row.text(), 1, Integer::sum);
                }
            }
            List<SentimentEval.Row> multiRows = new ArrayList<>();
            List<SentimentEval.Scored> multiScored = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).hasTarget() && targetsPerSentence.get(rows.get(i).text()) >= 2) {
                    multiRows.add(rows.get(i));
                    multiScored.add(scored.get(d).get(i));
                }
            }
            results.add(new FoldedResult(SentimentEval.figures(rows, scored.get(d), 0, 0, version),
                    multiRows.isEmpty() ? null : SentimentEval.figures(multiRows, multiScored, 0, 0, version)));
        }
        return results;
    }

    /** The fold of each row: its group's position in a seeded shuffle of the groups, modulo {@code k}. */
    static int[] folds(List<SentimentEval.Row> rows, int k, long seed) {
        Map<String, Integer> groupIndex = new LinkedHashMap<>();
        for (SentimentEval.Row row : rows) {
            groupIndex.putIfAbsent(group(row), groupIndex.size());
        }
        List<String> groups = new ArrayList<>(groupIndex.keySet());
        Collections.shuffle(groups, new Random(seed));
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            foldOf.put(groups.get(i), i % k);
        }
        int[] folds = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            folds[i] = foldOf.get(group(rows.get(i)));
        }
        return folds;
    }

    private static final Pattern ARTICLE_ID =
            Pattern.compile("^([A-Za-z-]+_?\\d+(?:_\\d+)?)_");

    /**
     * The article a row comes from, read from its id: NewsMTSC's "allsides_1000_401_25_…" is article
     * "allsides_1000_401", VADER's "vader-nyt-12_3" is "vader-nyt-12". A row without such an id is its
     * own sentence's group (all targets of one sentence stay together).
     */
    static String group(SentimentEval.Row row) {
        if (row.id() != null) {
            Matcher m = ARTICLE_ID.matcher(row.id());
            if (m.find()) {
                return "id:" + m.group(1);
            }
        }
        return "text:" + row.text();
    }

    /**
     * {@code SentimentTrainer --dataset FILE.jsonl [--dataset FILE2.jsonl ...] --out MODEL.bin.gz}, or
     * {@code --cv K [--seed S]} instead of {@code --out}: cross-validation over the datasets, printing one
     * JSON line of out-of-fold figures per dataset and writing no model.
     */
    public static void main(String[] args) throws IOException {
        List<Path> datasets = new ArrayList<>();
        Path out = null;
        int cv = 0;
        long seed = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dataset" -> datasets.add(Path.of(args[i + 1]));
                case "--out" -> out = Path.of(args[i + 1]);
                case "--cv" -> cv = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (datasets.isEmpty() || (out == null) == (cv == 0) || args.length % 2 != 0) {
            System.err.println("usage: SentimentTrainer --dataset FILE.jsonl [--dataset FILE.jsonl ...] "
                    + "(--out MODEL.bin.gz | --cv K [--seed S])");
            System.exit(2);
        }
        List<List<SentimentEval.Row>> rows = new ArrayList<>();
        for (Path dataset : datasets) {
            rows.add(SentimentEval.readJsonl(dataset));
        }
        if (cv > 0) {
            List<FoldedResult> results = new SentimentTrainer().crossValidate(rows, cv, seed);
            for (int d = 0; d < datasets.size(); d++) {
                System.out.println(cvJson(datasets.get(d).toString(), cv, seed, results.get(d)));
            }
            return;
        }
        List<Example> examples = new ArrayList<>();
        for (List<SentimentEval.Row> r : rows) {
            examples.addAll(examples(r));
        }
        try (OutputStream stream = Files.newOutputStream(out)) {
            new SentimentTrainer().train(examples, stream);
        }
        System.out.println("trained on " + examples.size() + " rows of " + datasets + "; wrote " + out + " ("
                + Files.size(out) + " bytes)");
    }

    /** One dataset's out-of-fold figures as a JSON line. */
    public static String cvJson(String dataset, int k, long seed, FoldedResult result) {
        var json = result.all().toJson();
        json.remove("sentences_per_second");
        json.remove("model");
        json.put("cross_validation", "out-of-fold, " + k + " folds by article, seed " + seed);
        if (result.multiTarget() != null) {
            var multi = result.multiTarget().toJson();
            json.set("multi_target", multi.retain("n", "macro_f1", "accuracy", "f1"));
        }
        var out = json.objectNode();
        out.put("dataset", dataset);
        out.setAll(json);
        return out.toString();
    }
}
