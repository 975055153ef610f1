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
        assertThat(MODEL.predict("Attacks spiralled, killing hundreds.", 0.0).label()).isEqualTo("negative");
        assertThat(MODEL.predict("Rescuers praised the brave volunteers.", 0.0).label()).isEqualTo("positive");
        assertThat(MODEL.predict("The committee meets on Tuesday.", 0.0).label()).isEqualTo("neutral");
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
}
