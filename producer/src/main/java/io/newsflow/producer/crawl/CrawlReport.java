package io.newsflow.producer.crawl;

import io.newsflow.schema.FetchOutcome;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts of one crawl, by outcome, and the ids of the articles it published. Mutable while the crawl
 * runs, then handed to the caller; not thread-safe.
 */
public final class CrawlReport {

    private final Map<FetchOutcome, Integer> counts = new EnumMap<>(FetchOutcome.class);
    private final Set<String> articleIds = new LinkedHashSet<>();

    void count(FetchOutcome outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    void published(String articleId) {
        articleIds.add(articleId);
    }

    /** How many URLs ended with {@code outcome}. */
    public int countOf(FetchOutcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    /** Ids of the articles published, in crawl order, without repeats. */
    public Set<String> articleIds() {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(articleIds));
    }

    /** URLs considered in all. */
    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        return "urls=" + total() + " " + counts + " articles=" + articleIds.size();
    }
}
