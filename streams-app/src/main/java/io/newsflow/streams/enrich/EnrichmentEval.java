package io.newsflow.streams.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the enrichers on labelled data and prints the figures as JSON on stdout.
 *
 * <ul>
 *   <li><b>language</b> on the BBC News set (all English): share detected as "en" and mean confidence.</li>
 *   <li><b>categories</b> of the default {@link CategoryClassifier} on the BBC News set (JSONL: title,
 *       text, label), each label mapped to one IPTC code, scored by {@link CategoryEvaluation} (the same
 *       figures as {@code newsflow eval categories}).</li>
 *   <li><b>sentiment</b> on VADER's NYT snippets (JSONL: text, score in [-4, 4], label): Pearson r
 *       between our score and the mean human rating, and macro-F1 of the sign (positive/negative) over
 *       the snippets the humans rated non-neutral; a score of exactly 0 counts as neither sign.</li>
 * </ul>
 *
 * <p>Usage: {@code EnrichmentEval [bbc_news.jsonl [vader_nyt_snippets.jsonl]]}; the defaults are the
 * shared data folder next to the project ({@code ../shared/data/...}). The data is read in place, never
 * copied into the project.
 */
public final class EnrichmentEval {

    private static final Map<String, String> BBC_LABELS = Map.of(
            "business", "medtop:04000000",
            "politics", "medtop:11000000",
            "sport", "medtop:15000000",
            "tech", "medtop:13000000",
            "entertainment", "medtop:01000000");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EnrichmentEval() {
    }

    public static void main(String[] args) throws IOException {
        Path bbc = Path.of(args.length > 0 ? args[0] : "../shared/data/topics/bbc_news.jsonl");
        Path nyt = Path.of(args.length > 1 ? args[1] : "../shared/data/sentiment/vader_nyt_snippets_dev.jsonl");
        ObjectNode result = JSON.createObjectNode();
        List<JsonNode> bbcRows = readJsonl(bbc);
        result.set("language", evaluateLanguage(new LanguageDetector(), bbcRows));
        result.set("categories", evaluateCategories(CategoryClassifier.loadDefault(), bbcRows));
        result.set("sentiment", evaluateSentiment(SentimentAnalyzer.loadDefault(), readJsonl(nyt)));
        System.out.println(JSON.writeValueAsString(result));
    }

    static ObjectNode evaluateLanguage(LanguageDetector detector, List<JsonNode> rows) {
        int english = 0;
        double confidence = 0;
        for (JsonNode row : rows) {
            LanguageGuess guess = detector.detect(row.path("title").asText() + "\n\n" + row.path("text").asText());
            english += guess.code().equals("en") ? 1 : 0;
            confidence += guess.confidence();
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("n", rows.size());
        out.put("share_detected_en", round(english / (double) rows.size()));
        out.put("mean_confidence", round(confidence / rows.size()));
        return out;
    }

    static ObjectNode evaluateCategories(CategoryModel model, List<JsonNode> rows) {
        List<CategoryExample> examples = new ArrayList<>();
        for (JsonNode row : rows) {
            examples.add(new CategoryExample(row.path("title").asText(), row.path("text").asText(), row.path("label").asText()));
        }
        Map<String, List<String>> labels = new TreeMap<>();
        BBC_LABELS.forEach((label, code) -> labels.put(label, List.of(code)));
        return CategoryEvaluation.evaluate(model, examples, CategoryLabelMap.of(labels)).toJson();
    }

    static ObjectNode evaluateSentiment(SentimentAnalyzer analyzer, List<JsonNode> rows) {
        double[] ours = new double[rows.size()];
        double[] human = new double[rows.size()];
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            ours[i] = analyzer.analyze(null, row.path("text").asText()).getScore();
            human[i] = row.path("score").asDouble();
            String label = row.path("label").asText();
            if (label.equals("positive") || label.equals("negative")) {
                gold.add(label);
                predicted.add(ours[i] > 0 ? "positive" : ours[i] < 0 ? "negative" : "zero");
            }
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("n", rows.size());
        out.put("pearson_r", round(pearson(ours, human)));
        out.put("sign_n", gold.size());
        out.put("sign_macro_f1", round((f1(gold, predicted, "positive") + f1(gold, predicted, "negative")) / 2));
        long zero = predicted.stream().filter("zero"::equals).count();
        out.put("sign_zero_share", round(zero / (double) predicted.size()));
        out.put("anchor_vader_pearson_r", 0.49);
        return out;
    }

    static double f1(List<String> gold, List<String> predicted, String label) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < gold.size(); i++) {
            boolean g = gold.get(i).equals(label);
            boolean p = predicted.get(i).equals(label);
            tp += g && p ? 1 : 0;
            fp += !g && p ? 1 : 0;
            fn += g && !p ? 1 : 0;
        }
        return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    static double pearson(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static List<JsonNode> readJsonl(Path path) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
                }
            }
        }
        return rows;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
