package io.newsflow.producer.extract;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a page declares about itself in markup (JSON-LD, OpenGraph, Dublin Core, {@code <meta>},
 * {@code <time>}, {@code <link rel=canonical>}, {@code <html lang>}): the best candidate per field, each
 * null when the page does not declare it. Visible-text sources (bylines, datelines, the citation line,
 * the URL) are the fallback, applied by {@link ArticleExtractor}.
 *
 * @param title               the headline (possibly the {@code <h1>} that matches a declared title)
 * @param h1                  text of the first {@code <h1>} outside the chrome, or null
 * @param organizationAuthors JSON-LD authors typed Organization, the last resort for authors
 * @param publishedAt         the publication date from OpenGraph and other {@code <meta>} tags, microdata
 *                            elements or {@code <time>}
 * @param jsonLdPublishedAt   the schema.org date: JSON-LD's {@code datePublished} (of the article node, else of
 *                            the WebPage node), else {@code <meta itemprop=datePublished>}, else Dublin Core;
 *                            like JSON-LD, these often date the first version of a page updated since
 * @param modifiedAt          the last-modified date ({@code article:modified_time}, JSON-LD {@code dateModified}),
 *                            the very last resort for the publication date
 * @param declaresArticle     JSON-LD article node or {@code og:type=article} present
 * @param paywalled           true with its source when the markup says the content is not free, else null
 */
record PageMetadata(Sourced<String> title, String h1, Sourced<List<String>> authors,
                    Sourced<List<String>> organizationAuthors, Sourced<OffsetDateTime> publishedAt,
                    Sourced<OffsetDateTime> jsonLdPublishedAt, Sourced<OffsetDateTime> modifiedAt,
                    Sourced<String> source, Sourced<List<String>> keywords, Sourced<String> language,
                    Sourced<String> canonicalUrl, String ogType, boolean declaresArticle, Sourced<Boolean> paywalled) {
}
