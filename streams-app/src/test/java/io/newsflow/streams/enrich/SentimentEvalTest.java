package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.schema.SentimentLabel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentEvalTest {

    private static final SentimentAnalyzer ANALYZER = SentimentAnalyzer.loadDefault();

    @Test
    void readsScoresLabelsAndTargets(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rows.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"text\": \"Floods kill dozens.\", \"score\": -2.5, \"label\": \"negative\"}",
                "{\"text\": \"Smith won.\", \"target\": \"Smith\", \"from\": 0, \"to\": 5, \"label\": \"Positive\"}",
                "{\"text\": \"No label here.\", \"label\": \"mixed\"}"), StandardCharsets.UTF_8);
        List<SentimentEval.Row> rows = SentimentEval.readJsonl(file);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).score()).isEqualTo(-2.5);
        assertThat(rows.get(0).hasTarget()).isFalse();
        assertThat(rows.get(1).label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(rows.get(1).targetStart()).isZero();
        assertThat(rows.get(1).targetEnd()).isEqualTo(5);
        assertThat(Double.isNaN(rows.get(1).score())).isTrue();
        assertThat(rows.get(2).label()).isNull();
    }

    @Test
    void figuresCoverTheRowsThatHaveThem() {
        List<SentimentEval.Row> rows = List.of(
                new SentimentEval.Row("Attacks spiralled, killing hundreds.", -3.0, SentimentLabel.NEGATIVE, -1, -1),
                new SentimentEval.Row("Rescuers praised the brave volunteers.", 2.5, SentimentLabel.POSITIVE, -1, -1),
                new SentimentEval.Row("The committee meets on Tuesday. It has twelve members.", 0.1, null, -1, -1),
                new SentimentEval.Row("Smith was arrested for fraud in Ohio.", Double.NaN, SentimentLabel.NEUTRAL, 31, 35));
        SentimentEval.Result result = SentimentEval.evaluate(ANALYZER, rows, 1_000_000L);
        assertThat(result.n()).isEqualTo(4);
        assertThat(result.scored()).isEqualTo(3);
        assertThat(result.labelled()).isEqualTo(3);
        // 2 + 1 + 2 + 1 sentences: the splitter's count for whole rows, one per target row.
        assertThat(result.sentences()).isEqualTo(5);
        assertThat(result.pearsonR()).isBetween(-1.0, 1.0);
        assertThat(result.macroF1()).isBetween(0.0, 1.0);
        assertThat(result.accuracy()).isBetween(0.0, 1.0);
        assertThat(result.sentencesPerSecond()).isPositive();
        assertThat(result.modelVersion()).isEqualTo(ANALYZER.modelVersion());
        assertThat(result.toJson().fieldNames()).toIterable()
                .contains("n", "pearson_r", "macro_f1", "accuracy", "sentences_per_second");
    }

    @Test
    void noScoresAndNoLabelsGiveNulls() {
        SentimentEval.Result result = SentimentEval.evaluate(ANALYZER,
                List.of(new SentimentEval.Row("Just text.", Double.NaN, null, -1, -1)), 1_000_000L);
        assertThat(result.pearsonR()).isNull();
        assertThat(result.macroF1()).isNull();
        assertThat(result.toJson().get("pearson_r").isNull()).isTrue();
    }

    @Test
    void macroF1AndPearsonByHand() {
        List<SentimentLabel> gold = List.of(SentimentLabel.NEGATIVE, SentimentLabel.NEGATIVE,
                SentimentLabel.POSITIVE, SentimentLabel.NEUTRAL);
        List<SentimentLabel> predicted = List.of(SentimentLabel.NEGATIVE, SentimentLabel.POSITIVE,
                SentimentLabel.POSITIVE, SentimentLabel.NEUTRAL);
        // negative: tp 1, fn 1 -> 2/3; positive: tp 1, fp 1 -> 2/3; neutral: 1.
        assertThat(SentimentEval.f1(gold, predicted, SentimentLabel.NEGATIVE)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(SentimentEval.f1(gold, predicted, SentimentLabel.POSITIVE)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(SentimentEval.f1(gold, predicted, SentimentLabel.NEUTRAL)).isEqualTo(1.0);
        assertThat(SentimentEval.pearson(List.of(1.0, 2.0, 3.0), List.of(2.0, 4.0, 6.5))).isCloseTo(0.99795, within(1e-4));
        assertThat(SentimentEval.pearson(List.of(1.0, 1.0), List.of(2.0, 3.0))).isZero();
    }

    @Test
    void readsIdsAndRatingShares(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rated.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\": \"vader-nyt-1_1\", \"text\": \"Toys for kids.\", \"score\": 0.4, \"ratings\": [0, 2, 1, -1, 0]}",
                "{\"text\": \"No ratings.\", \"score\": 0.4, \"ratings\": []}"), StandardCharsets.UTF_8);
        List<SentimentEval.Row> rows = SentimentEval.readJsonl(file);
        assertThat(rows.get(0).id()).isEqualTo("vader-nyt-1_1");
        assertThat(rows.get(0).ratingShares()).containsExactly(0.2, 0.4, 0.4);
        assertThat(rows.get(1).id()).isNull();
        assertThat(rows.get(1).ratingShares()).isNull();
    }

    static SentimentLabel label(String name) {
        return SentimentEval.parseLabel(name);
    }
}
