package io.newsflow.producer.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.schema.FetchOutcome;
import io.newsflow.schema.FetchStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CrawlMetricsTest {

    static FetchStatus status(FetchOutcome outcome, Integer http, long bytes, long millis) {
        return FetchStatus.newBuilder().setUrl("http://a.example/").setSourceId("s").setOutcome(outcome)
                .setHttpStatus(http).setBytes(bytes).setDurationMillis(millis).setTimestamp(Instant.EPOCH).build();
    }

    @Test
    void countsOutcomesBytesRobotsDenialsAndTimesOnlyRealFetches() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CrawlMetrics metrics = new CrawlMetrics(registry);

        metrics.record(status(FetchOutcome.ARTICLE, 200, 1000, 40));
        metrics.record(status(FetchOutcome.ARTICLE, 200, 500, 60));
        metrics.record(status(FetchOutcome.ROBOTS_DISALLOWED, null, 0, 0));
        metrics.record(status(FetchOutcome.TRAP, null, 0, 0));

        assertThat(metrics.count(FetchOutcome.ARTICLE)).isEqualTo(2);
        assertThat(metrics.total()).isEqualTo(4);
        assertThat(metrics.bytes()).isEqualTo(1500);
        assertThat(metrics.robotsDenials()).isEqualTo(1);
        assertThat(registry.get("newsflow.fetch.duration").timer().count()).isEqualTo(2);
    }
}
