package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.SentenceSentiment;
import io.newsflow.schema.Sentiment;
import io.newsflow.schema.SentimentLabel;
import io.newsflow.streams.enrich.internal.SentenceScorer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentAnalyzerTest {

    private static final SentimentAnalyzer ANALYZER = SentimentAnalyzer.loadDefault();

    private static double score(String text) {
        return ANALYZER.analyze(null, text).getScore();
    }

    private static double lexiconScore(String sentence) {
        return ANALYZER.explain(null, sentence).get(0).lexiconScore();
    }

    private static SentimentAnalyzer.TargetSentiment towards(String sentence, String target) {
        int from = sentence.indexOf(target);
        return ANALYZER.analyzeTarget(sentence, from, from + target.length());
    }

    @Test
    void escalatingViolenceIsNegative() {
        Sentiment sentiment = ANALYZER.analyze(null, "Attacks spiralled, killing hundreds.");
        assertThat(sentiment.getScore()).isLessThan(-0.5);
        assertThat(sentiment.getLabel()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void liftedSanctionsArePositive() {
        Sentiment sentiment = ANALYZER.analyze(null, "The sanctions were lifted.");
        assertThat(sentiment.getScore()).isGreaterThan(0.05);
        assertThat(sentiment.getLabel()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void reversalWorksBeforeTheNounToo() {
        assertThat(score("The council lifted the sanctions.")).isPositive();
        assertThat(score("Both sides agreed on ending the war.")).isPositive();
        assertThat(score("Tensions eased overnight.")).isPositive();
    }

    @Test
    void fallingIntoTroubleIsNotReversed() {
        assertThat(score("The economy fell into recession.")).isNegative();
    }

    @Test
    void negationFlipsAndDampens() {
        double good = score("The results were good.");
        double notGood = score("The results were not good.");
        assertThat(good).isPositive();
        assertThat(notGood).isNegative();
        assertThat(score("The plan didn't fail.")).isPositive();
        // The damping is the lexicon's VADER rule ("not good" is milder than "good"); the model learns its own.
        double lexiconGood = lexiconScore("The results were good.");
        double lexiconNotGood = lexiconScore("The results were not good.");
        assertThat(lexiconNotGood).isNegative();
        assertThat(Math.abs(lexiconNotGood)).isLessThan(Math.abs(lexiconGood));
    }

    @Test
    void intensifiersStrengthenAndDampenersWeaken() {
        double plain = score("The outcome was bad.");
        assertThat(score("The outcome was very bad.")).isLessThan(plain);
        assertThat(score("The outcome was slightly bad.")).isGreaterThan(plain).isNegative();
    }

    @Test
    void clauseAfterButDominates() {
        assertThat(score("The talks were difficult, but the agreement is a great success.")).isPositive();
        assertThat(score("The agreement is a success, but the violence is horrific.")).isNegative();
    }

    @Test
    void capitalsAndExclamationsAddEmphasis() {
        double plain = score("The result is good.");
        assertThat(score("The result is GOOD.")).isGreaterThan(plain);
        assertThat(score("The result is good!")).isGreaterThan(plain);
    }

    @Test
    void perSentenceScoresListOnlyToneBearingSentencesWithTitleFirst() {
        Sentiment sentiment = ANALYZER.analyze("Floods kill dozens",
                "Officials gave an update on Monday. Rescuers praised the brave volunteers. The river is 20 km long.");
        assertThat(sentiment.getSentences()).extracting(SentenceSentiment::getIndex).containsExactly(0, 2);
        assertThat(sentiment.getSentences().get(0).getText()).isEqualTo("Floods kill dozens");
        assertThat(sentiment.getSentences().get(0).getScore()).isNegative();
        assertThat(sentiment.getSentences().get(1).getScore()).isPositive();
        assertThat(sentiment.getSentences()).allSatisfy(s -> assertThat(s.getScore()).isNotZero());
    }

    @Test
    void titleCountsAsTwoSentences() {
        double title = score("Floods kill dozens.");
        Sentiment sentiment = ANALYZER.analyze("Floods kill dozens", "The river is 20 km long.");
        assertThat(sentiment.getScore()).isCloseTo(2 * title / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void abbreviationsDoNotSplitSentences() {
        Sentiment sentiment = ANALYZER.analyze(null,
                "Mr. Smith praised U.S. officials for the excellent agreement. Then the attack came.");
        assertThat(sentiment.getSentences()).hasSize(2);
        assertThat(sentiment.getSentences().get(0).getText()).startsWith("Mr. Smith").endsWith("agreement.");
    }

    @Test
    void longSentencesAreTruncatedAndListCapped() {
        String longSentence = "The attack was terrible " + "and very terrible ".repeat(30) + ".";
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            body.append(longSentence).append(' ');
        }
        Sentiment sentiment = ANALYZER.analyze(null, body.toString());
        assertThat(sentiment.getSentences()).hasSize(50);
        assertThat(sentiment.getSentences()).allSatisfy(s -> assertThat(s.getText()).hasSizeLessThanOrEqualTo(300));
    }

    @Test
    void labelFollowsThresholds() {
        assertThat(SentimentAnalyzer.label(-0.05)).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(SentimentAnalyzer.label(-0.0499)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentAnalyzer.label(0.0)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentAnalyzer.label(0.0499)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentAnalyzer.label(0.05)).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void repeatedWordsCountOnceForTheModel() {
        String runOn = "The attack was terrible " + "and very terrible ".repeat(30) + ".";
        assertThat(score(runOn)).isLessThan(-0.5);
    }

    @Test
    void neutralReportingScoresExactlyZero() {
        assertThat(score("Officials gave an update on Monday.")).isZero();
        assertThat(score("The river is 20 km long.")).isZero();
    }

    @Test
    void explanationNamesTheToneWordsOfEachSentence() {
        List<SentimentAnalyzer.SentenceExplanation> why = ANALYZER.explain("Floods kill dozens",
                "Officials gave an update on Monday. The sanctions were lifted.");
        assertThat(why).extracting(SentimentAnalyzer.SentenceExplanation::index).containsExactly(0, 1, 2);
        assertThat(why.get(0).words()).extracting(SentenceScorer.WordTone::word).containsExactly("Floods", "kill");
        assertThat(why.get(0).words()).allSatisfy(w -> assertThat(w.valence()).isNegative());
        assertThat(why.get(1).words()).isEmpty();
        // The reversed noun carries the tone, now positive; the reverser itself none.
        assertThat(why.get(2).words()).extracting(SentenceScorer.WordTone::word).containsExactly("sanctions");
        assertThat(why.get(2).words().get(0).valence()).isPositive();
        assertThat(why.get(2).lexiconScore()).isPositive();
        Sentiment sentiment = ANALYZER.analyze("Floods kill dozens",
                "Officials gave an update on Monday. The sanctions were lifted.");
        assertThat(sentiment.getSentences()).extracting(SentenceSentiment::getScore)
                .containsExactly(why.get(0).score(), why.get(2).score());
    }

    @Test
    void targetToneDependsOnWhatIsSaidAboutTheTarget() {
        String sentence = "Smith heroically saved the talks after Jones sabotaged them.";
        assertThat(towards(sentence, "Smith").score()).isGreaterThan(towards(sentence, "Jones").score());
        assertThat(towards(sentence, "Jones").label()).isEqualTo(SentimentLabel.NEGATIVE);
        String arrest = "Smith was arrested for fraud on Tuesday in Ohio.";
        assertThat(towards(arrest, "Smith").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(towards(arrest, "Ohio").label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void targetOutsideTheSentenceIsRejected() {
        assertThatThrownBy(() -> ANALYZER.analyzeTarget("Short.", 3, 40))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not inside");
    }

    @Test
    void modelVersionNamesLexiconAndModelFile() {
        assertThat(ANALYZER.modelVersion()).matches("news-lexicon-\\d+\\+maxent-[0-9a-f]{8}");
        assertThat(SentimentAnalyzer.loadDefault().modelVersion()).isEqualTo(ANALYZER.modelVersion());
    }

    @Test
    void emptyTextIsNeutral() {
        Sentiment sentiment = ANALYZER.analyze(null, "  ");
        assertThat(sentiment.getScore()).isZero();
        assertThat(sentiment.getLabel()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(sentiment.getSentences()).isEmpty();
    }
}
