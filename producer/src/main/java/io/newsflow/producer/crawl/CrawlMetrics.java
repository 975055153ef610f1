package io.newsflow.producer.crawl;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.schema.FetchOutcome;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The crawler's meters: URL outcomes, bytes read, fetch latency. Names follow Prometheus style once
 * exported ({@code newsflow_fetch_outcomes_total{outcome="ARTICLE"}}). Thread-safe.
 */
public final class CrawlMetrics {

    private final Map<FetchOutcome, Counter> outcomes = new EnumMap<>(FetchOutcome.class);
    private final Counter bytes;
    private final Timer latency;

    public CrawlMetrics(MeterRegistry registry) {
        for (FetchOutcome outcome : FetchOutcome.values()) {
            outcomes.put(outcome, Counter.builder("newsflow.fetch.outcomes")
                    .description("URLs decided by the crawler, by outcome")
                    .tag("outcome", outcome.name())
                    .register(registry));
        }
        bytes = Counter.builder("newsflow.fetch.bytes").description("Body bytes read, after decompression")
                .baseUnit("bytes").register(registry);
        latency = Timer.builder("newsflow.fetch.duration").description("Time to fetch one URL")
                .publishPercentileHistogram().register(registry);
    }

    /** Meters that are kept but not exported, for callers without a registry (tests, tools). */
    public static CrawlMetrics unexported() {
        return new CrawlMetrics(new SimpleMeterRegistry());
    }

    void record(FetchOutcome outcome, long bodyBytes, long millis) {
        outcomes.get(outcome).increment();
        bytes.increment(bodyBytes);
        latency.record(Duration.ofMillis(millis));
    }

    /** How many URLs ended with {@code outcome} so far. */
    public double count(FetchOutcome outcome) {
        return outcomes.get(outcome).count();
    }
}
