package io.newsflow.streams.enrich.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits text into {@link EntityToken}s: words with their offsets and the two facts the name rules
 * need, whether a word is capitalised only because a sentence starts there and whether it is written
 * right after the previous word (so both can be parts of one name). Stateless.
 */
public final class EntityTokenizer {

    /**
     * What a word is: "U.S."-style abbreviations, then words with inner hyphens, apostrophes,
     * ampersands (ISIS-K, d'Ivoire, AT&T). {@link #nextWord} finds exactly what this pattern finds,
     * several times faster; the pattern is the definition (and the tests compare the two).
     */
    static final Pattern WORD =
            Pattern.compile("(?:\\p{Lu}\\.){2,}|[\\p{L}\\p{N}]+(?:[-'’&][\\p{L}\\p{N}]+)*['’]?");
    /** Lower-case prefixes before a capitalised name: "non-Nato", "anti-Taliban", "pro-Russia". */
    private static final Set<String> PREFIXES = Set.of("anti", "pro", "non", "ex", "post", "pre", "mid", "neo",
            "pan", "trans", "cross", "inter", "intra", "sub", "super", "ultra", "un");
    /** Lower-case last parts that stay part of a title word rather than ending a name. */
    private static final Set<String> KEPT_SUFFIXES = Set.of("elect", "designate");
    /** Words written with a dot that does not end a sentence: "Mr. Smith", "St. Petersburg". */
    private static final Set<String> ABBREVIATIONS = Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Mt", "Ft", "Gen", "Sen",
            "Rep", "Gov", "Col", "Lt", "Capt", "Sgt", "Maj", "Adm", "Prof", "Rev", "Jr", "Sr", "Inc", "Ltd",
            "Corp", "Co", "No", "vs");

    private EntityTokenizer() {
    }

    /**
     * Tokenises {@code text}.
     *
     * @param headlineEnd words starting before this offset count as sentence starts: headlines are often
     *                    Title Case, so their capitals say nothing about names
     */
    public static List<EntityToken> tokenize(String text, int headlineEnd) {
        List<EntityToken> tokens = new ArrayList<>();
        EntityToken prev = null;
        long span;
        int from = 0;
        while ((span = nextWord(text, from)) >= 0) {
            int start = (int) (span >>> 32);
            int end = (int) span;
            from = end;
            String word = text.substring(start, end).replace('’', '\'');
            String gap = prev == null ? "" : text.substring(prev.rawEnd(), start);
            boolean afterAbbreviation = prev != null && isAbbreviation(prev.text()) && isDotSpaces(gap);
            boolean joined = prev != null && (isSpaces(gap) || afterAbbreviation);
            boolean sentenceStart = prev == null || start < headlineEnd
                    || !afterAbbreviation && (endsSentence(gap) || opensQuote(gap)
                            || text.charAt(prev.rawEnd() - 1) == '.');
            boolean endsName = false;
            if (word.length() > 3 && (word.endsWith("'s") || word.endsWith("'S"))) {
                word = word.substring(0, word.length() - 2);
                endsName = true;
            } else if (word.length() > 1 && word.endsWith("'")) {
                word = word.substring(0, word.length() - 1);
                endsName = true;
            }
            int hyphen = word.indexOf('-');
            if (hyphen > 0 && hyphen + 1 < word.length() && Character.isUpperCase(word.charAt(hyphen + 1))
                    && PREFIXES.contains(word.substring(0, hyphen))) {
                // "non-Nato", "anti-Taliban": the name starts after the prefix.
                start += hyphen + 1;
                word = word.substring(hyphen + 1);
                joined = false;
            }
            int lastHyphen = word.lastIndexOf('-');
            if (lastHyphen > 0 && isLowerCaseSuffix(word.substring(lastHyphen + 1))
                    && !word.substring(0, lastHyphen).equals(word.substring(0, lastHyphen).toLowerCase(Locale.ROOT))) {
                // "Hong Kong-based", "US-led": the name ends before the suffix.
                word = word.substring(0, lastHyphen);
                endsName = true;
            }
            EntityToken token = new EntityToken(word, start, start + word.length(), end, sentenceStart, joined,
                    endsName);
            tokens.add(token);
            prev = token;
        }
        return tokens;
    }

    /**
     * The next match of {@link #WORD} at or after {@code from}, as {@code start << 32 | end}, or -1.
     * A word starts at the first letter or number; "X.Y." (two or more capitals each with a dot)
     * is taken first when it is there, as the pattern's first alternative is.
     */
    static long nextWord(String text, int from) {
        int n = text.length();
        int start = from;
        while (start < n && !isLetterOrNumber(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        if (start >= n) {
            return -1;
        }
        int abbreviation = start;
        int capitals = 0;
        while (abbreviation < n && Character.getType(text.codePointAt(abbreviation)) == Character.UPPERCASE_LETTER) {
            int dot = abbreviation + Character.charCount(text.codePointAt(abbreviation));
            if (dot >= n || text.charAt(dot) != '.') {
                break;
            }
            abbreviation = dot + 1;
            capitals++;
        }
        if (capitals >= 2) {
            return (long) start << 32 | abbreviation;
        }
        int end = skipLettersAndNumbers(text, start);
        while (end < n && isJoiner(text.charAt(end))) {
            int next = end + 1;
            if (next < n && isLetterOrNumber(text.codePointAt(next))) {
                end = skipLettersAndNumbers(text, next);
            } else {
                break;
            }
        }
        if (end < n && (text.charAt(end) == '\'' || text.charAt(end) == '’')) {
            end++;
        }
        return (long) start << 32 | end;
    }

    private static int skipLettersAndNumbers(String text, int at) {
        int n = text.length();
        while (at < n) {
            int cp = text.codePointAt(at);
            if (!isLetterOrNumber(cp)) {
                break;
            }
            at += Character.charCount(cp);
        }
        return at;
    }

    private static boolean isJoiner(char c) {
        return c == '-' || c == '\'' || c == '’' || c == '&';
    }

    /** {@code \p{L}} or {@code \p{N}}: any letter, or any number (digits, Roman numerals, fractions). */
    private static boolean isLetterOrNumber(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** "-based", "-led", "-backed", "-born", "-style": at least three lower-case letters. */
    private static boolean isLowerCaseSuffix(String part) {
        if (part.length() < 3 || KEPT_SUFFIXES.contains(part)) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            if (!Character.isLowerCase(part.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Spaces only, or " & " ("Johnson & Johnson"): the words belong together. */
    private static boolean isSpaces(String gap) {
        if (gap.isEmpty()) {
            return false;
        }
        int ampersands = 0;
        for (int i = 0; i < gap.length(); i++) {
            char c = gap.charAt(i);
            if (c == '&') {
                ampersands++;
            } else if (c != ' ' && c != '\t' && c != '\u00A0') {
                return false;
            }
        }
        return ampersands <= 1;
    }

    /** A dot then spaces, as after "Mr." or an initial. */
    private static boolean isDotSpaces(String gap) {
        return gap.length() >= 2 && gap.charAt(0) == '.' && isSpaces(gap.substring(1)) && gap.indexOf('&') < 0;
    }

    private static boolean endsSentence(String gap) {
        for (int i = 0; i < gap.length(); i++) {
            char c = gap.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '…') {
                return true;
            }
        }
        return false;
    }

    private static boolean isAbbreviation(String word) {
        return ABBREVIATIONS.contains(word) || word.length() == 1 && Character.isUpperCase(word.charAt(0));
    }

    /** A quotation starts: “ or ‘, or a straight quote after a space. */
    private static boolean opensQuote(String gap) {
        if (gap.isEmpty()) {
            return false;
        }
        char last = gap.charAt(gap.length() - 1);
        if (last == '“' || last == '‘') {
            return true;
        }
        return (last == '"' || last == '\'') && gap.length() >= 2
                && Character.isWhitespace(gap.charAt(gap.length() - 2));
    }
}
