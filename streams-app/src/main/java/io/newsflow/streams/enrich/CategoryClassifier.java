package io.newsflow.streams.enrich;

import io.newsflow.schema.Category;
import io.newsflow.streams.enrich.internal.NewsTermAnalyzer;
import io.newsflow.streams.enrich.internal.TopicTermIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns IPTC Media Topic level-1 categories (the 17 {@code medtop:XX000000} codes) to an English
 * article from hand-written, weighted term lists.
 *
 * <p>Scoring: every list term found in the text adds its weight to its topics. A title occurrence
 * counts {@value #TITLE_WEIGHT}× and a publisher keyword {@value #KEYWORD_WEIGHT}×, because both state
 * what the article is about; body occurrences of one term are damped logarithmically (1 + ln n) so
 * that one repeated word cannot outvote the article's broader vocabulary. A topic is returned when
 * its evidence is at least {@value #MIN_EVIDENCE} and at least {@value #RELATIVE_THRESHOLD} of the best
 * topic's; at most {@value #MAX_CATEGORIES}, primary first. A category's score is its share of all
 * topical evidence in the article, so scores are in [0, 1] and fall as the text gets more mixed.
 *
 * <p>Immutable and thread-safe.
 */
public final class CategoryClassifier {

    static final double TITLE_WEIGHT = 3.0;
    static final double KEYWORD_WEIGHT = 2.0;
    /** Weighted evidence a topic needs at least: roughly two strong terms, or one in the title. */
    static final double MIN_EVIDENCE = 5.0;
    static final double RELATIVE_THRESHOLD = 0.35;
    static final int MAX_CATEGORIES = 3;

    private final NewsTermAnalyzer analyzer;
    private final TopicTermIndex index;

    CategoryClassifier(NewsTermAnalyzer analyzer, TopicTermIndex index) {
        this.analyzer = analyzer;
        this.index = index;
    }

    /** Creates a classifier with the bundled IPTC topics and term lists. */
    public static CategoryClassifier loadDefault() {
        NewsTermAnalyzer analyzer = new NewsTermAnalyzer();
        return new CategoryClassifier(analyzer, TopicTermIndex.loadDefault(analyzer));
    }

    /**
     * Classifies an article.
     *
     * @param title    headline, may be null
     * @param body     main text, may be null
     * @param keywords publisher keywords, may be null or empty
     * @return up to three categories, highest score (the primary category) first; empty when no topic
     *     has enough evidence
     */
    public List<Category> classify(String title, String body, List<String> keywords) {
        double[] evidence = evidence(title, body, keywords);
        int best = 0;
        double total = 0;
        for (int t = 0; t < evidence.length; t++) {
            total += evidence[t];
            if (evidence[t] > evidence[best]) {
                best = t;
            }
        }
        if (evidence[best] < MIN_EVIDENCE) {
            return List.of();
        }
        double floor = Math.max(MIN_EVIDENCE, RELATIVE_THRESHOLD * evidence[best]);
        List<Category> categories = new ArrayList<>();
        for (int t = 0; t < evidence.length; t++) {
            if (evidence[t] >= floor) {
                TopicTermIndex.Topic topic = index.topics().get(t);
                categories.add(new Category(topic.code(), topic.label(), evidence[t] / total));
            }
        }
        categories.sort(Comparator.comparingDouble(Category::getScore).reversed());
        return List.copyOf(categories.subList(0, Math.min(MAX_CATEGORIES, categories.size())));
    }

    /** Weighted evidence per topic index. */
    double[] evidence(String title, String body, List<String> keywords) {
        Map<String, Double> fixed = new HashMap<>();
        countTerms(analyzer.terms(title), TITLE_WEIGHT, fixed);
        if (keywords != null) {
            for (String keyword : keywords) {
                countTerms(analyzer.terms(keyword), KEYWORD_WEIGHT, fixed);
            }
        }
        Map<String, Double> bodyCounts = new HashMap<>();
        countTerms(analyzer.terms(body), 1.0, bodyCounts);

        double[] evidence = new double[index.topics().size()];
        bodyCounts.forEach((term, n) -> add(evidence, term, 1.0 + Math.log(n)));
        fixed.forEach((term, weight) -> add(evidence, term, weight));
        return evidence;
    }

    private void add(double[] evidence, String term, double amount) {
        double[] weights = index.weightsOf(term);
        for (int t = 0; t < evidence.length; t++) {
            evidence[t] += weights[t] * amount;
        }
    }

    /** Adds every list term (1- to 3-word) that occurs in {@code tokens}, {@code weight} per occurrence. */
    private void countTerms(List<String> tokens, double weight, Map<String, Double> counts) {
        for (int start = 0; start < tokens.size(); start++) {
            StringBuilder term = new StringBuilder();
            for (int len = 1; len <= TopicTermIndex.MAX_TERM_LENGTH && start + len <= tokens.size(); len++) {
                if (len > 1) {
                    term.append(' ');
                }
                term.append(tokens.get(start + len - 1));
                String key = term.toString();
                if (index.weightsOf(key) != null) {
                    counts.merge(key, weight, Double::sum);
                }
            }
        }
    }
}
