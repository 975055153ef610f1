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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
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
 * sentence as a whole and are left out of that second set.
 *
 * <p>Usage: {@code SentimentTrainer --dataset FILE.jsonl --out MODEL.bin.gz}; {@code newsflow train
 * sentiment} does the same. Training is deterministic: the same data gives the same model file.
 */
public final class SentimentTrainer {

    /** L2 penalty; chosen by 5-fold cross-validation on NewsMTSC's training set (3, 10 and 30 tried). */
    static final double L2_COST = 10.0;
    /** A light L1 penalty drops useless features, which keeps the model small. */
    static final double L1_COST = 0.3;
    static final int MAX_ITERATIONS = 300;


    /** One labelled sentence, with the target's char offsets or -1 when the label is about the whole sentence. */
    public record Example(String text, String label, int targetStart, int targetEnd) {

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
        List<Example> examples = new ArrayList<>();
        for (SentimentEval.Row row : SentimentEval.readJsonl(path)) {
            if (row.label() != null) {
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
        return (AbstractModel) trainer.train(ObjectStreamUtils.createObjectStream(events));
    }

    /** Target events for target rows, plus one sentence event per sentence whose labels agree. */
    List<Event> events(List<Example> examples) {
        List<Event> events = new ArrayList<>();
        Map<String, String> sentenceLabels = new LinkedHashMap<>();
        for (Example example : examples) {
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

    private static Event event(String label, Features f) {
        return new Event(label, f.names(), f.values());
    }

    /** {@code SentimentTrainer --dataset FILE.jsonl --out MODEL.bin.gz}. */
    public static void main(String[] args) throws IOException {
        Path dataset = null;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dataset" -> dataset = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dataset == null || out == null) {
            System.err.println("usage: SentimentTrainer --dataset FILE.jsonl --out MODEL.bin.gz");
            System.exit(2);
        }
        List<Example> examples = readJsonl(dataset);
        try (OutputStream stream = Files.newOutputStream(out)) {
            new SentimentTrainer().train(examples, stream);
        }
        System.out.println("trained on " + examples.size() + " rows of " + dataset + "; wrote " + out + " ("
                + Files.size(out) + " bytes)");
    }
}
