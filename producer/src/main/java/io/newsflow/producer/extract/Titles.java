package io.newsflow.producer.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cleans and compares headlines taken from {@code <title>}, og:title, JSON-LD and {@code <h1>}. */
final class Titles {

    private static final String[] SEPARATORS = {" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » "};
    // A suffix after these is a site name whatever it says: nobody writes "Headline | more headline".
    private static final String[] SITE_ONLY_SEPARATORS = {" | ", " :: ", " · ", " • ", " « ", " » "};
    private static final int MAX_SITE_NAME_WORDS = 5;
    private static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "of", "to", "in", "on", "for", "and",
            "or", "at", "by", "with", "from", "is", "are", "how", "what", "your", "you", "le", "la", "les", "de",
            "der", "die", "das", "el", "los");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final Pattern BRACKETED_TAIL = Pattern.compile("\\s*[\\[(][^\\[\\]()]*[\\])]\\s*$");
    private static final Pattern LEADING_DATE = Pattern.compile(
            "(\\p{L}{3,9}\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+\\p{L}{3,9}\\.?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})[\\s:|·•–—-]+");
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/?#]*@)?([^:/?#]+)");
    // Host labels that are never a site's name.
    private static final Set<String> NOT_SITE_LABELS = Set.of("blog", "blogs", "news", "info", "shop", "store",
            "help", "docs", "learn", "apps", "home", "online", "site", "com", "org", "net");

    private Titles() {
    }

    /**
     * Strips a trailing " | Site Name" (or " - ", " — "...) from a declared title: when the suffix is the
     * site's name, when what precedes it is one of the page's {@code <h1>}s, or when the separator is one
     * that only ever introduces a site name ("|", "·") and the suffix is short. Titles carry the site name
     * for search results and browser tabs, but it is not part of the headline.
     */
    static Sourced<String> withoutSiteSuffix(Sourced<String> title, Sourced<String> siteName, List<String> h1s) {
        return withoutSiteSuffix(title, siteName, h1s, Set.of());
    }

    /**
     * As {@link #withoutSiteSuffix(Sourced, Sourced, List)}, and also when the suffix names the host
     * ({@code hostWords}, from {@link #hostWords}): "Tips and Tricks - Admissions Blog - University of
     * Illinois" on admissions.illinois.edu.
     */
    static Sourced<String> withoutSiteSuffix(Sourced<String> title, Sourced<String> siteName, List<String> h1s,
                                             Set<String> hostWords) {
        if (title == null) {
            return null;
        }
        String text = title.value();
        for (String separator : SEPARATORS) {
            int at = text.lastIndexOf(separator);
            if (at <= 0) {
                continue;
            }
            String head = text.substring(0, at).strip();
            String suffix = text.substring(at + separator.length()).strip();
            boolean suffixIsSite = siteName != null && suffix.equalsIgnoreCase(siteName.value().strip());
            boolean shortSuffix = !suffix.isEmpty() && suffix.split("\\s+").length <= MAX_SITE_NAME_WORDS
                    && List.of(SITE_ONLY_SEPARATORS).contains(separator);
            if (suffixIsSite || h1s.contains(head) || shortSuffix || namesHost(suffix, hostWords)) {
                return withoutSiteSuffix(new Sourced<>(head, title.source()), siteName, h1s, hostWords);
            }
        }
        return title;
    }

    /** The labels of the URL's host that can name a site: four letters or more, not "www" or the suffix. */
    static Set<String> hostWords(String url) {
        if (url == null) {
            return Set.of();
        }
        Matcher m = HOST.matcher(url);
        if (!m.find()) {
            return Set.of();
        }
        String[] labels = m.group(1).toLowerCase(Locale.ROOT).split("\\.");
        Set<String> words = new HashSet<>();
        // The last label is the public suffix ("com", "org"); a two-letter one before it often is too ("co.uk").
        for (int i = 0; i < labels.length - 1; i++) {
            String label = labels[i].replace("-", "");
            if (label.length() >= 4 && !label.equals("www") && !NOT_SITE_LABELS.contains(label)) {
                words.add(label);
            }
        }
        return words;
    }

    /** Whether a title suffix names the host: "Freightwaves Checkpoint" on freightwaves.com. */
    static boolean namesHost(String suffix, Set<String> hostWords) {
        if (hostWords.isEmpty() || suffix.isEmpty() || suffix.split("\\s+").length > MAX_SITE_NAME_WORDS) {
            return false;
        }
        String joined = TOKEN_SEPARATORS.matcher(suffix.toLowerCase(Locale.ROOT)).replaceAll("");
        if (joined.length() < 4) {
            return false;
        }
        for (String word : hostWords) {
            if (joined.contains(word) || word.contains(joined)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How well an {@code <h1>} matches a declared title: the better of its {@link #similarity} to the title
     * without its site suffix, to the title as written (the suffix may repeat words of the headline: "Meal
     * Delivery 2026 | Daily Harvest, Freshly"), and to the title without a bracketed tail ("What is a Mobile
     * App? [Definition + Types]").
     */
    static double match(String h1, String declared, String declaredAsWritten) {
        double best = similarity(h1, declared);
        if (!declaredAsWritten.equals(declared)) {
            best = Math.max(best, similarity(h1, declaredAsWritten));
        }
        String unbracketed = BRACKETED_TAIL.matcher(declared).replaceFirst("");
        if (!unbracketed.isEmpty() && !unbracketed.equals(declared)) {
            best = Math.max(best, similarity(h1, unbracketed));
        }
        return best;
    }

    /** A headline without the date some themes print at its start ("Dec 18 2025 Preparing a transition"). */
    static String withoutLeadingDate(String h1) {
        Matcher m = LEADING_DATE.matcher(h1);
        if (!m.lookingAt() || DateParser.parseWithOffset(m.group(1)).isEmpty()) {
            return h1;
        }
        String rest = h1.substring(m.end()).strip();
        return Texts.wordCount(rest) >= 2 ? rest : h1;
    }

    /**
     * Token F1 of the lower-cased words of two titles, leaving out the little words ("the", "of") that
     * would make a site name look like a headline: 1 for the same words, 0 for none in common.
     */
    static double similarity(String a, String b) {
        Map<String, Integer> bag = new HashMap<>();
        int aTokens = 0;
        Matcher m = TOKEN.matcher(a.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (STOP_WORDS.contains(m.group())) {
                continue;
            }
            bag.merge(m.group(), 1, Integer::sum);
            aTokens++;
        }
        int bTokens = 0;
        int common = 0;
        m = TOKEN.matcher(b.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (STOP_WORDS.contains(m.group())) {
                continue;
            }
            bTokens++;
            Integer left = bag.get(m.group());
            if (left != null && left > 0) {
                common++;
                bag.put(m.group(), left - 1);
            }
        }
        return common == 0 ? 0 : 2.0 * common / (aTokens + bTokens);
    }
}
