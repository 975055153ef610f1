package io.newsflow.producer.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link ArticleExtractor} read from one page, before it decides whether the page is an
 * article: what evaluation and debugging need even for pages it rejects. Immutable.
 *
 * @param title         the headline, or null
 * @param authors       author names in byline order, never null
 * @param publishedAt   the publication instant, or null
 * @param publishedDate the publication day as written on the page (before conversion to UTC), or null
 * @param body          the main text, paragraphs separated by a blank line, never null
 * @param paywalled     whether the page marks its content as not free or ends in a truncation marker
 * @param fieldSources  where each field came from, as in {@code Article.fieldSources}
 * @param rejection     why the page is not an article, or null when it is one
 */
public record ExtractedFields(String title, List<String> authors, Instant publishedAt, LocalDate publishedDate,
                              String body, boolean paywalled, Map<String, String> fieldSources, String rejection) {
}
