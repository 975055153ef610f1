package io.newsflow.streams.enrich.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The word lists behind the sentiment rules: valences ({@code sentiment-lexicon.tsv}, word to a value
 * in [-4, 4]) and the modifier words ({@code sentiment-modifiers.txt}: boosters with their increment,
 * negators, tone reversers).
 *
 * <p>Lookups fall back to a few English suffix rules ("murders" → "murder", "fatalities" → "fatality",
 * "spiralled" → "spiral", "worsening" → "worsen") so that the lexicon can list base forms. An exact
 * entry always wins, which is how a form whose tone differs from its base is listed.
 *
 * <p>Lookups of inflected forms are memoised (up to {@value #MEMO_CAPACITY} distinct words, then
 * computed each time), since the suffix rules allocate and the same words recur in every article.
 *
 * <p>Immutable in content and thread-safe.
 */
public final class SentimentLexicon {

    static final int MEMO_CAPACITY = 200_000;

    /** What the suffix-rule lookups found for one word. */
    private record Lookup(double valence, boolean reversesPreceding, boolean reversesFollowing) {
    }

    private final Map<String, Double> valences;
    private final Map<String, Double> boosters;
    private final Set<String> negators;
    private final Set<String> reversers;
    private final Set<String> reversersBefore;
    private final Map<String, Lookup> memo = new ConcurrentHashMap<>();
    private final Map<String, Word> words = new ConcurrentHashMap<>();

    private SentimentLexicon(Map<String, Double> valences, Map<String, Double> boosters, Set<String> negators,
            Set<String> reversers, Set<String> reversersBefore) {
        this.valences = Collections.unmodifiableMap(new HashMap<>(valences)); // lookups mostly miss: see SentimentFeatures
        this.boosters = Collections.unmodifiableMap(new HashMap<>(boosters));
        this.negators = Set.copyOf(negators);
        this.reversers = Set.copyOf(reversers);
        this.reversersBefore = Set.copyOf(reversersBefore);
    }

    /** Loads the bundled lexicon and modifier lists. */
    public static SentimentLexicon loadDefault() {
        return load(Resources.contentLines("sentiment-lexicon.tsv"), Resources.contentLines("sentiment-modifiers.txt"));
    }

    /** Builds a lexicon from the content lines of the two resources. */
    public static SentimentLexicon load(List<String> lexiconLines, List<String> modifierLines) {
        Map<String, Double> valences = new HashMap<>();
        for (String line : lexiconLines) {
            String[] cols = line.split("\t");
            if (cols.length != 2) {
                throw new IllegalStateException("sentiment-lexicon.tsv: expected 'word<TAB>valence', got: " + line);
            }
            double valence = Double.parseDouble(cols[1].strip());
            if (valence < -4 || valence > 4) {
                throw new IllegalStateException("sentiment-lexicon.tsv: valence outside [-4, 4]: " + line);
            }
            if (valences.put(cols[0].strip().toLowerCase(Locale.ROOT), valence) != null) {
                throw new IllegalStateException("sentiment-lexicon.tsv: duplicate word: " + cols[0]);
            }
        }
        Map<String, Double> boosters = new HashMap<>();
        Set<String> negators = new HashSet<>();
        Set<String> reversers = new HashSet<>();
        Set<String> reversersBefore = new HashSet<>();
        String section = "";
        for (String line : modifierLines) {
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                continue;
            }
            for (String item : line.split("\\s+")) {
                switch (section) {
                    case "boosters" -> {
                        String[] kv = item.split("=");
                        boosters.put(kv[0], Double.parseDouble(kv[1]));
                    }
                    case "negators" -> negators.add(item);
                    case "reversers" -> reversers.add(item);
                    case "reversers-before" -> {
                        reversers.add(item);
                        reversersBefore.add(item);
                    }
                    default -> throw new IllegalStateException("sentiment-modifiers.txt: unknown section [" + section + "]");
                }
            }
        }
        return new SentimentLexicon(valences, boosters, negators, reversers, reversersBefore);
    }

    /** Valence of a lower-case word (exact, else via suffix rules), or 0 when it carries no tone. */
    public double valence(String word) {
        Double exact = valences.get(word);
        return exact != null ? exact : lookup(word).valence();
    }

    private double inflectedValence(String word) {
        List<String> bases = baseForms(word);
        for (String base : bases) {
            Double v = valences.get(base);
            if (v != null) {
                return v;
            }
        }
        // One more step for doubly inflected words: "worsenings" -> "worsening" -> "worsen".
        for (String base : bases) {
            for (String root : baseForms(base)) {
                Double v = valences.get(root);
                if (v != null) {
                    return v;
                }
            }
        }
        return 0.0;
    }

    private Lookup lookup(String word) {
        Lookup known = memo.get(word);
        if (known != null) {
            return known;
        }
        Lookup computed = new Lookup(inflectedValence(word), matchesForm(word, reversers),
                matchesForm(word, reversersBefore));
        if (memo.size() < MEMO_CAPACITY) {
            memo.put(word, computed);
        }
        return computed;
    }

    /** Everything the rules ask about one lower-case word, looked up at once. */
    public record Word(double valence, double boost, boolean negator, boolean reversesPreceding,
            boolean reversesFollowing) {
    }

    /**
     * {@link #valence}, {@link #boost}, {@link #isNegator}, {@link #reversesPreceding} and
     * {@link #reversesFollowing} of a lower-case word in one (memoised) lookup.
     */
    public Word word(String word) {
        Word known = words.get(word);
        if (known != null) {
            return known;
        }
        Word computed = new Word(valence(word), boost(word), isNegator(word), reversesPreceding(word),
                reversesFollowing(word));
        if (words.size() < MEMO_CAPACITY) {
            words.put(word, computed);
        }
        return computed;
    }

    /** Booster increment (positive intensifies, negative dampens), or 0 when the word is no booster. */
    public double boost(String word) {
        return boosters.getOrDefault(word, 0.0);
    }

    /** True for negation words, including any contraction ending in "n't". */
    public boolean isNegator(String word) {
        return negators.contains(word) || word.endsWith("n't");
    }

    /** True when {@code word} undoes a negative noun that precedes it ("sanctions were lifted"). */
    public boolean reversesPreceding(String word) {
        return reversers.contains(word) || lookup(word).reversesPreceding();
    }

    /** True when {@code word} undoes a negative noun that follows it ("lifted the sanctions"). */
    public boolean reversesFollowing(String word) {
        return reversersBefore.contains(word) || lookup(word).reversesFollowing();
    }

    /** Number of words with a valence. */
    public int size() {
        return valences.size();
    }

    private static boolean matchesForm(String word, Set<String> lemmas) {
        if (lemmas.contains(word)) {
            return true;
        }
        for (String base : baseForms(word)) {
            if (lemmas.contains(base)) {
                return true;
            }
        }
        return false;
    }

    /** Candidate base forms of an inflected word, most specific first; only forms of 3+ letters. */
    static List<String> baseForms(String w) {
        List<String> forms = new ArrayList<>(4);
        if (w.endsWith("'s") || w.endsWith("s'")) {
            addForm(forms, w.substring(0, w.length() - 2));
        }
        if (w.endsWith("ies") || w.endsWith("ied")) {
            addForm(forms, w.substring(0, w.length() - 3) + "y");
        }
        if (w.endsWith("es")) {
            addForm(forms, w.substring(0, w.length() - 2));
        }
        if (w.endsWith("s") && !w.endsWith("ss")) {
            addForm(forms, w.substring(0, w.length() - 1));
        }
        for (String suffix : new String[] {"ed", "ing"}) {
            if (w.endsWith(suffix)) {
                String stem = w.substring(0, w.length() - suffix.length());
                addForm(forms, stem);
                addForm(forms, stem + "e");
                if (stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
                    addForm(forms, stem.substring(0, stem.length() - 1)); // spiralled, stopped
                }
            }
        }
        if (w.endsWith("ily")) {
            addForm(forms, w.substring(0, w.length() - 3) + "y");
        } else if (w.endsWith("ly")) {
            addForm(forms, w.substring(0, w.length() - 2));
        }
        if (w.endsWith("iness")) {
            addForm(forms, w.substring(0, w.length() - 5) + "y");
        } else if (w.endsWith("ness")) {
            addForm(forms, w.substring(0, w.length() - 4));
        }
        return forms;
    }

    private static void addForm(List<String> forms, String form) {
        if (form.length() >= 3) {
            forms.add(form);
        }
    }
}
