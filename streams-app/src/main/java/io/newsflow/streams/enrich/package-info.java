/**
 * Enrichment stage of the streams app: language detection, IPTC Media Topic categories, news-tone
 * sentiment and named entities, composed by {@link io.newsflow.streams.enrich.ArticleEnricher}; and
 * story assignment of near-duplicates ({@link io.newsflow.streams.enrich.SimHash},
 * {@link io.newsflow.streams.enrich.StoryMatcher} over a pluggable
 * {@link io.newsflow.streams.enrich.BandStore}), which the topology calls with its own state store.
 *
 * <p>Every class here is plain Java with no Kafka dependency, so the topology can call it from a
 * processor and tests can call it directly. Word lists and lexicons live as resources beside these
 * classes ({@code src/main/resources/io/newsflow/streams/enrich/}); nothing is downloaded at run time.
 */
package io.newsflow.streams.enrich;
