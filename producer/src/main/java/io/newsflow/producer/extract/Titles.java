package io.newsflow.producer.extract;

import java.util.HashMap;
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

    private Titles() {
    }

    /**
     * Strips a trailing " | Site Name" (or " - ", " — "...) from a declared title: when the suffix is the
     * site's name, when what precedes it is one of the page's {@code <h1>}s, or when the separator is one
     * that only ever introduces a site name ("|", "·") and the suffix is short. Titles carry the site name
     * for search results and browser tabs, but it is not part of the headline.
     */
    static Sourced<String> withoutSiteSuffix(Sourced<String> title, Sourced<String> siteName, List<String> h1s) {
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
            if (suffixIsSite || h1s.contains(head) || shortSuffix) {
                return withoutSiteSuffix(new Sourced<>(head, title.source()), siteName, h1s);
            }
        }
        return title;
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
