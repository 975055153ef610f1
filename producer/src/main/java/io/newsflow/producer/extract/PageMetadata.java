package io.newsflow.producer.extract;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a page declares about itself in markup (JSON-LD, OpenGraph, {@code <meta>}, {@code <time>},
 * {@code <link rel=canonical>}, {@code <html lang>}): the best candidate per field, each null when the
 * page does not declare it. Visible-text sources (bylines, citation line) are the fallback, applied by
 * {@link ArticleExtractor}.
 *
 * @param h1              text of the first {@code <h1>}, the last-resort title
 * @param declaresArticle JSON-LD article node or {@code og:type=article} present
 */
record PageMetadata(Sourced<String> title, String h1, Sourced<List<String>> authors,
                    Sourced<OffsetDateTime> publishedAt, Sourced<String> source, Sourced<List<String>> keywords,
                    Sourced<String> language, Sourced<String> canonicalUrl, String ogType,
                    boolean declaresArticle) {
}
