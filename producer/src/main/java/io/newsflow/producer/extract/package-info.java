/**
 * Extraction stage: a pure function from a fetched page to an {@code Article} or a reasoned rejection.
 *
 * <p>Entry point {@link io.newsflow.producer.extract.ArticleExtractor}; the package-private classes are its
 * steps, in order: {@code PageScan} walks the document once, gathering the metadata sources and, with
 * {@code Chrome} and {@code ClassNames}, the site chrome; {@code MetadataExtractor} (with {@code JsonLdReader})
 * reads the markup and {@code VisibleMetadata} the bylines and datelines; {@code MainTextDetector} finds the
 * body around the chrome (or takes it from a {@link io.newsflow.producer.extract.SiteRules site rule});
 * {@code Trailer}, {@code Citation} and {@code Truncation} take the citation line, the Keywords line and a
 * paywall's truncation marker off its end; {@code PageClassifier} rejects listings and other non-articles.
 * The document is never modified.
 */
package io.newsflow.producer.extract;
