package io.newsflow.streams.trend;

/**
 * How {@link SpikeDetector} decides.
 *
 * @param recentWindows how many preceding windows form the recent history (e.g. 24 hours)
 * @param minCount      a window with fewer items is never a spike, however unusual (e.g. 3)
 * @param threshold     robust z-score from which a window is a spike (e.g. 3.5)
 * @param minScale      floor of the z-score's scale, so a perfectly flat history does not turn every +1
 *                      into a spike (e.g. 1.0)
 */
public record SpikeSettings(int recentWindows, int minCount, double threshold, double minScale) {

    /** Validates every field, naming the one that is wrong. */
    public SpikeSettings {
        if (recentWindows < 1) {
            throw new IllegalArgumentException("recentWindows must be at least 1: " + recentWindows);
        }
        if (minCount < 0) {
            throw new IllegalArgumentException("minCount must not be negative: " + minCount);
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be positive and finite: " + threshold);
        }
        if (!(minScale > 0) || Double.isInfinite(minScale)) {
            throw new IllegalArgumentException("minScale must be positive and finite: " + minScale);
        }
    }

    /** 24 recent hours, at least 3 items, z ≥ 3.5, scale at least 1. */
    public static SpikeSettings defaults() {
        return new SpikeSettings(24, 3, 3.5, 1.0);
    }
}
