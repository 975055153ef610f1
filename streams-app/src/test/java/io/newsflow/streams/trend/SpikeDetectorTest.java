package io.newsflow.streams.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {

    private static final SpikeDetector DETECTOR = new SpikeDetector(SpikeSettings.defaults());

    private static long[] repeat(long value, int n) {
        long[] counts = new long[n];
        Arrays.fill(counts, value);
        return counts;
    }

    @Test
    void bigJumpOverFlatHistoryIsASpike() {
        SpikeVerdict verdict = DETECTOR.evaluate(20, repeat(2, 24), repeat(2, 4));

        assertThat(verdict.spike()).isTrue();
        // Flat history: MAD 0, so the scale is the floor of 1 and z is the plain difference.
        assertThat(verdict.zScore()).isCloseTo(18.0, within(1e-9));
        assertThat(verdict.baseline()).isEqualTo(2.0);
        assertThat(verdict.movingAverage()).isEqualTo(2.0);
    }

    @Test
    void moderateBumpOverNoisyHistoryIsNotASpike() {
        long[] noisy = {3, 8, 2, 9, 4, 11, 1, 7, 5, 10, 2, 6, 9, 3, 12, 4, 6, 1, 8, 5, 10, 3, 7, 6};

        SpikeVerdict verdict = DETECTOR.evaluate(14, noisy, new long[] {5, 9, 4, 7});

        assertThat(verdict.spike()).isFalse();
        assertThat(verdict.zScore()).isBetween(0.0, 3.5);
    }

    @Test
    void busyHourOfTheWeekIsNotASpikeButAnUnusualOneIs() {
        // Every Monday 9:00 brings about 20 articles; the 24 hours before are quiet.
        long[] quietDay = {1, 0, 2, 1, 1, 0, 0, 1, 2, 1, 0, 1, 2, 1, 1, 0, 1, 2, 1, 0, 1, 1, 2, 1};
        long[] earlierMondays = {19, 22, 20, 21};

        SpikeVerdict usual = DETECTOR.evaluate(21, quietDay, earlierMondays);
        SpikeVerdict unusual = DETECTOR.evaluate(60, quietDay, earlierMondays);

        assertThat(usual.spike()).isFalse();
        assertThat(usual.baseline()).isEqualTo(20.5);
        assertThat(unusual.spike()).isTrue();
    }

    @Test
    void theSameHourWithoutWeeklyHistoryIsASpike() {
        long[] quietDay = {1, 0, 2, 1, 1, 0, 0, 1, 2, 1, 0, 1, 2, 1, 1, 0, 1, 2, 1, 0, 1, 1, 2, 1};

        SpikeVerdict verdict = DETECTOR.evaluate(21, quietDay, new long[0]);

        assertThat(verdict.spike()).isTrue();
        assertThat(verdict.baseline()).isZero();
    }

    @Test
    void countBelowTheMinimumIsNeverASpike() {
        SpikeVerdict verdict = DETECTOR.evaluate(2, repeat(0, 24), new long[0]);

        assertThat(verdict.zScore()).isEqualTo(2.0);
        assertThat(verdict.spike()).isFalse();
        assertThat(DETECTOR.evaluate(4, repeat(0, 24), new long[0]).spike()).isTrue();
    }

    @Test
    void onlyTheConfiguredNumberOfRecentWindowsCounts() {
        SpikeDetector lastThree = new SpikeDetector(new SpikeSettings(3, 3, 3.5, 1.0));
        long[] recent = {100, 100, 100, 100, 1, 1, 1};

        SpikeVerdict verdict = lastThree.evaluate(10, recent, new long[0]);

        assertThat(verdict.movingAverage()).isEqualTo(1.0);
        assertThat(verdict.spike()).isTrue();
    }

    @Test
    void noHistoryAtAllGivesZeroBaselineAndAverage() {
        SpikeVerdict verdict = DETECTOR.evaluate(0, new long[0], new long[0]);

        assertThat(verdict).isEqualTo(new SpikeVerdict(0.0, 0.0, 0.0, false));
    }

    @Test
    void invalidSettingsAreRefusedByName() {
        assertThatThrownBy(() -> new SpikeSettings(0, 3, 3.5, 1.0)).hasMessageContaining("recentWindows");
        assertThatThrownBy(() -> new SpikeSettings(24, -1, 3.5, 1.0)).hasMessageContaining("minCount");
        assertThatThrownBy(() -> new SpikeSettings(24, 3, Double.NaN, 1.0)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new SpikeSettings(24, 3, 3.5, 0.0)).hasMessageContaining("minScale");
    }
}
