package io.newsflow.streams.web;

import static io.newsflow.streams.web.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertFeedTest {

    /** 10:20 UTC: the current hour bucket is 10:00-11:00. */
    private static final Instant NOW = Instant.parse("2024-05-01T10:20:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void keepsOnlyTheLatestAlertsUpToCapacityNewestFirst() {
        AlertFeed feed = new AlertFeed(3, clock);
        for (int i = 1; i <= 5; i++) {
            feed.publish(alert("r", "a" + i, Severity.LOW, "desk"));
        }

        assertThat(feed.recent(AlertFilter.all(), 10)).extracting(KeywordAlert::getArticleId)
                .containsExactly("a5", "a4", "a3");
        assertThat(feed.recent(AlertFilter.all(), 2)).extracting(KeywordAlert::getArticleId)
                .containsExactly("a5", "a4");
    }

    @Test
    void filtersByRuleOwnerAndMinimumSeverity() {
        AlertFeed feed = new AlertFeed(100, clock);
        feed.publish(alert("ports", "a1", Severity.LOW, "logistics"));
        feed.publish(alert("ports", "a2", Severity.HIGH, "logistics"));
        feed.publish(alert("elections", "a3", Severity.CRITICAL, "politics-desk"));
        feed.publish(alert("elections", "a4", Severity.MEDIUM, null));

        assertThat(ids(feed, new AlertFilter("ports", null, null))).containsExactly("a2", "a1");
        assertThat(ids(feed, new AlertFilter(null, "POLITICS-desk", null))).containsExactly("a3");
        assertThat(ids(feed, new AlertFilter(null, null, Severity.HIGH))).containsExactly("a3", "a2");
        assertThat(ids(feed, new AlertFilter("ports", "logistics", Severity.MEDIUM))).containsExactly("a2");
        assertThat(ids(feed, new AlertFilter("", " ", null))).containsExactly("a4", "a3", "a2", "a1");
    }

    @Test
    void subscribersGetMatchingAlertsUntilTheyClose() throws Exception {
        AlertFeed feed = new AlertFeed(10, clock);
        List<String> seen = new ArrayList<>();
        AutoCloseable subscription = feed.subscribe(new AlertFilter("ports", null, null),
                a -> seen.add(a.getArticleId()));

        feed.publish(alert("ports", "a1", Severity.LOW, null));
        feed.publish(alert("other", "a2", Severity.LOW, null));
        subscription.close();
        feed.publish(alert("ports", "a3", Severity.LOW, null));

        assertThat(seen).containsExactly("a1");
        assertThat(feed.subscriberCount()).isZero();
    }

    @Test
    void aFailingListenerDoesNotStopOthersOrThePublisher() {
        AlertFeed feed = new AlertFeed(10, clock);
        List<String> seen = new ArrayList<>();
        feed.subscribe(AlertFilter.all(), a -> {
            throw new IllegalStateException("boom");
        });
        feed.subscribe(AlertFilter.all(), a -> seen.add(a.getArticleId()));

        feed.publish(alert("r", "a1", Severity.LOW, null));

        assertThat(seen).containsExactly("a1");
        assertThat(feed.recent(AlertFilter.all(), 10)).hasSize(1);
    }

    @Test
    void sparklinesCountPerRuleAndHourOldestFirst() {
        AlertFeed feed = new AlertFeed(2, clock); // counts outlive the tiny buffer
        feed.publish(alert("ports", "a1", Severity.LOW, null, Instant.parse("2024-05-01T10:05:00Z")));
        feed.publish(alert("ports", "a2", Severity.LOW, null, Instant.parse("2024-05-01T10:59:59Z")));
        feed.publish(alert("ports", "a3", Severity.LOW, null, Instant.parse("2024-05-01T08:00:00Z")));
        feed.publish(alert("ports", "a4", Severity.LOW, null, Instant.parse("2024-05-01T07:59:59Z")));
        feed.publish(alert("elections", "a5", Severity.LOW, null, Instant.parse("2024-05-01T09:30:00Z")));

        Map<String, long[]> lines = feed.sparklines(4); // hours 07, 08, 09, 10

        assertThat(lines).containsOnlyKeys("ports", "elections");
        assertThat(lines.get("ports")).containsExactly(1, 1, 0, 2);
        assertThat(lines.get("elections")).containsExactly(0, 0, 1, 0);
        assertThat(feed.sparklines(2)).containsOnlyKeys("ports", "elections");
        assertThat(feed.sparklines(1)).containsOnlyKeys("ports");
        assertThat(feed.sparklines(24).get("ports")).hasSize(24).endsWith(1, 1, 0, 2);
    }

    @Test
    void sparklinesIgnoreAlertsOlderThanTheLongestWindow() {
        AlertFeed feed = new AlertFeed(10, clock);
        feed.publish(alert("ports", "old", Severity.LOW, null, NOW.minusSeconds(3600L * 200)));

        assertThat(feed.sparklines(AlertFeed.MAX_SPARKLINE_HOURS)).isEmpty();
        assertThat(feed.recent(AlertFilter.all(), 10)).hasSize(1);
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> new AlertFeed(0, clock)).isInstanceOf(IllegalArgumentException.class);
        AlertFeed feed = new AlertFeed(1, clock);
        assertThatThrownBy(() -> feed.sparklines(0)).hasMessageContaining("hours");
        assertThatThrownBy(() -> feed.sparklines(AlertFeed.MAX_SPARKLINE_HOURS + 1)).hasMessageContaining("hours");
        assertThatThrownBy(() -> feed.recent(AlertFilter.all(), -1)).hasMessageContaining("limit");
    }

    private static List<String> ids(AlertFeed feed, AlertFilter filter) {
        return feed.recent(filter, 100).stream().map(KeywordAlert::getArticleId).toList();
    }
}
