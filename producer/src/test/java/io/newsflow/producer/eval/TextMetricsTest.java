package io.newsflow.producer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.producer.eval.TextMetrics.PrecisionRecall;
import io.newsflow.producer.eval.TextMetrics.ShingleCounts;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextMetricsTest {

    @Test
    void tokensAreUnicodeWordRunsWithCaseKept() {
        assertThat(TextMetrics.tokens("Ça va, São_Paulo! 3.5 km—ok"))
                .containsExactly("Ça", "va", "São_Paulo", "3", "5", "km", "ok");
    }

    @Test
    void shingleCountsOnAHandWorkedExample() {
        // truth "a b c d e": shingles abcd, bcde. predicted "a b c d x": abcd, bcdx.
        // TP = 1 (abcd), FP = 1 (bcdx), FN = 1 (bcde); normalised by 3.
        ShingleCounts c = TextMetrics.shingleCounts("a b c d e", "a b c d x");
        assertThat(c.tp()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(c.fp()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(c.fn()).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void shortTextIsOneShingleAndEmptyTextNone() {
        // "a b" is the single shingle (a, b); the prediction "a b c" is the single shingle (a, b, c).
        ShingleCounts c = TextMetrics.shingleCounts("a b", "a b c");
        assertThat(c.tp()).isZero();
        assertThat(c.fp()).isCloseTo(0.5, within(1e-12));
        assertThat(c.fn()).isCloseTo(0.5, within(1e-12));
        assertThat(TextMetrics.shingleCounts("", "")).isEqualTo(new ShingleCounts(0, 0, 0));
    }

    @Test
    void repeatedShinglesCountAsAMultiset() {
        // truth: "x y z w x y z w" (8 tokens) → 5 shingles: xyzw ×2, yzwx, zwxy, wxyz.
        // predicted "x y z w": xyzw ×1. TP 1, FP 0, FN 4 → P = 1, R = 1/5.
        ShingleCounts c = TextMetrics.shingleCounts("x y z w x y z w", "x y z w");
        assertThat(c.tp() / (c.tp() + c.fp())).isCloseTo(1.0, within(1e-12));
        assertThat(c.tp() / (c.tp() + c.fn())).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void aggregateAveragesPerPageThenTakesF1OfTheMeans() {
        // Page 1: P 1, R 0.2. Page 2: nothing predicted, truth present → skipped for precision, R 0.
        // Page 3: both empty → counts 1 for both.
        // P = (1 + 1) / 2 = 1; R = (0.2 + 0 + 1) / 3 = 0.4; F1 = 2PR/(P+R) = 0.8/1.4 = 0.57143.
        PrecisionRecall pr = TextMetrics.aggregate(List.of(
                TextMetrics.shingleCounts("x y z w x y z w", "x y z w"),
                TextMetrics.shingleCounts("a b c d", ""),
                TextMetrics.shingleCounts("", "")));
        assertThat(pr.precision()).isCloseTo(1.0, within(1e-9));
        assertThat(pr.recall()).isCloseTo(0.4, within(1e-9));
        assertThat(pr.f1()).isCloseTo(0.8 / 1.4, within(1e-9));
    }

    @Test
    void wordF1IsCaseInsensitiveBagOverlap() {
        // truth: the, cat, sat, the (4); predicted: The, cat, the, dog, ran (5). common: the ×2, cat = 3.
        // P = 3/5, R = 3/4, F1 = 2·0.6·0.75/1.35 = 0.66667.
        assertThat(TextMetrics.wordF1("the cat sat the", "The cat the dog ran")).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(TextMetrics.wordF1("", "")).isEqualTo(1.0);
        assertThat(TextMetrics.wordF1("a b", "")).isZero();
        assertThat(TextMetrics.wordF1("a b", "c d")).isZero();
    }
}
