/**
 * Alert-matching benchmark: {@link io.newsflow.bench.alert.AlertMatchingBenchmark} matches generated
 * news articles against 1k to 100k generated rules with the streams app's
 * {@link io.newsflow.streams.alert.AlertMatcher}, against a brute-force baseline in the same run.
 * Rules and articles come from the word lists in {@code news-vocabulary.txt} with a fixed seed.
 */
package io.newsflow.bench.alert;
