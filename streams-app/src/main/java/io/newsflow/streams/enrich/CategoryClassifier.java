package io.newsflow.streams.enrich;

import io.newsflow.schema.Category;
import io.newsflow.streams.enrich.internal.NewsTermAnalyzer;
import io.newsflow.streams.enrich.internal.Resources;
import io.newsflow.streams.enrich.internal.TopicTermIndex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The default {@link CategoryModel}: assigns IPTC Media Topic level-1 categories (the 17
 * {@code medtop:XX000000} codes) and, where the evidence is clear, level-2 codes under them, from
 * hand-written, weighted term lists. It needs no training data.
 *
 * <p>Scoring: every list term found in the text adds its weight to its topics. A title occurrence
 * counts {@value #TITLE_WEIGHT}× and a publisher keyword {@value #KEYWORD_WEIGHT}×, because both state
 * what the article is about; body occurrences of one term are damped logarithmically (1 + ln n) so
 * that one repeated word cannot outvote the article's broader vocabulary. A level-1 topic is returned
 * when its evidence is at least {@value #MIN_EVIDENCE} and at least {@value #RELATIVE_THRESHOLD} of the
 * best topic's; at most {@value #MAX_CATEGORIES}. Its score is its share of all level-1 evidence in
 * the article, so scores are in [0, 1] and fall as the text gets more mixed.
 *
 * <p>Level 2: under each returned level-1 topic, its level-2 topics are scored the same way from their
 * own term lists ({@code category-subtopic-terms.txt}). A level-2 topic is returned when its evidence
 * is at least {@value #MIN_SUB_EVIDENCE} and at least {@value #SUB_RELATIVE_THRESHOLD} of its best
 * sibling's; at most {@value #MAX_SUBTOPICS} per parent. Its score is its parent's score times its
 * share of the evidence for the parent's level-2 topics, so it never exceeds its parent's.
 *
 * <p>Order: by score, highest first; on a tie the level-1 topic comes first, so the primary category
 * (the first) is always a level-1 topic.
 *
 * <p>Immutable and thread-safe.
 */
public final class CategoryClassifier implements CategoryModel {

    static final double TITLE_WEIGHT = 3.0;
    static final double KEYWORD_WEIGHT = 2.0;
    /** Weighted evidence a topic needs at least: roughly two strong terms, or one in the title. */
    static final double MIN_EVIDENCE = 5.0;
    static final double RELATIVE_THRESHOLD = 0.35;
    static final int MAX_CATEGORIES = 3;
    /** Weighted evidence a level-2 topic needs at least: two strong terms, or one in the title. */
    static final double MIN_SUB_EVIDENCE = 6.0;
    static final double SUB_RELATIVE_THRESHOLD = 0.5;
    static final int MAX_SUBTOPICS = 2;

    private static final String TOPICS_FILE = "iptc-mediatopics.tsv";
    private static final String TERMS_FILE = "category-terms.txt";
    private static final String SUBTOPIC_TERMS_FILE = "category-subtopic-terms.txt";

    private final NewsTermAnalyzer analyzer;
    private final TopicTermIndex level1;
    private final TopicTermIndex level2;
    /** For each level-1 topic index, the indexes of its level-2 topics in {@link #level2}. */
    private final List<List<Integer>> childrenOf;
    private final String version;

    CategoryClassifier(NewsTermAnalyzer analyzer, CategoryTaxonomy taxonomy, List<String> termLines,
            List<String> subtopicTermLines, String version) {
        this.analyzer = analyzer;
        List<TopicTermIndex.Topic> parents = new ArrayList<>();
        List<TopicTermIndex.Topic> children = new ArrayList<>();
        List<List<Integer>> childrenOf = new ArrayList<>();
        for (CategoryTaxonomy.Topic parent : taxonomy.level1()) {
            parents.add(new TopicTermIndex.Topic(parent.code(), parent.label()));
            List<Integer> mine = new ArrayList<>();
            for (CategoryTaxonomy.Topic child : taxonomy.childrenOf(parent.code())) {
                mine.add(children.size());
                children.add(new TopicTermIndex.Topic(child.code(), child.label()));
            }
            childrenOf.add(List.copyOf(mine));
        }
        this.level1 = TopicTermIndex.load(parents, termLines, TERMS_FILE, analyzer);
        this.level2 = TopicTermIndex.load(children, subtopicTermLines, SUBTOPIC_TERMS_FILE, analyzer);
        this.childrenOf = List.copyOf(childrenOf);
        this.version = version;
    }

    /** Creates a classifier with the bundled IPTC topics and term lists. */
    public static CategoryClassifier loadDefault() {
        List<String> terms = Resources.contentLines(TERMS_FILE);
        List<String> subtopicTerms = Resources.contentLines(SUBTOPIC_TERMS_FILE);
        String version = "iptc-terms-" + shortHash(Resources.contentLines(TOPICS_FILE), terms, subtopicTerms);
        return new CategoryClassifier(new NewsTermAnalyzer(), CategoryTaxonomy.bundled(), terms, subtopicTerms, version);
    }

    /** {@code iptc-terms-} and the first 8 hex digits of a SHA-256 over the topic and term lists. */
    @Override
    public String version() {
        return version;
    }

    /**
     * Classifies an article.
     *
     * @return up to {@value #MAX_CATEGORIES} level-1 categories and up to {@value #MAX_SUBTOPICS} level-2
     *     topics under each, all in score order, the primary (a level-1 topic) first; empty when no topic
     *     has enough evidence
     */
    @Override
    public List<Category> classify(String title, String body, List<String> keywords) {
        Evidence evidence = evidence(title, body, keywords);
        double[] topics = evidence.level1();
        int best = argMax(topics);
        if (topics[best] < MIN_EVIDENCE) {
            return List.of();
        }
        double total = sum(topics);
        double floor = Math.max(MIN_EVIDENCE, RELATIVE_THRESHOLD * topics[best]);
        List<Scored> found = new ArrayList<>();
        for (int t = 0; t < topics.length; t++) {
            if (topics[t] >= floor) {
                found.add(new Scored(level1.topics().get(t), topics[t] / total, 1, t));
            }
        }
        found.sort(Scored.ORDER);
        List<Scored> parents = found.subList(0, Math.min(MAX_CATEGORIES, found.size()));
        List<Scored> all = new ArrayList<>(parents);
        for (Scored parent : parents) {
            all.addAll(subtopics(parent, evidence.level2()));
        }
        all.sort(Scored.ORDER);
        return all.stream().map(s -> new Category(s.topic().code(), s.topic().label(), s.score())).toList();
    }

    private List<Scored> subtopics(Scored parent, double[] evidence) {
        List<Integer> children = childrenOf.get(parent.index());
        double best = 0;
        double total = 0;
        for (int child : children) {
            best = Math.max(best, evidence[child]);
            total += evidence[child];
        }
        double floor = Math.max(MIN_SUB_EVIDENCE, SUB_RELATIVE_THRESHOLD * best);
        List<Scored> found = new ArrayList<>();
        for (int child : children) {
            if (evidence[child] >= floor) {
                // share first: a sole child's share is exactly 1, so its score equals (never exceeds) its parent's
                double share = evidence[child] / total;
                found.add(new Scored(level2.topics().get(child), parent.score() * share, 2, child));
            }
        }
        found.sort(Scored.ORDER);
        return found.subList(0, Math.min(MAX_SUBTOPICS, found.size()));
    }

    /** Weighted evidence per level-1 topic index and per level-2 topic index. */
    record Evidence(double[] level1, double[] level2) {
    }

    Evidence evidence(String title, String body, List<String> keywords) {
        // Every 1- to 3-word sequence of each text, built once and looked up in both levels' lists.
        List<String> titleTerms = ngrams(analyzer.terms(title));
        List<String> bodyTerms = ngrams(analyzer.terms(body));
        List<List<String>> keywordTerms = new ArrayList<>();
        if (keywords != null) {
            for (String keyword : keywords) {
                keywordTerms.add(ngrams(analyzer.terms(keyword)));
            }
        }
        return new Evidence(evidence(level1, titleTerms, bodyTerms, keywordTerms),
                evidence(level2, titleTerms, bodyTerms, keywordTerms));
    }

    private static double[] evidence(TopicTermIndex index, List<String> title, List<String> body,
            List<List<String>> keywords) {
        Map<String, Double> fixed = new HashMap<>();
        countTerms(index, title, TITLE_WEIGHT, fixed);
        for (List<String> keyword : keywords) {
            countTerms(index, keyword, KEYWORD_WEIGHT, fixed);
        }
        Map<String, Double> bodyCounts = new HashMap<>();
        countTerms(index, body, 1.0, bodyCounts);

        double[] evidence = new double[index.topics().size()];
        bodyCounts.forEach((term, n) -> add(index, evidence, term, 1.0 + Math.log(n)));
        fixed.forEach((term, weight) -> add(index, evidence, term, weight));
        return evidence;
    }

    private static void add(TopicTermIndex index, double[] evidence, String term, double amount) {
        double[] weights = index.weightsOf(term);
        for (int t = 0; t < evidence.length; t++) {
            evidence[t] += weights[t] * amount;
        }
    }

    /** Adds every n-gram that is a list term, {@code weight} per occurrence. */
    private static void countTerms(TopicTermIndex index, List<String> ngrams, double weight, Map<String, Double> counts) {
        for (String ngram : ngrams) {
            if (index.weightsOf(ngram) != null) {
                counts.merge(ngram, weight, Double::sum);
            }
        }
    }

    /**
     * The 1- to {@value TopicTermIndex#MAX_TERM_LENGTH}-word sequences of {@code tokens} (words joined by
     * a space) that can be terms: every word, and a longer sequence only when its words without the
     * last start a multi-word term of either level. The others could never be counted, and skipping
     * them saves most of the strings and look-ups.
     */
    private List<String> ngrams(List<String> tokens) {
        List<String> ngrams = new ArrayList<>(tokens.size() + tokens.size() / 4);
        for (int start = 0; start < tokens.size(); start++) {
            String term = tokens.get(start);
            ngrams.add(term);
            for (int len = 2; len <= TopicTermIndex.MAX_TERM_LENGTH && start + len <= tokens.size(); len++) {
                if (!level1.startsLongerTerm(term) && !level2.startsLongerTerm(term)) {
                    break;
                }
                term = term + ' ' + tokens.get(start + len - 1);
                ngrams.add(term);
            }
        }
        return ngrams;
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    @SafeVarargs
    private static String shortHash(List<String>... files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (List<String> lines : files) {
                for (String line : lines) {
                    sha.update(line.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                }
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** A topic with its score, level (1 or 2) and index in its level's term index. */
    private record Scored(TopicTermIndex.Topic topic, double score, int level, int index) {
        static final Comparator<Scored> ORDER = Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingInt(Scored::level);
    }
}
