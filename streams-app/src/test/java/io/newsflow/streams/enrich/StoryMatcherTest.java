package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoryMatcherTest {

    private static final long T0 = 1_741_500_000_000L;
    private static final long HOUR = 3_600_000L;

    /** What a Kafka Streams key-value store does for the matcher, in a map. */
    private static final class MapBandStore implements BandStore {
        final Map<String, List<StoryEntry>> bands = new HashMap<>();

        @Override
        public List<StoryEntry> get(String bandKey) {
            return bands.get(bandKey);
        }

        @Override
        public void put(String bandKey, List<StoryEntry> entries) {
            bands.put(bandKey, entries);
        }

        boolean holds(String articleId) {
            return bands.values().stream().flatMap(List::stream).anyMatch(e -> e.articleId().equals(articleId));
        }
    }

    private final MapBandStore store = new MapBandStore();
    private final StoryMatcher matcher = StoryMatcher.withDefaults(store);

    @Test
    void firstArticleStartsItsOwnStory() {
        assertThat(matcher.assign("a1", StoryTexts.TITLE, StoryTexts.BODY, T0))
                .isEqualTo(new StoryAssignment("a1", null, 0));
    }

    @Test
    void syndicatedCopyWithOtherHeadlineAndChangedParagraphJoinsTheStory() {
        matcher.assign("a1", StoryTexts.TITLE, StoryTexts.BODY, T0);

        StoryAssignment copy =
                matcher.assign("a2", StoryTexts.SYNDICATED_TITLE, StoryTexts.syndicatedBody(), T0 + HOUR);

        assertThat(copy.storyId()).isEqualTo("a1");
        assertThat(copy.duplicateOf()).isEqualTo("a1");
        assertThat(copy.distance()).isBetween(0, StoryMatcher.DEFAULT_MAX_DISTANCE);
    }

    @Test
    void copyOfACopyKeepsTheFirstArticlesStoryId() {
        matcher.assign("a1", StoryTexts.TITLE, StoryTexts.BODY, T0);
        matcher.assign("a2", StoryTexts.SYNDICATED_TITLE, StoryTexts.syndicatedBody(), T0 + HOUR);

        StoryAssignment third =
                matcher.assign("a3", "Strike at Port Haven", StoryTexts.syndicatedBody(), T0 + 2 * HOUR);

        assertThat(third.storyId()).isEqualTo("a1");
        assertThat(third.duplicateOf()).isEqualTo("a2");
        assertThat(third.distance()).isZero();
    }

    @Test
    void unrelatedArticleStartsANewStory() {
        matcher.assign("a1", StoryTexts.TITLE, StoryTexts.BODY, T0);

        assertThat(matcher.assign("b1", StoryTexts.OTHER_TITLE, StoryTexts.OTHER_BODY, T0 + HOUR))
                .isEqualTo(new StoryAssignment("b1", null, 0));
    }

    @Test
    void entriesOlderThanTheRetentionAreNeitherMatchedNorKept() {
        StoryMatcher shortMemory = new StoryMatcher(store, 3, 10, Duration.ofDays(2));
        shortMemory.assign("a1", StoryTexts.TITLE, StoryTexts.BODY, T0);

        StoryAssignment late = shortMemory.assign("a2", StoryTexts.TITLE, StoryTexts.BODY, T0 + 49 * HOUR);

        assertThat(late).isEqualTo(new StoryAssignment("a2", null, 0));
        assertThat(store.holds("a1")).isFalse();
        assertThat(store.holds("a2")).isTrue();
    }

    @Test
    void eachBandKeepsOnlyTheNewestEntries() {
        StoryMatcher small = new StoryMatcher(store, 3, 2, Duration.ofDays(7));
        for (int i = 1; i <= 4; i++) {
            small.assign("a" + i, StoryTexts.TITLE, StoryTexts.BODY, T0 + i * HOUR);
        }

        assertThat(store.bands.values()).allSatisfy(entries -> assertThat(entries).hasSizeLessThanOrEqualTo(2));
        assertThat(store.holds("a4")).isTrue();
        assertThat(store.holds("a3")).isTrue();
        assertThat(store.holds("a1")).isFalse();
        // The story survives its first article's eviction: later copies inherit its id.
        assertThat(small.assign("a5", StoryTexts.TITLE, StoryTexts.BODY, T0 + 5 * HOUR).storyId()).isEqualTo("a1");
    }

    @Test
    void replayedArticleGetsItsStoryBack() {
        matcher.assign("a1", StoryTexts.TITLE, StoryTexts.BODY, T0);
        matcher.assign("a2", StoryTexts.SYNDICATED_TITLE, StoryTexts.syndicatedBody(), T0 + HOUR);

        assertThat(matcher.assign("a1", StoryTexts.TITLE, StoryTexts.BODY, T0))
                .isEqualTo(new StoryAssignment("a1", null, 0));
        assertThat(matcher.assign("a2", StoryTexts.SYNDICATED_TITLE, StoryTexts.syndicatedBody(), T0 + HOUR).storyId())
                .isEqualTo("a1");
    }

    @Test
    void fingerprintsWithinMaxDistanceAlwaysShareABand() {
        Random random = new Random(1);
        for (int maxDistance : new int[] {0, 3, 6}) {
            StoryMatcher m = new StoryMatcher(store, maxDistance, 10, Duration.ofDays(1));
            for (int trial = 0; trial < 2_000; trial++) {
                long a = random.nextLong();
                long b = a;
                for (int flip = 0; flip < maxDistance; flip++) {
                    b ^= 1L << random.nextInt(64);
                }
                Set<String> shared = new HashSet<>(m.bandKeys(a, a));
                shared.retainAll(m.bandKeys(b, b));
                assertThat(shared).as("distance %d, max %d", SimHash.distance(a, b), maxDistance).isNotEmpty();
            }
        }
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> new StoryMatcher(store, -1, 10, Duration.ofDays(1)))
                .hasMessageContaining("maxDistance");
        assertThatThrownBy(() -> new StoryMatcher(store, 3, 0, Duration.ofDays(1)))
                .hasMessageContaining("maxEntriesPerBand");
        assertThatThrownBy(() -> new StoryMatcher(store, 3, 10, Duration.ZERO)).hasMessageContaining("retention");
    }
}
