package io.newsflow.streams.enrich;

import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import java.time.Instant;

/**
 * The enrichment stage as the topology sees it: an article in, the enriched article out. The
 * default implementation is {@link ArticleEnricher}. Implementations must be thread-safe; one that
 * throws sends that article to the dead-letter topic.
 */
@FunctionalInterface
public interface Enricher {

    /** Enriches {@code article}; {@code now} is the enrichment time. */
    EnrichedArticle enrich(Article article, Instant now);
}
