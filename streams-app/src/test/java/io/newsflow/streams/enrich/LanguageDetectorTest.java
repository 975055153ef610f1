package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void detectsEnglish() {
        LanguageGuess guess = detector.detect(
                "The minister said that the new rules would come into force after the summer, and that "
                        + "they had been agreed with all of the regional councils.");
        assertThat(guess.code()).isEqualTo("en");
        assertThat(guess.confidence()).isGreaterThan(0.6);
    }

    @Test
    void detectsGerman() {
        LanguageGuess guess = detector.detect(
                "Die Regierung hat am Montag angekündigt, dass die neuen Regeln nach dem Sommer in Kraft "
                        + "treten werden und mit den Ländern abgestimmt sind.");
        assertThat(guess.code()).isEqualTo("de");
    }

    @Test
    void detectsFrench() {
        LanguageGuess guess = detector.detect(
                "Le ministre a déclaré que les nouvelles règles entreraient en vigueur après l'été et "
                        + "qu'elles avaient été approuvées par toutes les régions du pays.");
        assertThat(guess.code()).isEqualTo("fr");
    }

    @Test
    void detectsSpanish() {
        LanguageGuess guess = detector.detect(
                "El ministro dijo que las nuevas normas entrarán en vigor después del verano y que "
                        + "fueron aprobadas por todas las regiones del país.");
        assertThat(guess.code()).isEqualTo("es");
    }

    @Test
    void gibberishIsUndeterminedWithZeroConfidence() {
        LanguageGuess guess = detector.detect("Xqzt vlorp mrakk snee plovv, grunth kwazz blerf zinto prak.");
        assertThat(guess).isEqualTo(LanguageGuess.UNKNOWN);
        assertThat(guess.confidence()).isZero();
    }

    @Test
    void textWithTooFewStopWordsIsUndetermined() {
        assertThat(detector.detect("Election results").code()).isEqualTo("und");
        assertThat(detector.detect(null).code()).isEqualTo("und");
    }

    @Test
    void confidenceIsAShareBetweenZeroAndOne() {
        LanguageGuess guess = detector.detect("O governo disse que as novas regras vão entrar em vigor depois do verão.");
        assertThat(guess.code()).isEqualTo("pt");
        assertThat(guess.confidence()).isBetween(0.0, 1.0);
    }
}
