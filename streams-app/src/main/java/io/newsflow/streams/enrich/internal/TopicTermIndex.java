package io.newsflow.streams.enrich.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hand-written category term lists, normalised by {@link NewsTermAnalyzer} and indexed by term.
 *
 * <p>A term-list file has a {@code [code]} line that opens a topic and, under it, {@code weight: term,
 * term, ...} lines that list terms of that weight. A term may have up to {@value #MAX_TERM_LENGTH}
 * words (e.g. "bank of england") and may appear under several topics. The topics an index covers are
 * given by the caller; a block for any other code is an error.
 *
 * <p>Immutable and thread-safe.
 */
public final class TopicTermIndex {

    /** Longest multi-word term, in analysed tokens. */
    public static final int MAX_TERM_LENGTH = 3;

    /** One IPTC Media Topic. */
    public record Topic(String code, String label) {
    }

    private final List<Topic> topics;
    /** Normalised term (words joined by one space) to its weight per topic index. */
    private final Map<String, double[]> weights;
    /** The first word, and first two words, of every term of more than one word ("bank", "bank of"). */
    private final Set<String> prefixes;

    private TopicTermIndex(List<Topic> topics, Map<String, double[]> weights) {
        this.topics = List.copyOf(topics);
        Set<String> prefixes = new HashSet<>();
        for (String term : weights.keySet()) {
            for (int space = term.indexOf(' '); space > 0; space = term.indexOf(' ', space + 1)) {
                prefixes.add(term.substring(0, space));
            }
        }
        this.prefixes = Collections.unmodifiableSet(prefixes);
        // A HashMap, not Map.copyOf: most lookups are misses (every 1-3 word sequence of an article is
        // looked up), and the immutable map's linear probing made them several times slower.
        this.weights = Collections.unmodifiableMap(new HashMap<>(weights));
    }

    /** Loads a bundled term-list resource for the given topics. */
    public static TopicTermIndex loadResource(List<Topic> topics, String resource, NewsTermAnalyzer analyzer) {
        return load(topics, Resources.contentLines(resource), resource, analyzer);
    }

    /**
     * Builds an index from the lines of a term-list file (comments already removed).
     *
     * @param source file name for error messages
     */
    public static TopicTermIndex load(List<Topic> topics, List<String> termLines, String source,
            NewsTermAnalyzer analyzer) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < topics.size(); i++) {
            position.put(topics.get(i).code(), i);
        }
        Map<String, double[]> weights = new HashMap<>();
        int current = -1;
        for (String line : termLines) {
            if (line.startsWith("[") && line.endsWith("]")) {
                String code = line.substring(1, line.length() - 1).strip();
                Integer index = position.get(code);
                if (index == null) {
                    throw new IllegalStateException(source + ": unknown topic " + code);
                }
                current = index;
                continue;
            }
            int colon = line.indexOf(':');
            if (current < 0 || colon <= 0) {
                throw new IllegalStateException(source + ": expected 'weight: terms' under a [code], got: " + line);
            }
            double weight = Double.parseDouble(line.substring(0, colon).strip());
            for (String raw : line.substring(colon + 1).split(",")) {
                if (raw.isBlank()) {
                    continue;
                }
                List<String> words = analyzer.terms(raw);
                if (words.isEmpty() || words.size() > MAX_TERM_LENGTH) {
                    throw new IllegalStateException(source + ": term must have 1-"
                            + MAX_TERM_LENGTH + " words: '" + raw.strip() + "'");
                }
                double[] perTopic = weights.computeIfAbsent(String.join(" ", words), t -> new double[topics.size()]);
                // Inflections of one word collapse to one term; keep the strongest weight, never add.
                perTopic[current] = Math.max(perTopic[current], weight);
            }
        }
        return new TopicTermIndex(topics, weights);
    }

    /** The topics, in the caller's order; topic indexes refer to this list. */
    public List<Topic> topics() {
        return topics;
    }

    /**
     * Whether some term of more than one word starts with these words (joined by one space): only then
     * can a longer word sequence starting with them be a term.
     */
    public boolean startsLongerTerm(String words) {
        return prefixes.contains(words);
    }

    /** Weights of a normalised term per topic index, or null when the term is on no list. */
    public double[] weightsOf(String term) {
        return weights.get(term);
    }

    /** Number of distinct terms per topic, for documentation and tests. */
    public int[] termCounts() {
        int[] counts = new int[topics.size()];
        for (double[] perTopic : weights.values()) {
            for (int t = 0; t < perTopic.length; t++) {
                if (perTopic[t] > 0) {
                    counts[t]++;
                }
            }
        }
        return counts;
    }
}
