package io.newsflow.streams.enrich.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores the tone of one sentence with VADER's rules (Hutto and Gilbert, ICWSM 2014) over
 * {@link SentimentLexicon}, plus one rule for news: reversal of a negative noun.
 *
 * <p>Per tone-bearing word, in order:
 * <ol>
 *   <li>its lexicon valence; ±{@value #CAPS_BOOST} when it is written in capitals in a sentence that is
 *       not all capitals (emphasis);</li>
 *   <li>each booster among the three words before it adds its increment in the direction of the valence
 *       (×0.95 two words back, ×0.9 three back), so "very bad" is worse and "slightly bad" milder;</li>
 *   <li>a negator among the three words before it multiplies by {@value #NEGATION} ("not good" is
 *       mildly negative, not the mirror of "good");</li>
 *   <li><b>news reversal</b>: a reverser ("lifted", "eased", "fell", "ended") multiplies the negative
 *       words of the phrase before it by {@value #NEGATION}: up to {@value #REVERSAL_BACK} words back,
 *       stopping at a comma, a clause word ("and", "as", "which"...), a negator or a positive word
 *       ("sanctions on Iran were lifted", "fears of a trade war eased", "unemployment fell"). A
 *       transitive reverser also flips a negative word right after it, with up to two determiners
 *       between ("lifted the sanctions", "ending the war", "cleared of all charges"). The reverser's
 *       own valence is then dropped. News reports the end of bad things as good news; plain VADER
 *       scores those sentences negative. Known miss: "the attack halted production" reads as good.</li>
 * </ol>
 * Then the first "but" weights the words before it ×0.5 and after it ×1.5 (the point comes after
 * the "but"); exclamation marks (up to four) add {@value #EXCLAMATION} each and repeated question
 * marks up to 0.96, in the direction of the sum; and the sum is normalised to [-1, 1] by
 * {@code x / sqrt(x² + 15)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SentenceScorer {

    static final double NEGATION = -0.74;
    static final double CAPS_BOOST = 0.733;
    static final double EXCLAMATION = 0.292;
    static final int WINDOW = 3;
    static final int REVERSAL_BACK = 8;
    private static final double NORMALISATION_ALPHA = 15.0;

    /** Words allowed between a transitive reverser and the negative noun it undoes. */
    static final Set<String> DETERMINERS = Set.of(
            "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "to", "of", "all");

    /** Words that start a new clause: a reverser after them does not reach back past them. */
    static final Set<String> CLAUSE_WORDS = Set.of(
            "but", "and", "as", "while", "after", "before", "when", "because", "since", "although", "though",
            "which", "who", "whom", "where", "if", "unless", "until", "so");

    /** A word and whether a comma, semicolon, colon or dash came right before it. */
    record Token(String text, boolean afterBreak) {
    }

    private final SentimentLexicon lexicon;

    public SentenceScorer(SentimentLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** A word of a sentence and the tone it contributed after the rules (0 for most words). */
    public record WordTone(String word, double valence) {
    }

    /** Compound tone of {@code sentence} in [-1, 1]; 0 when no word carries tone. */
    public double score(String sentence) {
        Valences v = valences(sentence);
        return v == null ? 0.0 : compound(v.words(), v.valence(), sentence);
    }

    /**
     * The words that carry tone in {@code sentence}, in order, each with the valence it contributed after
     * boosters, negation and reversal (before the "but" weighting and normalisation): the explanation of
     * {@link #score}.
     */
    public List<WordTone> toneWords(String sentence) {
        Valences v = valences(sentence);
        List<WordTone> words = new ArrayList<>();
        if (v == null) {
            return words;
        }
        for (int i = 0; i < v.valence().length; i++) {
            if (v.valence()[i] != 0.0) {
                words.add(new WordTone(v.raw().get(i), v.valence()[i]));
            }
        }
        return words;
    }

    /** Per-word valences after the rules, or null for a sentence with no words. */
    private Valences valences(String sentence) {
        List<Token> tokens = tokens(sentence);
        int n = tokens.size();
        if (n == 0) {
            return null;
        }
        List<String> raw = new ArrayList<>(n);
        List<String> words = new ArrayList<>(n);
        for (Token token : tokens) {
            raw.add(token.text());
            words.add(token.text().toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        }
        boolean mixedCase = isMixedCase(raw);
        double[] base = new double[n];
        double[] valence = new double[n];
        boolean[] negated = new boolean[n];
        SentimentLexicon.Word[] info = new SentimentLexicon.Word[n];
        for (int i = 0; i < n; i++) {
            info[i] = lexicon.word(words.get(i));
        }
        for (int i = 0; i < n; i++) {
            SentimentLexicon.Word word = info[i];
            if (word.boost() != 0.0 || word.negator()) {
                continue;
            }
            base[i] = word.valence();
            if (base[i] == 0.0) {
                continue;
            }
            double v = base[i];
            if (mixedCase && isAllCaps(raw.get(i))) {
                v += Math.signum(v) * CAPS_BOOST;
            }
            for (int back = 1; back <= WINDOW && i - back >= 0; back++) {
                SentimentLexicon.Word previous = info[i - back];
                if (base[i - back] != 0.0) {
                    continue; // as in VADER: a tone word in between is not a modifier
                }
                double boost = previous.boost();
                if (boost != 0.0) {
                    boost *= back == 1 ? 1.0 : back == 2 ? 0.95 : 0.9;
                    if (mixedCase && isAllCaps(raw.get(i - back))) {
                        boost += Math.signum(boost) * CAPS_BOOST;
                    }
                    v += Math.signum(v) * boost;
                }
                if (previous.negator()) {
                    negated[i] = true;
                }
            }
            valence[i] = negated[i] ? v * NEGATION : v;
        }
        applyReversals(tokens, words, info, base, valence, negated);
        return new Valences(raw, words, valence);
    }

    private record Valences(List<String> raw, List<String> words, double[] valence) {
    }

    /**
     * News reversal. A reverser undoes the negative words of the phrase before it, looking back up to
     * {@value #REVERSAL_BACK} words and stopping at a clause boundary (comma, conjunction), a negator or a
     * positive word; a transitive reverser also undoes a negative word right after it or after up to two
     * determiners. Negative words already negated are left alone.
     */
    private void applyReversals(List<Token> tokens, List<String> words, SentimentLexicon.Word[] info, double[] base,
            double[] valence, boolean[] negated) {
        int n = words.size();
        for (int j = 0; j < n; j++) {
            boolean reversed = false;
            if (info[j].reversesPreceding()) {
                for (int k = j - 1; k >= 0 && j - k <= REVERSAL_BACK; k--) {
                    if (base[k] > 0.0 || isClauseBreak(words.get(k)) || info[k].negator()) {
                        break;
                    }
                    reversed |= reverse(k, base, valence, negated);
                    if (tokens.get(k).afterBreak()) {
                        break;
                    }
                }
            }
            if (info[j].reversesFollowing()) {
                for (int k = j + 1; k < n && k - j <= 3 && !tokens.get(k).afterBreak(); k++) {
                    if (reverse(k, base, valence, negated)) {
                        reversed = true;
                        break;
                    }
                    if (!DETERMINERS.contains(words.get(k))) {
                        break;
                    }
                }
            }
            if (reversed) {
                valence[j] = 0.0; // "fell" in "unemployment fell" is the good news, not a second bad one
                base[j] = 0.0;
            }
        }
    }

    private static boolean reverse(int k, double[] base, double[] valence, boolean[] negated) {
        if (base[k] >= 0.0 || negated[k]) {
            return false;
        }
        valence[k] *= NEGATION;
        negated[k] = true;
        return true;
    }

    private static boolean isClauseBreak(String word) {
        return CLAUSE_WORDS.contains(word);
    }

    private static double compound(List<String> words, double[] valence, String sentence) {
        int but = words.indexOf("but");
        double sum = 0.0;
        for (int i = 0; i < valence.length; i++) {
            double weight = but < 0 ? 1.0 : i < but ? 0.5 : i > but ? 1.5 : 1.0;
            sum += valence[i] * weight;
        }
        if (sum == 0.0) {
            return 0.0;
        }
        sum += Math.signum(sum) * punctuationEmphasis(sentence);
        double compound = sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);
        return Math.max(-1.0, Math.min(1.0, compound));
    }

    private static double punctuationEmphasis(String sentence) {
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (c == '!') {
                exclamations++;
            } else if (c == '?') {
                questions++;
            }
        }
        double emphasis = Math.min(exclamations, 4) * EXCLAMATION;
        if (questions > 1) {
            emphasis += questions <= 3 ? questions * 0.18 : 0.96;
        }
        return emphasis;
    }

    /**
     * Whitespace-separated words with surrounding punctuation removed (inner apostrophes and hyphens
     * kept), each marked when a comma, semicolon, colon or dash separates it from the word before.
     */
    static List<Token> tokens(String sentence) {
        List<Token> tokens = new ArrayList<>();
        boolean afterBreak = false;
        int length = sentence.length();
        int next = 0;
        while (next < length) {
            // The pieces between runs of whitespace (as a split on the regex \s+ gives them).
            while (next < length && isWhitespace(sentence.charAt(next))) {
                next++;
            }
            int pieceStart = next;
            while (next < length && !isWhitespace(sentence.charAt(next))) {
                next++;
            }
            if (pieceStart == next) {
                break;
            }
            String piece = sentence.substring(pieceStart, next);
            int start = 0;
            int end = piece.length();
            while (start < end && !Character.isLetterOrDigit(piece.charAt(start))) {
                afterBreak |= isBreak(piece.charAt(start));
                start++;
            }
            while (end > start && !Character.isLetterOrDigit(piece.charAt(end - 1))) {
                end--;
            }
            if (start < end) {
                tokens.add(new Token(piece.substring(start, end), afterBreak));
                afterBreak = false;
            }
            for (int i = end; i < piece.length(); i++) {
                afterBreak |= isBreak(piece.charAt(i));
            }
        }
        return tokens;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isBreak(char c) {
        return c == ',' || c == ';' || c == ':' || c == '\u2014' || c == '\u2013' || c == '-';
    }

    private static boolean isAllCaps(String token) {
        boolean letters = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters = true;
            }
        }
        return letters && token.length() > 1;
    }

    /** VADER's "cap difference": some words are all capitals and some are not. */
    private static boolean isMixedCase(List<String> tokens) {
        int caps = 0;
        for (String token : tokens) {
            if (isAllCaps(token)) {
                caps++;
            }
        }
        return caps > 0 && caps < tokens.size();
    }
}
