package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimHashTest {

    @Test
    void sameBodyUnderAnotherTitleHasTheSameFingerprint() {
        assertThat(SimHash.of("Headline one", StoryTexts.BODY))
                .isEqualTo(SimHash.of("Another headline", StoryTexts.BODY));
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        String shouted = StoryTexts.BODY.toUpperCase().replace(",", " ;").replace(".", "!");
        assertThat(SimHash.of(null, shouted)).isEqualTo(SimHash.of(null, StoryTexts.BODY));
    }

    @Test
    void shortBodiesAreFingerprintedWithTheirTitle() {
        String body = "Live updates to follow.";
        assertThat(SimHash.of("Storm hits coast", body)).isNotEqualTo(SimHash.of("Election results", body));
    }

    @Test
    void leadFingerprintIgnoresChangesAfterTheLead() {
        assertThat(SimHash.ofLead(StoryTexts.SYNDICATED_TITLE, StoryTexts.syndicatedBody()))
                .isEqualTo(SimHash.ofLead(StoryTexts.TITLE, StoryTexts.BODY));
        assertThat(SimHash.of(StoryTexts.SYNDICATED_TITLE, StoryTexts.syndicatedBody()))
                .isNotEqualTo(SimHash.of(StoryTexts.TITLE, StoryTexts.BODY));
    }

    @Test
    void unrelatedArticlesAreFarApart() {
        long port = SimHash.of(StoryTexts.TITLE, StoryTexts.BODY);
        long library = SimHash.of(StoryTexts.OTHER_TITLE, StoryTexts.OTHER_BODY);
        assertThat(SimHash.distance(port, library)).isGreaterThan(12);
    }

    @Test
    void emptyTextHasFingerprintZeroAndFewTokensStillHash() {
        assertThat(SimHash.of(null, null)).isZero();
        assertThat(SimHash.of("", "   ")).isZero();
        // Fewer tokens than a shingle: the whole text is one shingle, whose hash is the fingerprint.
        assertThat(SimHash.ofTokens(List.of("one", "two"))).isEqualTo(SimHash.hash("one two"));
        assertThat(SimHash.distance(0L, -1L)).isEqualTo(64);
    }
}
