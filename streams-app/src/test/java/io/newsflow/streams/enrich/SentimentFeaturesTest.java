package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.streams.enrich.internal.SentimentFeatures;
import io.newsflow.streams.enrich.internal.SentimentFeatures.Features;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentFeaturesTest {

    private static final SentimentFeatures FEATURES = SentimentFeatures.loadDefault();

    private static List<String> names(Features f) {
        return List.of(f.names());
    }

    private static float value(Features f, String name) {
        return f.values()[names(f).indexOf(name)];
    }

    @Test
    void wordsInsideANegationScopeAreMarked() {
        Features f = FEATURES.extract("The plan did not work, and the talks failed.");
        assertThat(names(f)).contains("w=plan", "w=not", "n=work", "w=talks", "w=failed").doesNotContain("w=work");
    }

    @Test
    void lexiconFeaturesCarryTheirScores() {
        Features f = FEATURES.extract("Attacks spiralled, killing hundreds.");
        assertThat(value(f, "lex")).isEqualTo((float) FEATURES.scorer().score("Attacks spiralled, killing hundreds."));
        assertThat(names(f)).contains("lex=neg", "bias");
        assertThat(value(f, "vsum")).isNegative();
        for (float v : f.values()) {
            assertThat(v).isBetween(-1f, 1f);
        }
    }

    @Test
    void targetFeaturesOnlyWithATarget() {
        String sentence = "Smith heroically saved the talks after Jones sabotaged them.";
        Features plain = FEATURES.extract(sentence);
        assertThat(names(plain)).noneMatch(n -> n.startsWith("t"));
        int jones = sentence.indexOf("Jones");
        Features target = FEATURES.extract(sentence, 0.0, jones, jones + 5);
        assertThat(names(target)).contains("tid=jones", "tl1=after", "tr1=sabotaged", "tl=saved", "ttype=other",
                "tcap=true", "tpos=mid");
        assertThat(value(target, "tnear")).isNotZero();
    }

    @Test
    void placesAndDatesAreKindsOfTarget() {
        String sentence = "Smith was arrested for fraud on Tuesday in Ohio and in France.";
        int ohio = sentence.indexOf("Ohio");
        int tuesday = sentence.indexOf("Tuesday");
        int france = sentence.indexOf("France");
        assertThat(names(FEATURES.extract(sentence, 0.0, ohio, ohio + 4))).contains("ttype=place");
        assertThat(names(FEATURES.extract(sentence, 0.0, france, france + 6))).contains("ttype=place");
        assertThat(names(FEATURES.extract(sentence, 0.0, tuesday, tuesday + 7))).contains("ttype=time");
        assertThat(names(FEATURES.extract(sentence, 0.0, 0, 5))).contains("ttype=other", "tpos=first");
    }

    @Test
    void parsingOnceGivesTheSameFeaturesForEachTarget() {
        String sentence = "Smith praised the plan while Jones attacked it in Ohio.";
        SentimentFeatures.Parsed parsed = FEATURES.parse(sentence, 0.25);
        for (int[] target : new int[][] {{0, 5}, {29, 34}, {50, 54}, {-1, -1}}) {
            Features once = FEATURES.extract(sentence, 0.25, target[0], target[1]);
            Features reused = FEATURES.extract(parsed, target[0], target[1]);
            assertThat(reused.names()).containsExactly(once.names());
            assertThat(reused.values()).containsExactly(once.values());
        }
        assertThat(parsed.sentence()).isEqualTo(sentence);
    }

    @Test
    void wordsAreLowerCasedWithTypographicApostrophesNormalised() {
        Features f = FEATURES.extract("Smith\u2019s PLAN didn\u2019t Work.");
        assertThat(names(f)).contains("w=smith's", "w=plan", "w=didn't", "n=work");
    }

    @Test
    void reversedNegativeWordsAreInNegationScope() {
        assertThat(names(FEATURES.extract("The sanctions were lifted."))).contains("n=sanctions", "w=lifted");
        assertThat(names(FEATURES.extract("Officials lifted the sanctions."))).contains("n=sanctions");
        assertThat(names(FEATURES.extract("The sanctions were imposed."))).contains("w=sanctions");
        // A comma ends the phrase that a reverser reaches back into.
        assertThat(names(FEATURES.extract("The war, officials said, fell silent."))).contains("w=war");
    }
}
