package io.newsflow.streams.trend;

import java.util.Arrays;
import java.util.Objects;

/**
 * Decides whether a window's count is a spike, with a robust z-score that outliers in the history
 * cannot inflate: z = (count − median) / max(1.4826 · MAD, minScale), where MAD is the median absolute
 * deviation (1.4826 · MAD estimates the standard deviation of normal data).
 *
 * <p>The reference is the recent windows plus the same hour of the week in earlier weeks. When at
 * least {@value #MIN_SEASONAL_WEEKS} earlier weeks are known, the count must also stand out against
 * those weeks alone, and the reported z is the smaller of the two: a weekly rhythm (every Monday 9:00
 * busy) is then not a spike however quiet the preceding hours were, while a Monday 9:00 well above
 * earlier Mondays still is. One earlier week is not yet a rhythm.
 *
 * <p>Immutable and thread-safe.
 */
public final class SpikeDetector {

    /** Scales a MAD to a standard deviation for normally distributed data. */
    static final double MAD_TO_SIGMA = 1.4826;
    static final int MIN_SEASONAL_WEEKS = 2;

    private final SpikeSettings settings;

    public SpikeDetector(SpikeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Evaluates one window.
     *
     * @param count                the window's count
     * @param recentCounts         the preceding windows, oldest first; only the last
     *                             {@code recentWindows} are used
     * @param sameHourOfWeekCounts the same hour of the week in earlier weeks, any order
     */
    public SpikeVerdict evaluate(long count, long[] recentCounts, long[] sameHourOfWeekCounts) {
        long[] recent = Arrays.copyOfRange(recentCounts, Math.max(0, recentCounts.length - settings.recentWindows()),
                recentCounts.length);
        long[] seasonal = sameHourOfWeekCounts.clone();
        long[] reference = Arrays.copyOf(recent, recent.length + seasonal.length);
        System.arraycopy(seasonal, 0, reference, recent.length, seasonal.length);

        double z = zScore(count, reference);
        if (seasonal.length >= MIN_SEASONAL_WEEKS) {
            z = Math.min(z, zScore(count, seasonal));
        }
        double baseline = seasonal.length == 0 ? 0.0 : median(seasonal);
        double movingAverage = recent.length == 0 ? 0.0 : Arrays.stream(recent).average().orElse(0.0);
        boolean spike = z >= settings.threshold() && count >= settings.minCount();
        return new SpikeVerdict(baseline, movingAverage, z, spike);
    }

    /** Robust z of {@code count} against {@code reference}; against nothing the median is 0. */
    private double zScore(long count, long[] reference) {
        double median = reference.length == 0 ? 0.0 : median(reference);
        double[] deviations = new double[reference.length];
        for (int i = 0; i < reference.length; i++) {
            deviations[i] = Math.abs(reference[i] - median);
        }
        double mad = deviations.length == 0 ? 0.0 : median(deviations);
        return (count - median) / Math.max(MAD_TO_SIGMA * mad, settings.minScale());
    }

    static double median(long[] values) {
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i];
        }
        return median(copy);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
