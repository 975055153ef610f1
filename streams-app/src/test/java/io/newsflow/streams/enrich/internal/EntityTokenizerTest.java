package io.newsflow.streams.enrich.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class EntityTokenizerTest {

    @Test
    void theScannerFindsExactlyTheWordsOfThePattern() {
        // Letters of several categories, digits, Roman numerals (Nl), fractions and superscripts (No),
        // joiners, dots, a supplementary capital (U+1D400) and a combining mark (not a letter).
        String alphabet = "aZUSé É ß Ǆ ʰ 中 5 ٣ Ⅻ ½ ² -'’&.. ,;\n\u0301\ud835\udc00";
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                int at = random.nextInt(alphabet.length());
                char c = alphabet.charAt(at);
                if (Character.isLowSurrogate(c)) {
                    at--;
                    c = alphabet.charAt(at);
                }
                text.append(c);
                if (Character.isHighSurrogate(c)) {
                    text.append(alphabet.charAt(at + 1));
                }
            }
            assertThat(scanned(text.toString())).as("words of '%s'", text).isEqualTo(matched(text.toString()));
        }
    }

    @Test
    void abbreviationsHyphensAndPossessivesAreWords() {
        assertThat(scanned("The U.S. and ISIS-K met AT&T's d’Ivoire team; Dr. No.")).containsExactly(
                "The", "U.S.", "and", "ISIS-K", "met", "AT&T's", "d’Ivoire", "team", "Dr", "No");
        assertThat(EntityTokenizer.tokenize("Mr. Smith met U.S. officials in Hong Kong-based firms.", 0))
                .extracting(EntityToken::text)
                .containsExactly("Mr", "Smith", "met", "U.S.", "officials", "in", "Hong", "Kong", "firms");
    }

    private static List<String> scanned(String text) {
        List<String> words = new ArrayList<>();
        long span;
        int from = 0;
        while ((span = EntityTokenizer.nextWord(text, from)) >= 0) {
            words.add(text.substring((int) (span >>> 32), (int) span));
            from = (int) span;
        }
        return words;
    }

    private static List<String> matched(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = EntityTokenizer.WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
