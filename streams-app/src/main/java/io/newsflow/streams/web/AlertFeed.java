package io.newsflow.streams.web;

import io.newsflow.schema.KeywordAlert;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the alerts page shows: the latest alerts in memory (a ring buffer of fixed capacity, so memory
 * stays bounded however many alerts flow), live subscribers, and per-rule hourly counts for
 * sparklines. The counts are kept apart from the buffer so a sparkline stays right when the buffer has
 * long forgotten the alerts it counts.
 *
 * <p>Thread-safe. {@link #publish} calls matching listeners on the publishing thread, so a listener
 * must return quickly (hand the alert to a queue); one that throws is logged and skipped.
 */
public final class AlertFeed {

    /** Longest sparkline window, in hours (a week); older counts are dropped. */
    public static final int MAX_SPARKLINE_HOURS = 168;

    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
    private static final long SECONDS_PER_HOUR = 3600;

    private final int capacity;
    private final Clock clock;
    private final Object lock = new Object();
    /** Oldest first; guarded by {@link #lock}. */
    private final ArrayDeque<KeywordAlert> buffer;
    /** Rule id to (hour since the epoch to alerts detected in it); guarded by {@link #lock}. */
    private final Map<String, NavigableMap<Long, Long>> hourly = new TreeMap<>();
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();

    /**
     * @param capacity alerts kept for {@link #recent}, at least 1
     * @param clock tells the current hour for {@link #sparklines}
     */
    public AlertFeed(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.buffer = new ArrayDeque<>(Math.min(capacity, 4096));
    }

    /** Adds an alert (one read from news.alerts) and passes it to every subscriber whose filter accepts it. */
    public void publish(KeywordAlert alert) {
        Objects.requireNonNull(alert, "alert");
        synchronized (lock) {
            if (buffer.size() == capacity) {
                buffer.removeFirst();
            }
            buffer.addLast(alert);
            count(alert);
        }
        for (Subscription s : subscribers) {
            if (s.filter.test(alert)) {
                try {
                    s.listener.accept(alert);
                } catch (RuntimeException e) {
                    LOG.warn("Alert listener failed on alert {}; skipped", alert.getAlertId(), e);
                }
            }
        }
    }

    /** Up to {@code limit} alerts accepted by the filter, newest (last published) first. */
    public List<KeywordAlert> recent(AlertFilter filter, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        AlertFilter f = filter == null ? AlertFilter.all() : filter;
        List<KeywordAlert> out = new ArrayList<>(Math.min(limit, 256));
        synchronized (lock) {
            for (Iterator<KeywordAlert> it = buffer.descendingIterator(); it.hasNext() && out.size() < limit; ) {
                KeywordAlert a = it.next();
                if (f.test(a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /**
     * Calls {@code listener} with every alert published from now on that the filter accepts, until
     * the returned handle is closed (closing twice is harmless).
     */
    public AutoCloseable subscribe(AlertFilter filter, Consumer<KeywordAlert> listener) {
        Subscription s = new Subscription(filter == null ? AlertFilter.all() : filter,
                Objects.requireNonNull(listener, "listener"));
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    /**
     * Alerts per rule per hour over the last {@code hours} hours by {@code detectedAt}, oldest hour
     * first; the last element is the current (partial) hour. Rules without an alert in the window
     * are left out.
     *
     * @param hours 1 to {@link #MAX_SPARKLINE_HOURS}
     */
    public Map<String, long[]> sparklines(int hours) {
        if (hours < 1 || hours > MAX_SPARKLINE_HOURS) {
            throw new IllegalArgumentException(
                    "hours must be between 1 and " + MAX_SPARKLINE_HOURS + ", got " + hours);
        }
        long current = currentHour();
        long first = current - hours + 1;
        Map<String, long[]> out = new LinkedHashMap<>();
        synchronized (lock) {
            prune(current);
            for (Map.Entry<String, NavigableMap<Long, Long>> rule : hourly.entrySet()) {
                NavigableMap<Long, Long> window = rule.getValue().subMap(first, true, current, true);
                if (window.isEmpty()) {
                    continue;
                }
                long[] counts = new long[hours];
                window.forEach((hour, n) -> counts[(int) (hour - first)] = n);
                out.put(rule.getKey(), counts);
            }
        }
        return out;
    }

    /** Number of live subscriptions; lets tests check that a departed client was cleaned up. */
    int subscriberCount() {
        return subscribers.size();
    }

    private void count(KeywordAlert alert) {
        if (alert.getDetectedAt() == null) {
            return;
        }
        long current = currentHour();
        long hour = Math.floorDiv(alert.getDetectedAt().getEpochSecond(), SECONDS_PER_HOUR);
        if (hour <= current - MAX_SPARKLINE_HOURS) {
            return; // a replayed old alert: outside every window we can be asked for
        }
        NavigableMap<Long, Long> counts = hourly.computeIfAbsent(alert.getRuleId(), k -> new TreeMap<>());
        counts.merge(hour, 1L, Long::sum);
        counts.headMap(current - MAX_SPARKLINE_HOURS + 1, false).clear(); // this rule only: publish stays O(1) in rules
    }

    /** Drops counts older than the longest window, and rules left without any. */
    private void prune(long current) {
        long oldestKept = current - MAX_SPARKLINE_HOURS + 1;
        hourly.values().removeIf(counts -> {
            counts.headMap(oldestKept, false).clear();
            return counts.isEmpty();
        });
    }

    private long currentHour() {
        return Math.floorDiv(clock.instant().getEpochSecond(), SECONDS_PER_HOUR);
    }

    /** A class, not a record: removal must go by identity, as two clients may use equal filters. */
    private static final class Subscription {
        final AlertFilter filter;
        final Consumer<KeywordAlert> listener;

        Subscription(AlertFilter filter, Consumer<KeywordAlert> listener) {
            this.filter = filter;
            this.listener = listener;
        }
    }
}
