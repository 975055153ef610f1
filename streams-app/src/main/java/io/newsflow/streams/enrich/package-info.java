/**
 * Enrichment stage of the streams app: language detection, IPTC Media Topic categories and news-tone
 * sentiment, composed by {@link io.newsflow.streams.enrich.ArticleEnricher}.
 *
 * <p>Every class here is plain Java with no Kafka dependency, so the topology can call it from a
 * processor and tests can call it directly. Word lists and lexicons live as resources beside these
 * classes ({@code src/main/resources/io/newsflow/streams/enrich/}); nothing is downloaded at run time.
 */
package io.newsflow.streams.enrich;
