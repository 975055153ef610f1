package io.newsflow.streams.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrendHistoryTest {

    private static final long HOUR = TrendHistory.HOUR_MILLIS;
    private static final long WEEK = TrendHistory.HOURS_PER_WEEK * HOUR;
    /** A Monday, 09:00 UTC. */
    private static final long MONDAY_9 = Instant.parse("2025-03-10T09:00:00Z").toEpochMilli();

    @Test
    void recentReturnsThePrecedingHoursOldestFirstWithGapsAsZero() {
        TrendHistory history = new TrendHistory();
        history.record(MONDAY_9 - 3 * HOUR, 5);
        history.record(MONDAY_9 - HOUR + 59_000, 7);

        assertThat(history.recent(3, MONDAY_9)).containsExactly(5, 0, 7);
    }

    @Test
    void hoursBeforeTheFirstRecordAreUnknownNotZero() {
        TrendHistory history = new TrendHistory();
        history.record(MONDAY_9 - 2 * HOUR, 4);

        assertThat(history.recent(24, MONDAY_9)).containsExactly(4, 0);
        assertThat(history.sameHourOfWeek(MONDAY_9, 4)).isEmpty();
        assertThat(new TrendHistory().recent(24, MONDAY_9)).isEmpty();
    }

    @Test
    void recordSetsTheHoursCountRatherThanAdding() {
        TrendHistory history = new TrendHistory();
        history.record(MONDAY_9, 3);
        history.record(MONDAY_9 + 10 * 60_000, 8);

        assertThat(history.count(MONDAY_9)).isEqualTo(8);
    }

    @Test
    void sameHourOfWeekReadsEarlierWeeksOldestFirst() {
        TrendHistory history = new TrendHistory();
        for (int week = 5; week >= 1; week--) {
            history.record(MONDAY_9 - week * WEEK, 10L * week);
            history.record(MONDAY_9 - week * WEEK + HOUR, 1);
        }

        assertThat(history.sameHourOfWeek(MONDAY_9, 5)).containsExactly(50, 40, 30, 20, 10);
        assertThat(history.sameHourOfWeek(MONDAY_9, 2)).containsExactly(20, 10);
    }

    @Test
    void hoursOlderThanFiveWeeksAreEvicted() {
        TrendHistory history = new TrendHistory();
        history.record(MONDAY_9 - 6 * WEEK, 99);
        history.record(MONDAY_9, 1);

        assertThat(history.sameHourOfWeek(MONDAY_9, 6)).hasSize(5).doesNotContain(99L);
        assertThat(history.count(MONDAY_9 - 6 * WEEK)).isZero();
        history.record(MONDAY_9 - 7 * WEEK, 42);
        assertThat(history.count(MONDAY_9 - 7 * WEEK)).isZero();
    }

    @Test
    void bytesRoundTripKeepsEveryKnownHour() {
        TrendHistory history = new TrendHistory();
        for (int h = 0; h < 900; h++) {
            history.record(MONDAY_9 - 900 * HOUR + h * HOUR, h % 7 == 0 ? 1_000_000L + h : h % 5);
        }

        byte[] bytes = history.toBytes();
        TrendHistory copy = TrendHistory.fromBytes(bytes);

        int all = TrendHistory.CAPACITY + 10;
        assertThat(copy.recent(all, MONDAY_9)).containsExactly(history.recent(all, MONDAY_9));
        assertThat(copy.sameHourOfWeek(MONDAY_9, 5)).containsExactly(history.sameHourOfWeek(MONDAY_9, 5));
        assertThat(copy.toBytes()).isEqualTo(bytes);
        assertThat(bytes.length).isLessThan(TrendHistory.CAPACITY * 3);
    }

    @Test
    void emptyHistoryRoundTrips() {
        TrendHistory copy = TrendHistory.fromBytes(new TrendHistory().toBytes());
        assertThat(copy.recent(24, MONDAY_9)).isEmpty();
    }

    @Test
    void malformedBytesAreRefused() {
        TrendHistory history = new TrendHistory();
        history.record(MONDAY_9, 3);
        byte[] bytes = history.toBytes();

        assertThatThrownBy(() -> TrendHistory.fromBytes(new byte[] {9})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrendHistory.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> history.record(MONDAY_9, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void historyFeedsTheDetector() {
        TrendHistory history = new TrendHistory();
        for (long h = MONDAY_9 - 4 * WEEK; h < MONDAY_9; h += HOUR) {
            long hourOfWeek = Math.floorMod(h / HOUR, TrendHistory.HOURS_PER_WEEK);
            boolean monday9 = hourOfWeek == Math.floorMod(MONDAY_9 / HOUR, TrendHistory.HOURS_PER_WEEK);
            history.record(h, monday9 ? 20 : h / HOUR % 3);
        }
        SpikeDetector detector = new SpikeDetector(SpikeSettings.defaults());

        SpikeVerdict verdict = detector.evaluate(22, history.recent(24, MONDAY_9), history.sameHourOfWeek(MONDAY_9, 4));

        assertThat(verdict.baseline()).isEqualTo(20.0);
        assertThat(verdict.spike()).isFalse();
    }
}
