package io.newsflow.streams.enrich;

import io.newsflow.streams.enrich.internal.Resources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Detects the language of a text from its function words (stop words).
 *
 * <p>Each supported language has a hand-written list of its ~50 most common words
 * ({@code stopwords.txt}). Every word of the text that is on some list casts one vote, split equally
 * between the languages whose list holds it (so "de" helps French, Spanish, Portuguese and Dutch a
 * little, "the" helps English fully). The language with the most votes wins; its confidence is its
 * share of all votes. Function words make up a third to a half of any running text, so a few
 * sentences are enough, and the method needs no model download. With fewer than
 * {@value #MIN_HITS} stop-word hits the text is too short or not in a supported language, and the
 * result is {@link LanguageGuess#UNKNOWN}.
 *
 * <p>Immutable and thread-safe.
 */
public final class LanguageDetector {

    /** Changes whenever the detection rules or the bundled stop-word lists change. */
    static final String VERSION = "stopword-profile-1";

    /** Below this many stop-word hits the evidence is too thin to name a language. */
    static final int MIN_HITS = 5;

    /** Enough text to decide; stops a very long body from costing more than it adds. */
    private static final int MAX_TOKENS = 3_000;

    /** Letters only: apostrophes split French elisions ("l'homme") into "l" and "homme". */
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");

    private final List<String> languages;
    /** Stop word to the indexes (into {@link #languages}) of the languages that list it. */
    private final Map<String, int[]> listedIn;

    /** Creates a detector with the bundled stop-word profiles (en, de, fr, es, it, pt, nl). */
    public LanguageDetector() {
        this(Resources.contentLines("stopwords.txt"));
    }

    private LanguageDetector(List<String> profileLines) {
        Map<String, List<String>> profiles = parseProfiles(profileLines);
        this.languages = List.copyOf(profiles.keySet());
        Map<String, int[]> index = new HashMap<>();
        for (int lang = 0; lang < languages.size(); lang++) {
            for (String word : profiles.get(languages.get(lang))) {
                int[] old = index.getOrDefault(word, new int[0]);
                if (!contains(old, lang)) {
                    int[] grown = Arrays.copyOf(old, old.length + 1);
                    grown[old.length] = lang;
                    index.put(word, grown);
                }
            }
        }
        this.listedIn = Collections.unmodifiableMap(new HashMap<>(index)); // HashMap: most words miss, see TopicTermIndex
    }

    /** The ISO 639-1 codes this detector can return (besides "und"). */
    public List<String> supportedLanguages() {
        return languages;
    }

    /** Name and version of the detector and its stop-word lists, for the enriched record's {@code models} map. */
    public String version() {
        return VERSION;
    }

    /**
     * Guesses the language of {@code text}.
     *
     * @param text any text, may be null or empty
     * @return the winning language and its share of the stop-word votes, or {@link LanguageGuess#UNKNOWN}
     */
    public LanguageGuess detect(String text) {
        if (text == null || text.isBlank()) {
            return LanguageGuess.UNKNOWN;
        }
        double[] votes = new double[languages.size()];
        int hits = 0;
        int tokens = 0;
        for (String token : NON_LETTERS.split(text.toLowerCase(Locale.ROOT))) {
            if (token.isEmpty()) {
                continue;
            }
            if (++tokens > MAX_TOKENS) {
                break;
            }
            int[] langs = listedIn.get(token);
            if (langs != null) {
                hits++;
                for (int lang : langs) {
                    votes[lang] += 1.0 / langs.length;
                }
            }
        }
        if (hits < MIN_HITS) {
            return LanguageGuess.UNKNOWN;
        }
        int best = 0;
        for (int lang = 1; lang < votes.length; lang++) {
            if (votes[lang] > votes[best]) {
                best = lang;
            }
        }
        // Each hit distributes exactly one vote, so the share is votes[best] / hits.
        double confidence = Math.min(1.0, votes[best] / hits);
        return new LanguageGuess(languages.get(best), confidence);
    }

    /** Parses lines of the form {@code code: word word ...}; a code may span several lines. */
    private static Map<String, List<String>> parseProfiles(List<String> lines) {
        Map<String, List<String>> profiles = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("stopwords.txt: expected 'code: words', got: " + line);
            }
            String code = line.substring(0, colon).strip();
            List<String> words = profiles.computeIfAbsent(code, c -> new ArrayList<>());
            for (String word : line.substring(colon + 1).strip().split("\\s+")) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return profiles;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
