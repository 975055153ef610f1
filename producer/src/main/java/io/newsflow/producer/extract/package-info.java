/**
 * Extraction stage: a pure function from a fetched page to an {@code Article} or a reasoned rejection.
 *
 * <p>Entry point {@link io.newsflow.producer.extract.ArticleExtractor}; the package-private classes are its
 * steps, in order: {@code MetadataExtractor} (with {@code JsonLdReader}) reads markup, {@code VisibleMetadata}
 * reads bylines and "Published" lines, {@code ChromeStripper} and {@code MainTextDetector} find the body,
 * {@code Trailer} and {@code Citation} take the citation and Keywords lines off its end, and
 * {@code PageClassifier} rejects listings and other non-articles.
 */
package io.newsflow.producer.extract;
