package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.streams.enrich.internal.SentimentLexicon;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentLexiconTest {

    private static final SentimentLexicon LEXICON = SentimentLexicon.loadDefault();

    @Test
    void bundledLexiconHasAtLeastEightHundredWords() {
        assertThat(LEXICON.size()).isGreaterThanOrEqualTo(800);
    }

    @Test
    void inflectedFormsFallBackToTheirBaseForm() {
        assertThat(LEXICON.valence("killings")).isEqualTo(LEXICON.valence("killing"));
        assertThat(LEXICON.valence("murdered")).isEqualTo(LEXICON.valence("murder"));
        assertThat(LEXICON.valence("spiralled")).isEqualTo(LEXICON.valence("spiral"));
        assertThat(LEXICON.valence("fatalities")).isEqualTo(LEXICON.valence("fatality"));
        assertThat(LEXICON.valence("worsening")).isEqualTo(LEXICON.valence("worsen"));
    }

    @Test
    void exactEntryWinsOverBaseForm() {
        assertThat(LEXICON.valence("fine")).isPositive();
        assertThat(LEXICON.valence("fined")).isNegative();
    }

    @Test
    void unknownWordsHaveNoTone() {
        assertThat(LEXICON.valence("parliament")).isZero();
        assertThat(LEXICON.valence("said")).isZero();
    }

    @Test
    void contractionsEndingInNtAreNegators() {
        assertThat(LEXICON.isNegator("didn't")).isTrue();
        assertThat(LEXICON.isNegator("never")).isTrue();
        assertThat(LEXICON.isNegator("nice")).isFalse();
    }

    @Test
    void duplicateWordIsRejectedAtLoad() {
        assertThatThrownBy(() -> SentimentLexicon.load(List.of("war\t-2", "war\t-3"), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("duplicate");
    }
}
