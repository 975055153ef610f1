package io.newsflow.streams.trend;

/**
 * What {@link SpikeDetector} concluded about one window; the fields of the same name in {@code Trend}.
 *
 * @param baseline      median count of the same hour of the week in earlier weeks; 0 when there are none
 * @param movingAverage mean count of the recent windows; 0 when there are none
 * @param zScore        robust z-score of the window's count
 * @param spike         the z-score reached the threshold and the count the minimum
 */
public record SpikeVerdict(double baseline, double movingAverage, double zScore, boolean spike) {
}
