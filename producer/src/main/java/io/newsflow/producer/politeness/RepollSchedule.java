package io.newsflow.producer.politeness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * When to poll a feed, sitemap or listing page again, adapting to how often it changes.
 *
 * <p>After a poll that found new items the interval is multiplied by {@code speedUp} (halved by default); after a
 * poll that found nothing new, or got 304 Not Modified, it is multiplied by {@code backOff} (1.5 by default). The
 * result always stays within {@code [min, max]}. A source that publishes every 20 minutes therefore settles
 * around 20 minutes, a dormant one drifts to {@code max}, and a burst of news pulls the interval back down at once.
 *
 * <p>The first interval is {@code min} when nothing is known yet, or the median gap between the dates of the
 * items found on the first poll ({@link #first(Collection)}), within the bounds.
 *
 * @param min the shortest interval (the most often a source is polled)
 * @param max the longest interval
 * @param speedUp factor applied after a change, in (0, 1]
 * @param backOff factor applied when nothing changed, at least 1
 */
public record RepollSchedule(Duration min, Duration max, double speedUp, double backOff) {

    /** Factor after a change: halve. */
    public static final double DEFAULT_SPEED_UP = 0.5;
    /** Factor after no change: one and a half. */
    public static final double DEFAULT_BACK_OFF = 1.5;

    public RepollSchedule {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || min.isZero()) {
            throw new IllegalArgumentException("minimum re-poll interval must be positive, got " + min);
        }
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("minimum re-poll interval " + min + " exceeds the maximum " + max);
        }
        if (!(speedUp > 0 && speedUp <= 1)) {
            throw new IllegalArgumentException("speed-up factor must be in (0, 1], got " + speedUp);
        }
        if (!(backOff >= 1) || Double.isInfinite(backOff)) {
            throw new IllegalArgumentException("back-off factor must be at least 1, got " + backOff);
        }
    }

    /** A schedule with the default factors (halve on change, ×1.5 otherwise). */
    public RepollSchedule(Duration min, Duration max) {
        this(min, max, DEFAULT_SPEED_UP, DEFAULT_BACK_OFF);
    }

    /** The first interval when nothing is known about the source: {@code min}, to learn its pace quickly. */
    public Duration first() {
        return min;
    }

    /**
     * The first interval given the publication dates of the items found on the first poll: the median gap between
     * consecutive dates, within the bounds; {@link #first()} if fewer than two dates are known.
     */
    public Duration first(Collection<Instant> itemDates) {
        List<Instant> dates = new ArrayList<>();
        for (Instant date : itemDates) {
            if (date != null) {
                dates.add(date);
            }
        }
        if (dates.size() < 2) {
            return first();
        }
        dates.sort(null);
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < dates.size(); i++) {
            gaps.add(Duration.between(dates.get(i - 1), dates.get(i)));
        }
        gaps.sort(null);
        return clamp(gaps.get(gaps.size() / 2));
    }

    /**
     * The interval after a poll.
     *
     * @param previous the interval that led to this poll (clamped into the bounds first)
     * @param changed true if the poll found new items; false if it found none or got 304 Not Modified
     */
    public Duration next(Duration previous, boolean changed) {
        Duration base = clamp(Objects.requireNonNull(previous, "previous"));
        double factor = changed ? speedUp : backOff;
        double millis = base.toMillis() * factor;
        // Compare as doubles: a product beyond the long range must not wrap around.
        if (millis >= max.toMillis()) {
            return max;
        }
        return clamp(Duration.ofMillis(Math.round(millis)));
    }

    private Duration clamp(Duration d) {
        if (d.compareTo(min) < 0) {
            return min;
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
