package io.newsflow.streams.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schema.SentimentLabel;
import io.newsflow.streams.enrich.internal.SentenceSplitter;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Measures {@link SentimentAnalyzer} on labelled sentences (JSONL) and reports the figures that
 * {@code newsflow eval sentiment} prints.
 *
 * <p>Each row has {@code text} and either or both of: {@code score}, a number on any scale (VADER's NYT
 * snippets: mean human rating in [-4, 4]), and {@code label}: negative, neutral or positive. A row with
 * integer {@code from} and {@code to} is a target row (NewsMTSC): its label is the tone toward that
 * span, and it is scored with {@link SentimentAnalyzer#analyzeTarget}; other rows are scored as a
 * one-paragraph article with {@link SentimentAnalyzer#analyze} (title-less), whose label follows from
 * the score.
 *
 * <p>Figures: {@code n} rows; {@code pearson_r} between our score and {@code score} over the rows that
 * have one; {@code macro_f1} (mean F1 over the classes seen in gold or predicted labels) and
 * {@code accuracy} over the rows with a label; {@code sentences_per_second}: sentences scored per
 * second on one thread, after a warm-up pass (a target row counts one sentence; other rows as many as
 * the sentence splitter finds), timed in CPU time of the evaluating thread over at least one second of
 * repeated passes.
 */
public final class SentimentEval {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MIN_TIMED_NANOS = 1_000_000_000L;

    /**
     * One labelled row; {@code score} NaN and {@code label} null when absent, target offsets -1 when absent.
     * {@code id} is the row's {@code id} (null when absent); {@code ratingShares}, when the row lists the
     * individual human {@code ratings} (VADER's NYT snippets), is the share of negative, zero and
     * positive ratings, else null.
     */
    public record Row(String text, double score, SentimentLabel label, int targetStart, int targetEnd, String id,
            double[] ratingShares) {

        /** A row without id or individual ratings. */
        public Row(String text, double score, SentimentLabel label, int targetStart, int targetEnd) {
            this(text, score, label, targetStart, targetEnd, null, null);
        }

        boolean hasTarget() {
            return targetStart >= 0;
        }
    }

    /** The figures of one evaluation; null where no row could produce the figure. */
    public record Result(int n, Double pearsonR, int scored, Double macroF1, Double accuracy, int labelled,
            Map<String, Double> f1, double sentencesPerSecond, long sentences, String modelVersion) {

        /** The figures as one JSON object. */
        public ObjectNode toJson() {
            ObjectNode out = JSON.createObjectNode();
            out.put("n", n);
            putRounded(out, "pearson_r", pearsonR);
            out.put("scored_rows", scored);
            putRounded(out, "macro_f1", macroF1);
            putRounded(out, "accuracy", accuracy);
            out.put("labelled_rows", labelled);
            ObjectNode perClass = out.putObject("f1");
            f1.forEach((label, value) -> putRounded(perClass, label, value));
            out.put("sentences_per_second", Math.round(sentencesPerSecond));
            out.put("model", modelVersion);
            return out;
        }
    }

    private SentimentEval() {
    }

    /** Reads rows; a row without text is skipped, a label other than the three classes is ignored. */
    public static List<Row> readJsonl(Path path) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                String text = node.path("text").asText("");
                if (text.isBlank()) {
                    continue;
                }
                double score = node.path("score").isNumber() ? node.get("score").asDouble() : Double.NaN;
                int from = node.path("from").isInt() ? node.get("from").asInt() : -1;
                int to = node.path("to").isInt() ? node.get("to").asInt() : -1;
                if (from >= 0 && (to <= from || to > text.length())) {
                    throw new IllegalArgumentException(path + ":" + lineNumber + ": target offsets [" + from + ", "
                            + to + ") outside the text");
                }
                String id = node.path("id").isTextual() ? node.get("id").asText() : null;
                rows.add(new Row(text, score, parseLabel(node.path("label").asText("")), from, from >= 0 ? to : -1, id,
                        ratingShares(node.path("ratings"))));
            }
        }
        return rows;
    }

    /** Shares of negative, zero and positive numbers in a JSON array of ratings; null when there is none. */
    static double[] ratingShares(JsonNode ratings) {
        if (!ratings.isArray() || ratings.isEmpty()) {
            return null;
        }
        double[] shares = new double[3];
        int n = 0;
        for (JsonNode rating : ratings) {
            if (rating.isNumber()) {
                double r = rating.asDouble();
                shares[r < 0 ? 0 : r == 0 ? 1 : 2]++;
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        for (int i = 0; i < 3; i++) {
            shares[i] /= n;
        }
        return shares;
    }

    static SentimentLabel parseLabel(String label) {
        return switch (label.strip().toLowerCase(Locale.ROOT)) {
            case "negative" -> SentimentLabel.NEGATIVE;
            case "neutral" -> SentimentLabel.NEUTRAL;
            case "positive" -> SentimentLabel.POSITIVE;
            default -> null;
        };
    }

    /** Scores every row, then times repeated passes; see the class comment for the figures. */
    public static Result evaluate(SentimentAnalyzer analyzer, List<Row> rows) {
        return evaluate(analyzer, rows, MIN_TIMED_NANOS);
    }

    static Result evaluate(SentimentAnalyzer analyzer, List<Row> rows, long minTimedNanos) {
        List<Scored> scored = new ArrayList<>(rows.size());
        long sentencesPerPass = 0;
        for (Row row : rows) {
            scored.add(score(analyzer, row));
            sentencesPerPass += row.hasTarget() ? 1 : SentenceSplitter.split(row.text()).size();
        }
        double sentencesPerSecond = timeSentences(analyzer, rows, sentencesPerPass, minTimedNanos);
        return figures(rows, scored, sentencesPerSecond, sentencesPerPass, analyzer.modelVersion());
    }

    /** Our score and label for one row. */
    record Scored(double score, SentimentLabel label) {
    }

    /** Scores one row: a target row by {@link SentimentAnalyzer#analyzeTarget}, any other as a title-less article. */
    static Scored score(SentimentAnalyzer analyzer, Row row) {
        if (row.hasTarget()) {
            SentimentAnalyzer.TargetSentiment t = analyzer.analyzeTarget(row.text(), row.targetStart(), row.targetEnd());
            return new Scored(t.score(), t.label());
        }
        var sentiment = analyzer.analyze(null, row.text());
        return new Scored(sentiment.getScore(), sentiment.getLabel());
    }

    /** The figures of {@code scored[i]} against {@code rows[i]}. */
    static Result figures(List<Row> rows, List<Scored> scored, double sentencesPerSecond, long sentencesPerPass,
            String modelVersion) {
        List<Double> ours = new ArrayList<>();
        List<Double> gold = new ArrayList<>();
        List<SentimentLabel> goldLabels = new ArrayList<>();
        List<SentimentLabel> predicted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (!Double.isNaN(row.score())) {
                ours.add(scored.get(i).score());
                gold.add(row.score());
            }
            if (row.label() != null) {
                goldLabels.add(row.label());
                predicted.add(scored.get(i).label());
            }
        }
        Map<String, Double> f1 = new TreeMap<>();
        Double macroF1 = null;
        Double accuracy = null;
        if (!goldLabels.isEmpty()) {
            double sum = 0;
            int correct = 0;
            for (SentimentLabel label : SentimentLabel.values()) {
                if (goldLabels.contains(label) || predicted.contains(label)) {
                    double value = f1(goldLabels, predicted, label);
                    f1.put(label.name().toLowerCase(Locale.ROOT), value);
                    sum += value;
                }
            }
            for (int i = 0; i < goldLabels.size(); i++) {
                correct += goldLabels.get(i) == predicted.get(i) ? 1 : 0;
            }
            macroF1 = sum / f1.size();
            accuracy = correct / (double) goldLabels.size();
        }
        Double pearson = ours.size() < 2 ? null : pearson(ours, gold);
        return new Result(rows.size(), pearson, ours.size(), macroF1, accuracy, goldLabels.size(), f1,
                sentencesPerSecond, sentencesPerPass, modelVersion);
    }

    /**
     * Sentences per second of single-threaded scoring, over whole passes lasting at least a second of
     * this thread's CPU time (wall-clock time where the JVM cannot measure thread CPU time). CPU time
     * is what "one core" means, and it does not count the time other processes hold the core.
     */
    private static double timeSentences(SentimentAnalyzer analyzer, List<Row> rows, long sentencesPerPass,
            long minTimedNanos) {
        if (rows.isEmpty() || sentencesPerPass == 0) {
            return 0.0;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        LongSupplier clock = cpu ? threads::getCurrentThreadCpuTime : System::nanoTime;
        long start = clock.getAsLong();
        long elapsed;
        long passes = 0;
        double sink = 0;
        do {
            for (Row row : rows) {
                sink += row.hasTarget()
                        ? analyzer.analyzeTarget(row.text(), row.targetStart(), row.targetEnd()).score()
                        : analyzer.analyze(null, row.text()).getScore();
            }
            passes++;
            elapsed = clock.getAsLong() - start;
        } while (elapsed < minTimedNanos);
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("NaN score"); // also keeps the JIT from dropping the loop
        }
        return passes * sentencesPerPass / (elapsed / 1e9);
    }

    static double f1(List<SentimentLabel> gold, List<SentimentLabel> predicted, SentimentLabel label) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < gold.size(); i++) {
            boolean g = gold.get(i) == label;
            boolean p = predicted.get(i) == label;
            tp += g && p ? 1 : 0;
            fp += !g && p ? 1 : 0;
            fn += g && !p ? 1 : 0;
        }
        return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    static double pearson(List<Double> x, List<Double> y) {
        int n = x.size();
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x.get(i);
            my += y.get(i);
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x.get(i) - mx;
            double dy = y.get(i) - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? 0.0 : sxy / Math.sqrt(sxx * syy);
    }

    private static void putRounded(ObjectNode out, String field, Double value) {
        if (value == null) {
            out.putNull(field);
        } else {
            out.put(field, Math.round(value * 10_000) / 10_000.0);
        }
    }

    /** {@code SentimentEval FILE.jsonl}: prints the figures as one JSON line. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SentimentEval FILE.jsonl");
            System.exit(2);
        }
        Result result = evaluate(SentimentAnalyzer.loadDefault(), readJsonl(Path.of(args[0])));
        System.out.println(JSON.writeValueAsString(result.toJson()));
    }
}
