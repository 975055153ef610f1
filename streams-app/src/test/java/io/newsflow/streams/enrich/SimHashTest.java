package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Test
    void fingerprintsAreThoseOfTheRegexTokensJoinedBySpaces() {
        // The scanner and the streamed shingle hash must give exactly the fingerprints of the definition:
        // \w+ tokens (Unicode classes), lower-cased, 3-shingles joined by spaces, FNV-1a + finaliser.
        String alphabet = "aZ9_ éÉßİ\u0301\u20dd\u0903\u203f\u200c\u200d-.,'’ 中文 ١٢ \ud835\udc00 \ud83d\ude00\n";
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(round < 50 ? 40 : 900);
            for (int i = 0; i < length; i++) {
                int at = random.nextInt(alphabet.length());
                text.append(alphabet.charAt(at));
                if (Character.isHighSurrogate(alphabet.charAt(at))) {
                    text.append(alphabet.charAt(at + 1));
                }
            }
            List<String> tokens = regexTokens(text.toString());
            assertThat(SimHash.utf8Tokens(text.toString())).as("tokens of %s", text)
                    .containsExactlyElementsOf(tokens.stream().map(t -> t.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList());
            assertThat(SimHash.of(null, text.toString())).isEqualTo(definition(tokens));
        }
    }

    @Test
    void bothFingerprintsComeFromOnePass() {
        SimHash.Fingerprints both = SimHash.fingerprints(StoryTexts.TITLE, StoryTexts.BODY);
        List<String> tokens = regexTokens(StoryTexts.BODY);
        assertThat(both.body()).isEqualTo(definition(tokens));
        assertThat(both.lead()).isEqualTo(definition(tokens.subList(0, Math.min(tokens.size(), SimHash.LEAD_TOKENS))));
        assertThat(both.lead()).isNotEqualTo(both.body());
    }

    private static List<String> regexTokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS).matcher(text);
        while (m.find()) {
            tokens.add(m.group().toLowerCase(Locale.ROOT));
        }
        return tokens;
    }

    private static long definition(List<String> tokens) {
        if (tokens.isEmpty()) {
            return 0L;
        }
        int[] votes = new int[64];
        for (int i = 0; i < Math.max(1, tokens.size() - SimHash.SHINGLE + 1); i++) {
            long hash = SimHash.hash(String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + SimHash.SHINGLE))));
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += (hash >>> bit & 1L) == 1L ? 1 : -1;
            }
        }
        long fingerprint = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }
}
