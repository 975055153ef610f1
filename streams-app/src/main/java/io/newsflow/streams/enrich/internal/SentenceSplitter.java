package io.newsflow.streams.enrich.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences: at every line break, and after {@code .}, {@code !} or {@code ?} (plus
 * any closing quotes or brackets) when whitespace and then an upper-case letter, digit or opening
 * quote follow.
 *
 * <p>A period does not end a sentence after a known abbreviation ("Mr.", "Dr.", "Dec.") or after a
 * single letter, which covers initials and dotted acronyms ("J. Smith", "U.S. officials"). The price
 * is that a sentence really ending in "U.S." is joined to the next one; for tone scoring that costs
 * little. Deliberately simple: no model, no language-specific rules beyond English abbreviations.
 *
 * <p>Stateless and thread-safe.
 */
public final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col",
            "capt", "sgt", "maj", "adm", "rev", "hon", "pres", "supt", "insp", "inc", "ltd", "co", "corp",
            "bros", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
            "nov", "dec", "mt", "ft", "dept", "univ", "approx", "no", "nos", "fig", "vol", "op", "cf");

    private SentenceSplitter() {
    }

    /** Returns the trimmed, non-empty sentences of {@code text} in order; empty for null or blank text. */
    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return sentences;
        }
        for (String line : text.split("\\R")) {
            splitLine(line, sentences);
        }
        return sentences;
    }

    private static void splitLine(String line, List<String> out) {
        int start = 0;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < n && isTerminatorTail(line.charAt(end))) {
                end++;
            }
            int next = end;
            while (next < n && Character.isWhitespace(line.charAt(next))) {
                next++;
            }
            boolean boundary = next > end && next < n && startsSentence(line.charAt(next))
                    && !(c == '.' && end == i + 1 && isAbbreviation(line, i));
            if (boundary) {
                add(line.substring(start, end), out);
                start = next;
            }
            i = end - 1;
        }
        add(line.substring(start), out);
    }

    private static boolean isTerminatorTail(char c) {
        return c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']'
                || c == '\u201D' || c == '\u2019';
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201C' || c == '\''
                || c == '\u2018' || c == '(' || c == '[';
    }

    /** True when the word right before the period at {@code dot} is an abbreviation or a single letter. */
    private static boolean isAbbreviation(String line, int dot) {
        int wordStart = dot;
        while (wordStart > 0 && Character.isLetter(line.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = line.substring(wordStart, dot);
        return word.length() == 1 || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static void add(String sentence, List<String> out) {
        String trimmed = sentence.strip();
        if (!trimmed.isEmpty()) {
            out.add(trimmed);
        }
    }
}
