package io.newsflow.streams.enrich.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns one sentence, and optionally a target span in it, into the named features of the sentiment
 * model ({@code SentimentModel}): what the trainer learns from and what the analyzer scores with, so
 * both sides always agree.
 *
 * <p>Sentence features: every word, prefixed {@code n=} inside a negation scope (from a negator to the
 * next punctuation) and {@code w=} elsewhere; the lexicon's compound score of the sentence
 * ({@link SentenceScorer}) as a value and as a sign; squashed sums and capped counts of positive and
 * negative words under the news lexicon and under VADER's lexicon. Target features, when a target
 * span is given (a sentence can be positive about one person and negative about another): the words up
 * to {@value #WINDOW} tokens left and right of the target, the words right next to it, the lexicon tone
 * near it and in its clause, each tone word's side and distance, the target's own words, and its kind
 * (place, date, pronoun; possessive, title). Real-valued features are squashed into [-1, 1] so that no
 * single one dominates the linear model. Words are indicators: present or not, however often.
 *
 * <p>Immutable and thread-safe.
 */
public final class SentimentFeatures {

    /** Tokens on each side of a target whose words become target features. */
    public static final int WINDOW = 6;

    private static final float ONE = 1f;
    private static final double SQUASH_ALPHA = 15.0;

    private static final Set<String> NEGATORS = Set.of(
            "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot");
    private static final Set<String> WEEKDAYS_MONTHS = Set.of(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "today", "yesterday", "tonight", "week", "year");
    private static final Set<String> PRONOUNS = Set.of(
            "he", "she", "his", "her", "him", "they", "them", "their", "it", "its", "i", "we", "you");
    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "sen", "president", "senator", "gov", "governor", "rep", "dr", "secretary", "former");
    private static final String PUNCTUATION = ",;:.!?()\"\u201c\u201d\u2014\u2013";

    /** Named features and their values, index for index. */
    public record Features(String[] names, float[] values) {
    }

    private final SentimentLexicon lexicon;
    private final SentenceScorer scorer;
    private final Map<String, Float> reference;
    private final Set<String> places;

    /**
     * @param lexicon   the news lexicon (also behind the sentence scorer)
     * @param reference a second, general valence list (VADER's), word to valence in [-4, 4]
     * @param places    lower-case place names (countries, states): sentiment toward a place is mostly neutral
     */
    public SentimentFeatures(SentimentLexicon lexicon, Map<String, Float> reference, Set<String> places) {
        this.lexicon = lexicon;
        this.scorer = new SentenceScorer(lexicon);
        // Hash maps, not Map.copyOf/Set.copyOf: nearly every word of every sentence is looked up and
        // most miss, which the immutable collections' linear probing makes slow.
        this.reference = Collections.unmodifiableMap(new HashMap<>(reference));
        this.places = Collections.unmodifiableSet(new HashSet<>(places));
    }

    /** Loads the bundled news lexicon, VADER's lexicon and the JDK's English country names plus US states. */
    public static SentimentFeatures loadDefault() {
        return new SentimentFeatures(SentimentLexicon.loadDefault(), loadValences("sentiment-vader-lexicon.tsv"),
                defaultPlaces());
    }

    /** Reads a bundled {@code word<TAB>valence} list. */
    public static Map<String, Float> loadValences(String resource) {
        Map<String, Float> valences = new HashMap<>();
        for (String line : Resources.contentLines(resource)) {
            String[] cols = line.split("\t");
            if (cols.length != 2) {
                throw new IllegalStateException(resource + ": expected 'word<TAB>valence', got: " + line);
            }
            valences.put(cols[0].strip(), Float.parseFloat(cols[1].strip()));
        }
        return valences;
    }

    /** The sentence scorer over the same news lexicon. */
    public SentenceScorer scorer() {
        return scorer;
    }

    /** Features of a whole sentence, computing its lexicon score. */
    public Features extract(String sentence) {
        return extract(sentence, scorer.score(sentence), -1, -1);
    }

    /**
     * Features of a sentence.
     *
     * @param sentence     the sentence
     * @param lexiconScore its {@link SentenceScorer} score (passed in because the analyzer has it already)
     * @param targetStart  char offset where the target starts, or -1 for sentence features only
     * @param targetEnd    char offset just after the target, or -1
     */
    public Features extract(String sentence, double lexiconScore, int targetStart, int targetEnd) {
        return extract(parse(sentence, lexiconScore), targetStart, targetEnd);
    }

    /**
     * The target-independent part of a sentence's features: its tokens, their valences and the
     * sentence features. Parse once and {@link #extract(Parsed, int, int)} per target when a sentence
     * has several targets. Immutable.
     */
    public static final class Parsed {
        private final String sentence;
        private final Tokens tokens;
        private final boolean[] negated;
        private final float[] newsValence;
        private final float[] generalValence;
        private final Features sentenceFeatures;

        private Parsed(String sentence, Tokens tokens, boolean[] negated, float[] newsValence, float[] generalValence,
                Features sentenceFeatures) {
            this.sentence = sentence;
            this.tokens = tokens;
            this.negated = negated;
            this.newsValence = newsValence;
            this.generalValence = generalValence;
            this.sentenceFeatures = sentenceFeatures;
        }

        /** The sentence this was parsed from. */
        public String sentence() {
            return sentence;
        }
    }

    /** Parses a sentence whose {@link SentenceScorer} score is {@code lexiconScore}. */
    public Parsed parse(String sentence, double lexiconScore) {
        Tokens tokens = Tokens.of(sentence);
        int n = tokens.size();
        FeatureList out = new FeatureList(n * 2 + 12);
        boolean[] negated = new boolean[n];
        float[] newsValence = new float[n];
        float[] generalValence = new float[n];
        SentimentLexicon.Word[] info = new SentimentLexicon.Word[n];
        boolean inNegation = false;
        for (int i = 0; i < n; i++) {
            if (tokens.isPunctuation(i)) {
                inNegation = false;
                continue;
            }
            String word = tokens.word(i);
            info[i] = lexicon.word(word);
            negated[i] = inNegation;
            if (NEGATORS.contains(word) || word.endsWith("n't")) {
                inNegation = true;
            }
            newsValence[i] = (float) info[i].valence();
            generalValence[i] = reference.getOrDefault(word, 0f);
        }
        markReversals(tokens, info, negated, newsValence, generalValence);
        sentenceFeatures(tokens, negated, newsValence, generalValence, lexiconScore, out);
        return new Parsed(sentence, tokens, negated, newsValence, generalValence, out.toFeatures());
    }

    /**
     * Features of a parsed sentence, with target features for {@code [targetStart, targetEnd)} or, when
     * {@code targetStart} is -1, sentence features only.
     */
    public Features extract(Parsed parsed, int targetStart, int targetEnd) {
        Features base = parsed.sentenceFeatures;
        int baseSize = base.names().length;
        FeatureList out = new FeatureList(baseSize + 48);
        out.addAll(base);
        if (targetStart >= 0 && targetEnd > targetStart) {
            // Target feature names never collide with sentence feature names, so only the target
            // features need de-duplicating.
            targetFeatures(parsed.sentence, parsed.tokens, parsed.negated, parsed.newsValence, parsed.generalValence,
                    targetStart, targetEnd, out);
        }
        out.add("bias", ONE);
        return out.toFeatures();
    }

    /**
     * The lexicon's news reversal ({@link SentenceScorer}), on these tokens: a reverser ("lifted",
     * "eased", "fell") puts the negative words of the phrase before it, and a transitive one the
     * negative word right after it ("lifted the sanctions"), in negation scope, so that "sanctions were
     * lifted" gives the model {@code n=sanctions} rather than the bad news {@code w=sanctions}; the
     * reverser's own valence is dropped, as in the scorer.
     */
    private static void markReversals(Tokens tokens, SentimentLexicon.Word[] info, boolean[] negated,
            float[] newsValence, float[] generalValence) {
        int n = tokens.size();
        for (int j = 0; j < n; j++) {
            if (tokens.isPunctuation(j)) {
                continue;
            }
            boolean reversed = false;
            if (info[j].reversesPreceding()) {
                for (int k = j - 1; k >= 0 && j - k <= SentenceScorer.REVERSAL_BACK; k--) {
                    if (tokens.isPunctuation(k) || newsValence[k] > 0
                            || SentenceScorer.CLAUSE_WORDS.contains(tokens.word(k)) || info[k].negator()) {
                        break;
                    }
                    reversed |= reverse(k, negated, newsValence);
                }
            }
            if (info[j].reversesFollowing()) {
                for (int k = j + 1; k < n && k - j <= 3 && !tokens.isPunctuation(k); k++) {
                    if (reverse(k, negated, newsValence)) {
                        reversed = true;
                        break;
                    }
                    if (!SentenceScorer.DETERMINERS.contains(tokens.word(k))) {
                        break;
                    }
                }
            }
            if (reversed) {
                newsValence[j] = 0f;
                generalValence[j] = 0f;
            }
        }
    }

    private static boolean reverse(int k, boolean[] negated, float[] newsValence) {
        if (newsValence[k] >= 0 || negated[k]) {
            return false;
        }
        negated[k] = true;
        return true;
    }

    private static void sentenceFeatures(Tokens tokens, boolean[] negated, float[] newsValence, float[] generalValence,
            double lexiconScore, FeatureList out) {
        int n = tokens.size();
        double generalSum = 0;
        double newsSum = 0;
        int generalPositive = 0;
        int generalNegative = 0;
        int newsPositive = 0;
        int newsNegative = 0;
        for (int i = 0; i < n; i++) {
            String word = tokens.word(i);
            if (tokens.isPunctuation(i)) {
                if (word.equals("!") || word.equals("?")) {
                    out.add("w=" + word, ONE);
                }
                continue;
            }
            out.add((negated[i] ? "n=" : "w=") + word, ONE);
            double sign = negated[i] ? -0.74 : 1.0; // VADER's damped negation
            double g = sign * generalValence[i];
            double v = sign * newsValence[i];
            generalSum += g;
            newsSum += v;
            generalPositive += g > 0 ? 1 : 0;
            generalNegative += g < 0 ? 1 : 0;
            newsPositive += v > 0 ? 1 : 0;
            newsNegative += v < 0 ? 1 : 0;
        }
        out.add("lex", (float) lexiconScore);
        out.add(lexiconScore > 0.05 ? "lex=pos" : lexiconScore < -0.05 ? "lex=neg" : "lex=0", ONE);
        out.add("vsum", squash(generalSum));
        out.add("lsum", squash(newsSum));
        out.add("vp=" + Math.min(generalPositive, 3), ONE);
        out.add("vn=" + Math.min(generalNegative, 3), ONE);
        out.add("lp=" + Math.min(newsPositive, 3), ONE);
        out.add("ln=" + Math.min(newsNegative, 3), ONE);
    }

    private void targetFeatures(String sentence, Tokens tokens, boolean[] negated, float[] newsValence,
            float[] generalValence, int targetStart, int targetEnd, FeatureList out) {
        int n = tokens.size();
        int first = -1;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (tokens.end(i) > targetStart && tokens.start(i) < targetEnd) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return;
        }
        double near = 0;
        for (int i = Math.max(0, first - WINDOW); i < first; i++) {
            if (!tokens.isPunctuation(i)) {
                out.add("tl=" + tokens.word(i), ONE);
                near += newsValence[i] + generalValence[i];
            }
        }
        for (int i = last + 1; i <= Math.min(n - 1, last + WINDOW); i++) {
            if (!tokens.isPunctuation(i)) {
                out.add("tr=" + tokens.word(i), ONE);
                near += newsValence[i] + generalValence[i];
            }
        }
        if (first > 0) {
            out.add("tl1=" + tokens.word(first - 1), ONE);
        }
        if (last + 1 < n) {
            out.add("tr1=" + tokens.word(last + 1), ONE);
        }
        if (last + 2 < n) {
            out.add("tr2=" + tokens.word(last + 1) + "_" + tokens.word(last + 2), ONE);
        }
        out.add("tnear", squash(near));
        out.add("tpos=" + (first == 0 ? "first" : first < 3 ? "early" : first > n - 4 ? "late" : "mid"), ONE);

        // The target's clause: the tokens between the punctuation marks around it.
        int clauseStart = first;
        int clauseEnd = last;
        while (clauseStart > 0 && !tokens.isPunctuation(clauseStart - 1)) {
            clauseStart--;
        }
        while (clauseEnd < n - 1 && !tokens.isPunctuation(clauseEnd + 1)) {
            clauseEnd++;
        }
        double clause = 0;
        for (int i = clauseStart; i <= clauseEnd; i++) {
            if (i < first || i > last) {
                clause += newsValence[i] + generalValence[i];
            }
        }
        out.add("tclause", squash(clause));

        for (int i = first; i <= last; i++) {
            out.add("tid=" + tokens.word(i), ONE);
        }
        // Each tone word by side and distance bucket, and its tone decayed with distance.
        for (int i = 0; i < n; i++) {
            double v = newsValence[i] + generalValence[i];
            if (v == 0 || (i >= first && i <= last)) {
                continue;
            }
            v = negated[i] ? -v : v;
            int distance = i < first ? first - i : i - last;
            String bucket = distance <= 2 ? "1" : distance <= 5 ? "2" : distance <= 10 ? "3" : "4";
            out.add("tlx=" + (v > 0 ? "p" : "n") + (i < first ? "L" : "R") + bucket, ONE);
            out.add("tlxd", (float) (v / 4.0 / (1 + 0.3 * distance)));
        }
        targetKind(sentence, tokens, first, last, targetStart, targetEnd, out);
    }

    private void targetKind(String sentence, Tokens tokens, int first, int last, int targetStart, int targetEnd,
            FeatureList out) {
        String target = sentence.substring(targetStart, Math.min(targetEnd, sentence.length()))
                .toLowerCase(Locale.ROOT).replace('\u2019', '\'').strip();
        if (target.endsWith("'s")) {
            target = target.substring(0, target.length() - 2);
        }
        if (target.endsWith(".")) {
            target = target.substring(0, target.length() - 1);
        }
        String withoutThe = target.startsWith("the ") ? target.substring(4) : target;
        String kind = places.contains(target) || places.contains(withoutThe) ? "place"
                : WEEKDAYS_MONTHS.contains(target) ? "time"
                : PRONOUNS.contains(target) ? "pron" : "other";
        out.add("ttype=" + kind, ONE);
        out.add("tlen=" + Math.min(3, last - first + 1), ONE);
        if (tokens.word(last).endsWith("'s")) {
            out.add("tposs", ONE);
        }
        if ((first > 0 && TITLES.contains(tokens.word(first - 1))) || TITLES.contains(tokens.word(first))) {
            out.add("ttitle", ONE);
        }
        boolean capital = targetStart < sentence.length() && Character.isUpperCase(sentence.charAt(targetStart));
        out.add("tcap=" + capital, ONE);
    }

    private static float squash(double x) {
        return (float) (x / Math.sqrt(x * x + SQUASH_ALPHA));
    }

    /** English country names from the JDK plus the US states and a few regions and capitals. */
    static Set<String> defaultPlaces() {
        List<String> places = new ArrayList<>(Resources.contentLines("sentiment-places.txt"));
        for (String code : Locale.getISOCountries()) {
            places.add(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(new HashSet<>(places));
    }

    /** Words (lower-case; inner apostrophes and hyphens kept) and punctuation marks, with char offsets. */
    private static final class Tokens {
        private String[] words = new String[32];
        private int[] starts = new int[32];
        private int[] ends = new int[32];
        private boolean[] punctuation = new boolean[32];
        private int size;

        static Tokens of(String s) {
            Tokens tokens = new Tokens();
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    int j = i + 1;
                    boolean plain = c < 128 && !Character.isUpperCase(c);
                    while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || isInnerJoiner(s, j))) {
                        char d = s.charAt(j);
                        plain &= d < 128 && !Character.isUpperCase(d);
                        j++;
                    }
                    String word = s.substring(i, j);
                    if (!plain) {
                        word = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
                    }
                    tokens.add(word, i, j, false);
                    i = j;
                } else {
                    if (PUNCTUATION.indexOf(c) >= 0) {
                        tokens.add(String.valueOf(c), i, i + 1, true);
                    }
                    i++;
                }
            }
            return tokens;
        }

        private static boolean isInnerJoiner(String s, int j) {
            char d = s.charAt(j);
            return (d == '\'' || d == '\u2019' || d == '-') && j + 1 < s.length()
                    && Character.isLetterOrDigit(s.charAt(j + 1));
        }

        private void add(String word, int start, int end, boolean isPunctuation) {
            if (size == words.length) {
                words = Arrays.copyOf(words, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
                punctuation = Arrays.copyOf(punctuation, size * 2);
            }
            words[size] = word;
            starts[size] = start;
            ends[size] = end;
            punctuation[size] = isPunctuation;
            size++;
        }

        int size() {
            return size;
        }

        String word(int i) {
            return words[i];
        }

        int start(int i) {
            return starts[i];
        }

        int end(int i) {
            return ends[i];
        }

        boolean isPunctuation(int i) {
            return punctuation[i];
        }
    }

    /**
     * A growable pair of name and value arrays. Indicator features (value 1) are kept once: a word
     * repeated thirty times in a run-on sentence must not count thirty times.
     */
    private static final class FeatureList {
        private String[] names;
        private float[] values;
        private int size;
        private final Set<String> indicators = new HashSet<>();

        FeatureList(int capacity) {
            names = new String[capacity];
            values = new float[capacity];
        }

        void add(String name, float value) {
            if (value == ONE && !indicators.add(name)) {
                return;
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size] = value;
            size++;
        }

        /** Appends features that are already free of duplicates, without recording their indicators. */
        void addAll(Features features) {
            int n = features.names().length;
            if (size + n > names.length) {
                names = Arrays.copyOf(names, size + n + 16);
                values = Arrays.copyOf(values, size + n + 16);
            }
            System.arraycopy(features.names(), 0, names, size, n);
            System.arraycopy(features.values(), 0, values, size, n);
            size += n;
        }

        Features toFeatures() {
            return new Features(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
        }
    }
}
