package io.newsflow.producer.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two body metrics published with the extraction benchmarks, implemented as defined in the data
 * README, plus the token F1 used to match titles and authors. Stateless and thread-safe.
 *
 * <p>Tokens are Python's Unicode {@code \w+} matches, which is {@code [\p{L}\p{N}_]+} (Java's own
 * {@code \w} with {@code UNICODE_CHARACTER_CLASS} would also take combining marks, which Python's does
 * not, and so would split some scripts differently from the published scorers).
 */
public final class TextMetrics {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final int SHINGLE = 4;

    private TextMetrics() {
    }

    /** The {@code \w+} tokens of {@code text}, case kept; empty for null. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /**
     * One page's shingle counts, divided by their sum (all 0 when there are no shingles at all).
     *
     * @param tp shingles in both, counted as min(truth, predicted) per shingle
     * @param fp predicted shingles in excess of the truth
     * @param fn truth shingles in excess of the prediction
     */
    public record ShingleCounts(double tp, double fp, double fn) {
    }

    /** Mean precision and recall over pages and the F1 of the two means. */
    public record PrecisionRecall(double precision, double recall, double f1) {
    }

    /** ScrapingHub's per-page shingle matching: 4-token shingles, a 1–3 token text one shingle. */
    public static ShingleCounts shingleCounts(String truth, String predicted) {
        Map<List<String>, Integer> t = shingles(tokens(truth));
        Map<List<String>, Integer> p = shingles(tokens(predicted));
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Map.Entry<List<String>, Integer> e : t.entrySet()) {
            int predictedCount = p.getOrDefault(e.getKey(), 0);
            tp += Math.min(e.getValue(), predictedCount);
            fn += Math.max(0, e.getValue() - predictedCount);
        }
        for (Map.Entry<List<String>, Integer> e : p.entrySet()) {
            fp += Math.max(0, e.getValue() - t.getOrDefault(e.getKey(), 0));
        }
        double sum = tp + fp + fn;
        if (sum == 0) {
            return new ShingleCounts(0, 0, 0);
        }
        return new ShingleCounts(tp / sum, fp / sum, fn / sum);
    }

    /**
     * Precision is the mean over pages of TP/(TP+FP), skipping pages with TP+FP = 0 unless FN is 0 too
     * (then the page counts 1); recall likewise with FN and FP swapped; F1 = 2PR/(P+R) of the means.
     */
    public static PrecisionRecall aggregate(List<ShingleCounts> pages) {
        double precisionSum = 0;
        int precisionPages = 0;
        double recallSum = 0;
        int recallPages = 0;
        for (ShingleCounts c : pages) {
            if (c.tp() + c.fp() > 0) {
                precisionSum += c.tp() / (c.tp() + c.fp());
                precisionPages++;
            } else if (c.fn() == 0) {
                precisionSum += 1;
                precisionPages++;
            }
            if (c.tp() + c.fn() > 0) {
                recallSum += c.tp() / (c.tp() + c.fn());
                recallPages++;
            } else if (c.fp() == 0) {
                recallSum += 1;
                recallPages++;
            }
        }
        double precision = precisionPages == 0 ? 0 : precisionSum / precisionPages;
        double recall = recallPages == 0 ? 0 : recallSum / recallPages;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new PrecisionRecall(precision, recall, f1);
    }

    /**
     * WCXB's per-page word F1: lower-cased tokens as bags; 1 when both texts have no token, 0 when they
     * share none.
     */
    public static double wordF1(String truth, String predicted) {
        return bagF1(tokens(lower(truth)), tokens(lower(predicted)));
    }

    /** F1 of the lower-cased token bags of two short strings (titles, author lines). */
    public static double tokenF1(String a, String b) {
        return wordF1(a, b);
    }

    private static double bagF1(List<String> truth, List<String> predicted) {
        if (truth.isEmpty() && predicted.isEmpty()) {
            return 1;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String token : truth) {
            counts.merge(token, 1, Integer::sum);
        }
        int common = 0;
        for (String token : predicted) {
            Integer left = counts.get(token);
            if (left != null && left > 0) {
                common++;
                counts.put(token, left - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / predicted.size();
        double recall = (double) common / truth.size();
        return 2 * precision * recall / (precision + recall);
    }

    private static Map<List<String>, Integer> shingles(List<String> tokens) {
        Map<List<String>, Integer> counts = new HashMap<>();
        if (tokens.isEmpty()) {
            return counts;
        }
        if (tokens.size() < SHINGLE) {
            counts.put(List.copyOf(tokens), 1);
            return counts;
        }
        for (int i = 0; i + SHINGLE <= tokens.size(); i++) {
            counts.merge(List.copyOf(tokens.subList(i, i + SHINGLE)), 1, Integer::sum);
        }
        return counts;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
