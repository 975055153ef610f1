package io.newsflow.producer.crawl;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Spaces requests to the same host by a minimum delay. Not thread-safe (one per crawl thread). */
final class HostPacer {

    private final Map<String, Long> lastRequestNanos = new HashMap<>();

    /** Sleeps until {@code delay} has passed since the previous request to {@code host}, then records this one. */
    void awaitTurn(String host, Duration delay) {
        String key = host == null ? "" : host;
        Long last = lastRequestNanos.get(key);
        if (last != null) {
            long waitNanos = last + delay.toNanos() - System.nanoTime();
            if (waitNanos > 0) {
                try {
                    Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting to fetch from " + host, e);
                }
            }
        }
        lastRequestNanos.put(key, System.nanoTime());
    }
}
