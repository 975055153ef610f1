/**
 * Keyword alerts: analysts' saved queries ({@link io.newsflow.schema.AlertRule}) matched against every
 * enriched article, producing one {@link io.newsflow.schema.KeywordAlert} per matching rule.
 *
 * <p>{@link io.newsflow.streams.alert.AlertMatcher} holds the live rules in a Lucene Monitor (the
 * inverse of a search index: the queries are indexed and each article is the "query"), so the cost of
 * a match grows with the rules an article could plausibly hit, not with the number of rules. Rules
 * with equal queries share one Monitor query, wildcard rules are indexed by their literal prefix, and
 * a rule's optional filters ({@link io.newsflow.streams.alert.RuleFilter}: categories, languages,
 * sources, minimum sentiment) are checked before its query runs.
 * {@link io.newsflow.streams.alert.RuleValidator} refuses rules that would be wrong or slow before they
 * reach the Monitor, {@link io.newsflow.streams.alert.RulesFile} loads rules from YAML, and
 * {@link io.newsflow.streams.alert.QueryLanguage} names the fields, analyzer and document the queries
 * run against. Throughput at 1k to 100k rules is measured by {@code io.newsflow.bench.alert} (see
 * BENCHMARKS.md).
 *
 * <p>Plain Java with no Kafka dependency: the topology feeds rules from the compacted
 * {@code news.alert-rules} topic and articles from {@code news.articles.enriched}.
 */
package io.newsflow.streams.alert;
