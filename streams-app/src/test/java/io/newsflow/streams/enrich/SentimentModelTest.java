package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.streams.enrich.internal.SentimentFeatures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SentimentModelTest {

    static final SentimentFeatures FEATURES = SentimentFeatures.loadDefault();
    private static final SentimentModel MODEL = SentimentModel.loadDefault(FEATURES);

    @Test
    void bundledModelReadsNewsTone() {
        // As the analyzer calls it: with the sentence's lexicon score, which the model has as a feature.
        assertThat(predict("Attacks spiralled, killing hundreds.").label()).isEqualTo("negative");
        assertThat(predict("Rescuers praised the brave volunteers.").label()).isEqualTo("positive");
        assertThat(predict("The committee meets on Tuesday.").label()).isEqualTo("neutral");
        // News reversal reaches the model's features too: the sanctions are gone, not imposed.
        assertThat(predict("The sanctions were lifted.").polarity())
                .isGreaterThan(predict("The sanctions were imposed.").polarity());
    }

    private static SentimentModel.Prediction predict(String sentence) {
        return MODEL.predict(sentence, FEATURES.scorer().score(sentence));
    }

    @Test
    void polarityIsPositiveMinusNegative() {
        SentimentModel.Prediction p = new SentimentModel.Prediction(0.2, 0.3, 0.5);
        assertThat(p.polarity()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(p.label()).isEqualTo("positive");
        assertThat(new SentimentModel.Prediction(0.3, 0.3, 0.3).label()).isEqualTo("neutral");
        assertThat(new SentimentModel.Prediction(0.5, 0.1, 0.4).label()).isEqualTo("negative");
    }

    @Test
    void somethingElseThanAModelIsRefused() {
        byte[] notGzip = "not a model".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SentimentModel.read(new ByteArrayInputStream(notGzip), FEATURES))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void targetScoresDoNotDependOnWhichSentenceWasScoredBefore() {
        String a = "Smith praised the plan while Jones attacked it.";
        String b = "Voters cheered Brown, but critics condemned Green.";
        SentimentModel fresh = SentimentModel.loadDefault(FEATURES);
        SentimentModel.Prediction smith = fresh.predictTarget(a, 0, 5);
        SentimentModel.Prediction green = SentimentModel.loadDefault(FEATURES).predictTarget(b, 44, 49);
        // The same model, alternating sentences and targets: the per-thread cache of the last sentence
        // must give the same probabilities as a model that saw each sentence first.
        assertThat(MODEL.predictTarget(b, 15, 20)).isNotNull();
        assertThat(MODEL.predictTarget(a, 0, 5)).isEqualTo(smith);
        assertThat(MODEL.predictTarget(a, 29, 34)).isNotEqualTo(smith);
        assertThat(MODEL.predictTarget(new String(b.toCharArray()), 44, 49)).isEqualTo(green);
        assertThat(MODEL.predictTarget(a, 0, 5)).isEqualTo(smith);
    }
}
