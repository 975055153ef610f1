package io.newsflow.producer.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.producer.crawl.CrawlMetrics;
import org.junit.jupiter.api.Test;

class FrontierProgressTest {

    @Test
    void slotsCapFetchesInFlightAndDrainingStopsNewOnes() {
        FrontierProgress progress = new FrontierProgress(2);

        assertThat(progress.tryAcquireSlot()).isTrue();
        assertThat(progress.tryAcquireSlot()).isTrue();
        assertThat(progress.tryAcquireSlot()).isFalse();
        assertThat(progress.inFlight()).isEqualTo(2);
        progress.releaseSlot();
        progress.drain();

        assertThat(progress.tryAcquireSlot()).isFalse();
        assertThat(progress.inFlight()).isEqualTo(1);
    }

    @Test
    void gaugesShowTheCountsOfEveryTask() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FrontierProgress progress = new FrontierProgress(4);
        new CrawlMetrics(registry).bindFrontier(progress);
        FrontierProgress.TaskCounts a = progress.task("0_0");
        FrontierProgress.TaskCounts b = progress.task("0_1");
        a.queued = 10;
        a.hosts = 2;
        a.largestHostQueue = 7;
        b.queued = 5;
        b.hosts = 1;
        b.largestHostQueue = 5;
        b.scheduled = 3;
        progress.tryAcquireSlot();

        assertThat(registry.get("newsflow.frontier.queued").gauge().value()).isEqualTo(15);
        assertThat(registry.get("newsflow.frontier.hosts").gauge().value()).isEqualTo(3);
        assertThat(registry.get("newsflow.frontier.host.queue.max").gauge().value()).isEqualTo(7);
        assertThat(registry.get("newsflow.frontier.scheduled").gauge().value()).isEqualTo(3);
        assertThat(registry.get("newsflow.frontier.inflight").gauge().value()).isEqualTo(1);

        progress.removeTask("0_0");
        assertThat(registry.get("newsflow.frontier.queued").gauge().value()).isEqualTo(5);
    }
}
