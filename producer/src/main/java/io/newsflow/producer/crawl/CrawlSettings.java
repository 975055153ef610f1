package io.newsflow.producer.crawl;

import static io.newsflow.schemas.Settings.number;

import io.newsflow.producer.politeness.RepollSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Typed configuration of the crawl loop ({@code producer.crawl.*}, {@code producer.frontier.*}), read once
 * from the merged settings and validated; messages name the key at fault.
 *
 * @param applicationId Kafka Streams {@code application.id} of the crawler: every instance with the same id
 *     shares the frontier's partitions, and so its hosts ({@code producer.crawl.application.id}; empty means
 *     {@code topic.prefix} + {@code newsflow-crawler}, so that prefixed deployments sharing a cluster do not
 *     share a consumer group)
 * @param stateDir folder of the crawler's RocksDB stores ({@code data.dir}/crawler)
 * @param concurrency most fetches in flight at once in one instance, each to a different host
 *     ({@code producer.crawl.fetch.concurrency})
 * @param tick how often the frontier looks for hosts whose next fetch is due ({@code producer.crawl.tick.ms})
 * @param commitInterval Kafka Streams commit interval when idle; a finished fetch is committed within 100 ms
 *     ({@code producer.crawl.commit.interval.ms})
 * @param budgetWindow a site or folder source fetches at most {@code max-pages} URLs per window; the rest wait
 *     for the next one ({@code producer.recrawl.interval.ms})
 * @param listingRepoll re-poll bounds of start pages and folders (feeds and sitemaps have their own)
 *     ({@code producer.crawl.repoll.min.ms}, {@code producer.crawl.repoll.max.ms})
 * @param crawlDelayCap the longest robots.txt Crawl-delay honoured ({@code producer.crawl.robots.max.delay.ms})
 * @param robotsErrorBackoff how long a site whose robots.txt is unreachable waits before it is asked again
 *     ({@code producer.crawl.robots.error.backoff.ms})
 * @param retryAfterCap the longest Retry-After honoured ({@code producer.crawl.retry.after.max.ms})
 * @param retryAttempts how often a URL answered 429/503 with Retry-After is tried again before it is given up
 *     ({@code producer.crawl.retry.after.attempts})
 * @param rocksDbMemoryBytes off-heap memory shared by all the crawler's RocksDB stores in one process: block
 *     cache and write buffers ({@code producer.frontier.rocksdb.memory.mb})
 */
public record CrawlSettings(String applicationId, Path stateDir, int concurrency, Duration tick,
                            Duration commitInterval, Duration budgetWindow, RepollSchedule listingRepoll,
                            Duration crawlDelayCap, Duration robotsErrorBackoff, Duration retryAfterCap,
                            int retryAttempts, long rocksDbMemoryBytes) {

    public CrawlSettings {
        if (applicationId == null || applicationId.isBlank()) {
            throw new IllegalArgumentException("producer.crawl.application.id must be set");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("producer.crawl.fetch.concurrency must be between 1 and 256, got "
                    + concurrency);
        }
        positive(tick, "producer.crawl.tick.ms");
        positive(commitInterval, "producer.crawl.commit.interval.ms");
        positive(budgetWindow, "producer.recrawl.interval.ms");
        positive(robotsErrorBackoff, "producer.crawl.robots.error.backoff.ms");
        if (crawlDelayCap.isNegative()) {
            throw new IllegalArgumentException("producer.crawl.robots.max.delay.ms must not be negative");
        }
        if (retryAfterCap.isNegative()) {
            throw new IllegalArgumentException("producer.crawl.retry.after.max.ms must not be negative");
        }
        if (retryAttempts < 0) {
            throw new IllegalArgumentException("producer.crawl.retry.after.attempts must not be negative");
        }
        if (rocksDbMemoryBytes < 8L * 1024 * 1024) {
            throw new IllegalArgumentException("producer.frontier.rocksdb.memory.mb must be at least 8");
        }
    }

    /** Reads the {@code producer.crawl.*} and {@code producer.frontier.*} keys (and {@code data.dir}). */
    public static CrawlSettings from(Map<String, String> s) {
        Duration repollMin = millis(s, "producer.crawl.repoll.min.ms", 300_000);
        Duration repollMax = millis(s, "producer.crawl.repoll.max.ms", 21_600_000);
        RepollSchedule listings;
        try {
            listings = new RepollSchedule(repollMin, repollMax);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("producer.crawl.repoll.min.ms / producer.crawl.repoll.max.ms: "
                    + e.getMessage(), e);
        }
        return new CrawlSettings(
                applicationId(s),
                Path.of(s.getOrDefault("data.dir", ".newsflow")).resolve("crawler"),
                (int) number(s, "producer.crawl.fetch.concurrency", 8),
                millis(s, "producer.crawl.tick.ms", 20),
                millis(s, "producer.crawl.commit.interval.ms", 1_000),
                millis(s, "producer.recrawl.interval.ms", 600_000),
                listings,
                millis(s, "producer.crawl.robots.max.delay.ms", 30_000),
                millis(s, "producer.crawl.robots.error.backoff.ms", 600_000),
                millis(s, "producer.crawl.retry.after.max.ms", 3_600_000),
                (int) number(s, "producer.crawl.retry.after.attempts", 3),
                number(s, "producer.frontier.rocksdb.memory.mb", 64) * 1024 * 1024);
    }

    /** Defaults for tests and tools: application id {@code applicationId}, state under {@code stateDir}. */
    public static CrawlSettings defaults(String applicationId, Path stateDir) {
        return from(Map.of("producer.crawl.application.id", applicationId, "data.dir", stateDir.toString()));
    }

    /** A copy with another fetch concurrency. */
    public CrawlSettings withConcurrency(int fetches) {
        return new CrawlSettings(applicationId, stateDir, fetches, tick, commitInterval, budgetWindow, listingRepoll,
                crawlDelayCap, robotsErrorBackoff, retryAfterCap, retryAttempts, rocksDbMemoryBytes);
    }

    /** {@code producer.crawl.application.id}, or {@code topic.prefix + "newsflow-crawler"} when it is empty. */
    private static String applicationId(Map<String, String> s) {
        String id = s.getOrDefault("producer.crawl.application.id", "").trim();
        return id.isEmpty() ? s.getOrDefault("topic.prefix", "") + "newsflow-crawler" : id;
    }

    private static Duration millis(Map<String, String> s, String key, long fallback) {
        return Duration.ofMillis(number(s, key, fallback));
    }

    private static void positive(Duration d, String key) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be positive");
        }
    }
}
