/**
 * Trend stage of the streams app: hourly counts per rule, category or entity
 * ({@link io.newsflow.streams.trend.TrendHistory}) and spike detection on them
 * ({@link io.newsflow.streams.trend.SpikeDetector}), the values behind {@code news.trends}.
 *
 * <p>Plain Java with no Kafka dependency: the topology keeps a {@code TrendHistory} per key in a state
 * store (as bytes) and calls the detector when a window closes.
 */
package io.newsflow.streams.trend;
