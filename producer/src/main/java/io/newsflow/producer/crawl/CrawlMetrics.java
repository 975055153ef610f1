package io.newsflow.producer.crawl;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.producer.frontier.FrontierProgress;
import io.newsflow.schema.FetchOutcome;
import io.newsflow.schema.FetchStatus;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The crawler's meters, named Prometheus-style once exported: URL outcomes
 * ({@code newsflow_fetch_outcomes_total{outcome="ARTICLE"}}), body bytes, fetch latency (histogram),
 * robots.txt denials, and the frontier of this instance ({@code newsflow_frontier_queued},
 * {@code _hosts}, {@code _host_queue_max}, {@code _inflight}, {@code _scheduled}): the queue sizes as a total,
 * a host count and the largest host queue, since a gauge per host would not stay bounded. Thread-safe.
 */
public final class CrawlMetrics {

    private final MeterRegistry registry;
    private final Map<FetchOutcome, Counter> outcomes = new EnumMap<>(FetchOutcome.class);
    private final Counter bytes;
    private final Counter robotsDenials;
    private final Timer latency;

    public CrawlMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (FetchOutcome outcome : FetchOutcome.values()) {
            outcomes.put(outcome, Counter.builder("newsflow.fetch.outcomes")
                    .description("URLs decided by the crawler, by outcome")
                    .tag("outcome", outcome.name())
                    .register(registry));
        }
        bytes = Counter.builder("newsflow.fetch.bytes").description("Body bytes read, after decompression")
                .baseUnit("bytes").register(registry);
        robotsDenials = Counter.builder("newsflow.robots.denials")
                .description("URLs not fetched because robots.txt disallows them (or could not be read)")
                .register(registry);
        latency = Timer.builder("newsflow.fetch.duration").description("Time to fetch one URL")
                .publishPercentileHistogram().register(registry);
    }

    /** Meters that are kept but not exported, for callers without a registry (tests, tools). */
    public static CrawlMetrics unexported() {
        return new CrawlMetrics(new SimpleMeterRegistry());
    }

    /** Counts one published status; its fetch time goes to the latency histogram when a fetch happened. */
    public void record(FetchStatus status) {
        outcomes.get(status.getOutcome()).increment();
        bytes.increment(status.getBytes());
        if (status.getOutcome() == FetchOutcome.ROBOTS_DISALLOWED) {
            robotsDenials.increment();
        }
        if (status.getHttpStatus() != null || status.getDurationMillis() > 0) {
            latency.record(Duration.ofMillis(status.getDurationMillis()));
        }
    }

    /** Exposes the frontier counters of one crawler instance as gauges. */
    public void bindFrontier(FrontierProgress progress) {
        Gauge.builder("newsflow.frontier.queued", progress, FrontierProgress::queued)
                .description("URLs waiting in the host queues of this instance").register(registry);
        Gauge.builder("newsflow.frontier.hosts", progress, FrontierProgress::hosts)
                .description("Hosts with URLs waiting on this instance").register(registry);
        Gauge.builder("newsflow.frontier.host.queue.max", progress, FrontierProgress::largestHostQueue)
                .description("URLs waiting for the busiest host of this instance").register(registry);
        Gauge.builder("newsflow.frontier.inflight", progress, FrontierProgress::inFlight)
                .description("Fetches in flight on this instance").register(registry);
        Gauge.builder("newsflow.frontier.scheduled", progress, FrontierProgress::scheduled)
                .description("Re-polls and deferred URLs waiting for their time on this instance").register(registry);
    }

    /** How many URLs ended with {@code outcome} so far. */
    public double count(FetchOutcome outcome) {
        return outcomes.get(outcome).count();
    }

    /** How many URLs were decided so far, all outcomes. */
    public double total() {
        return outcomes.values().stream().mapToDouble(Counter::count).sum();
    }

    /** Body bytes read so far. */
    public double bytes() {
        return bytes.count();
    }

    /** URLs not fetched because of robots.txt so far. */
    public double robotsDenials() {
        return robotsDenials.count();
    }
}
