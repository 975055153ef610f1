package io.newsflow.producer.crawl;

import io.newsflow.schema.FetchOutcome;
import io.newsflow.schema.FetchStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts of one crawl by outcome, and the ids of the articles it published, as read back from the
 * committed {@code news.fetch-status} records of the crawl. Mutable while it is being built, then handed
 * to the caller; not thread-safe.
 */
public final class CrawlReport {

    private final Map<FetchOutcome, Integer> counts = new EnumMap<>(FetchOutcome.class);
    private final Set<String> articleIds = new LinkedHashSet<>();

    /** The report of these statuses. */
    public static CrawlReport of(Iterable<FetchStatus> statuses) {
        CrawlReport report = new CrawlReport();
        statuses.forEach(report::add);
        return report;
    }

    void add(FetchStatus status) {
        counts.merge(status.getOutcome(), 1, Integer::sum);
        if (status.getOutcome() == FetchOutcome.ARTICLE && status.getArticleId() != null) {
            articleIds.add(status.getArticleId());
        }
    }

    /** How many URLs ended with {@code outcome}. */
    public int countOf(FetchOutcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    /** Ids of the articles published, in crawl order, without repeats. */
    public Set<String> articleIds() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(articleIds));
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
