/**
 * Keyword alerts: analysts' saved queries ({@link io.newsflow.schema.AlertRule}) matched against every
 * enriched article, producing one {@link io.newsflow.schema.KeywordAlert} per matching rule.
 *
 * <p>{@link io.newsflow.streams.alert.AlertMatcher} holds the live rules in a Lucene Monitor (the
 * inverse of a search index: the queries are indexed and each article is the "query"), so the cost of
 * a match grows with the rules an article could plausibly hit, not with the number of rules.
 * {@link io.newsflow.streams.alert.RuleValidator} refuses rules that would be wrong or slow before they
 * reach the Monitor, and {@link io.newsflow.streams.alert.RulesFile} loads rules from YAML.
 *
 * <p>Plain Java with no Kafka dependency: the topology feeds rules from the compacted
 * {@code news.alert-rules} topic and articles from {@code news.articles.enriched}.
 */
package io.newsflow.streams.alert;
