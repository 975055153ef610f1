package io.newsflow.producer.politeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepollScheduleTest {

    static final RepollSchedule FEED = new RepollSchedule(Duration.ofMinutes(5), Duration.ofHours(6));

    @Test
    void halvesAfterNewItemsAndGrowsByHalfAfterNone() {
        assertThat(FEED.next(Duration.ofMinutes(60), true)).isEqualTo(Duration.ofMinutes(30));
        assertThat(FEED.next(Duration.ofMinutes(60), false)).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void staysWithinTheBounds() {
        assertThat(FEED.next(Duration.ofMinutes(6), true)).isEqualTo(Duration.ofMinutes(5));
        assertThat(FEED.next(Duration.ofHours(5), false)).isEqualTo(Duration.ofHours(6));
        // a previous interval outside the bounds (e.g. after the bounds were changed) is clamped first
        assertThat(FEED.next(Duration.ofSeconds(1), false)).isEqualTo(Duration.ofMinutes(7).plusSeconds(30));
        assertThat(FEED.next(Duration.ofDays(365 * 1000), false)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aDormantSourceDriftsToTheMaximumAndABurstPullsItBack() {
        Duration interval = FEED.first();
        List<Duration> seen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            interval = FEED.next(interval, false);
            seen.add(interval);
        }
        assertThat(seen).isSorted();
        assertThat(interval).isEqualTo(Duration.ofHours(6));

        interval = FEED.next(FEED.next(FEED.next(interval, true), true), true);
        assertThat(interval).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void firstIntervalIsTheMinimumOrTheMedianGapBetweenItems() {
        assertThat(FEED.first()).isEqualTo(Duration.ofMinutes(5));
        Instant t = Instant.parse("2025-03-10T08:00:00Z");
        List<Instant> every20Minutes = Arrays.asList(t.plusSeconds(2400), t, null, t.plusSeconds(1200),
                t.plusSeconds(3600 * 5));
        assertThat(FEED.first(every20Minutes)).isEqualTo(Duration.ofMinutes(20));
        assertThat(FEED.first(List.of(t, t.plusSeconds(60)))).isEqualTo(Duration.ofMinutes(5));
        assertThat(FEED.first(List.of(t, t.plusSeconds(86400 * 7)))).isEqualTo(Duration.ofHours(6));
        assertThat(FEED.first(List.of(t))).isEqualTo(FEED.first());
    }

    @Test
    void invalidBoundsAndFactorsAreRefused() {
        assertThatThrownBy(() -> new RepollSchedule(Duration.ofHours(2), Duration.ofHours(1)))
                .hasMessageContaining("exceeds the maximum");
        assertThatThrownBy(() -> new RepollSchedule(Duration.ZERO, Duration.ofHours(1)))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new RepollSchedule(Duration.ofMinutes(1), Duration.ofHours(1), 0, 1.5))
                .hasMessageContaining("speed-up");
        assertThatThrownBy(() -> new RepollSchedule(Duration.ofMinutes(1), Duration.ofHours(1), 0.5, 0.9))
                .hasMessageContaining("back-off");
        assertThatThrownBy(() -> new RepollSchedule(Duration.ofMinutes(1), Duration.ofHours(1), Double.NaN, 1.5))
                .hasMessageContaining("speed-up");
    }

    @Test
    void equalBoundsGiveAFixedInterval() {
        RepollSchedule fixed = new RepollSchedule(Duration.ofMinutes(10), Duration.ofMinutes(10));

        assertThat(fixed.next(fixed.first(), true)).isEqualTo(Duration.ofMinutes(10));
        assertThat(fixed.next(fixed.first(), false)).isEqualTo(Duration.ofMinutes(10));
    }
}
