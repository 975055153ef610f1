package io.newsflow.streams.enrich;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schema.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a {@link CategoryModel} on labelled articles.
 *
 * <p>A document is right when the code of its primary (first) category is one of the codes its label
 * maps to; a document with no category is wrong. Per label L: a true positive is a document labelled L
 * whose primary code is one of L's codes, a false positive a document with another label whose primary
 * code is one of L's codes, a false negative a document labelled L whose primary code is not. F1 per
 * label from those; macro-F1 is their unweighted mean over the labels present in the data.
 * Throughput is timed over all rows on the calling thread, after an untimed warm-up pass over the first
 * {@value #WARM_UP} rows (so that the JIT has compiled the model's code).
 */
public final class CategoryEvaluation {

    static final int WARM_UP = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The figures of one evaluation.
     *
     * @param n                  documents evaluated
     * @param accuracy           share of documents whose primary code is one of their label's codes
     * @param macroF1            mean of the per-label F1
     * @param perClassF1         F1 per data set label, sorted by label
     * @param docsPerSecond      documents classified per second on one thread
     * @param model              the model's {@link CategoryModel#version()}
     * @param unclassified       documents that got no category
     * @param primaryOutsideMap  primary codes that are no label's code, with their counts
     */
    public record Report(int n, double accuracy, double macroF1, Map<String, Double> perClassF1, long docsPerSecond,
                         String model, int unclassified, Map<String, Integer> primaryOutsideMap) {

        /** The report as one JSON object: {@code n, accuracy, macro_f1, per_class_f1, docs_per_second, ...}. */
        public ObjectNode toJson() {
            ObjectNode out = JSON.createObjectNode();
            out.put("n", n);
            out.put("accuracy", round(accuracy));
            out.put("macro_f1", round(macroF1));
            ObjectNode f1 = out.putObject("per_class_f1");
            perClassF1.forEach((label, value) -> f1.put(label, round(value)));
            out.put("docs_per_second", docsPerSecond);
            out.put("model", model);
            out.put("unclassified", unclassified);
            ObjectNode outside = out.putObject("primary_outside_map");
            primaryOutsideMap.forEach(outside::put);
            return out;
        }
    }

    private CategoryEvaluation() {
    }

    /**
     * Evaluates {@code model} on {@code rows}.
     *
     * @throws IllegalArgumentException when rows is empty or a label cannot be mapped
     */
    public static Report evaluate(CategoryModel model, List<CategoryExample> rows, CategoryLabelMap labels) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: no rows");
        }
        labels.check(rows);
        for (int i = 0; i < Math.min(WARM_UP, rows.size()); i++) {
            classify(model, rows.get(i));
        }
        List<String> primary = new ArrayList<>(rows.size());
        long start = System.nanoTime();
        for (CategoryExample row : rows) {
            List<Category> categories = classify(model, row);
            primary.add(categories.isEmpty() ? null : categories.get(0).getCode());
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);

        Map<String, int[]> counts = new TreeMap<>(); // label -> {tp, fp, fn}
        for (CategoryExample row : rows) {
            counts.putIfAbsent(row.label(), new int[3]);
        }
        int correct = 0;
        int unclassified = 0;
        Map<String, Integer> outside = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String gold = rows.get(i).label();
            String code = primary.get(i);
            if (code == null) {
                unclassified++;
            }
            boolean right = code != null && labels.codes(gold).contains(code);
            correct += right ? 1 : 0;
            if (!right) {
                counts.get(gold)[2]++;
            }
            boolean mapped = false;
            for (Map.Entry<String, int[]> entry : counts.entrySet()) {
                if (code != null && labels.codes(entry.getKey()).contains(code)) {
                    mapped = true;
                    entry.getValue()[entry.getKey().equals(gold) ? 0 : 1]++;
                }
            }
            if (code != null && !mapped) {
                outside.merge(code, 1, Integer::sum);
            }
        }
        Map<String, Double> f1 = new TreeMap<>();
        counts.forEach((label, c) -> f1.put(label, c[0] == 0 ? 0.0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2])));
        double macro = f1.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new Report(rows.size(), correct / (double) rows.size(), macro, f1, Math.round(rows.size() / seconds),
                model.version(), unclassified, outside);
    }

    private static List<Category> classify(CategoryModel model, CategoryExample row) {
        return model.classify(row.title(), row.text(), List.of());
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
