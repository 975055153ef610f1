package io.newsflow.producer.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A paywall's truncation marker at the end of a body ("Subscribe to continue reading", "This article is
 * for subscribers only", "Already a subscriber? Log in"): the page shows a teaser, not the story.
 * {@link #split} takes the marker, and whatever follows it, off the body.
 *
 * @param body      the body blocks without the marker
 * @param truncated whether a marker was found
 */
record Truncation(List<String> body, boolean truncated) {

    // Only the last blocks are looked at, and only short ones: a story may well quote such a sentence.
    private static final int LAST_BLOCKS = 4;
    private static final int MAX_MARKER_WORDS = 40;
    // Forty words of prose are far shorter: longer blocks are not counted word by word.
    private static final int MAX_MARKER_CHARS = 2000;
    private static final Pattern MARKER = Pattern.compile("(?i)(?:"
            + "subscribe (?:now |today )?to (?:continue|keep) reading"
            + "|subscribe (?:now |today )?to (?:read|unlock|access) (?:the )?(?:full|rest|entire|this|more)"
            + "|to (?:continue|keep) reading,? (?:please )?(?:subscribe|sign in|log in|register|create)"
            + "|continue reading (?:this|the) (?:article|story) with"
            + "|(?:this|the) (?:article|story|content) is (?:only )?(?:available|reserved|exclusive) (?:only )?(?:to|for) "
            + "(?:subscribers|members|premium|paying|registered)"
            + "|(?:for|exclusive to) (?:paid |premium |digital )?subscribers only"
            + "|already (?:a subscriber|have an account|a member)\\?"
            + "|(?:sign|log) in to (?:read|continue|keep reading|unlock)"
            + "|register (?:now |for free )?to (?:read|continue)"
            + "|create (?:a )?(?:free )?account to (?:read|continue)"
            + "|you(?:'ve| have) (?:reached|used) (?:your|all of your) (?:\\w+ )?(?:free )?(?:article|story)"
            + "|unlock (?:this|the full|full) (?:article|story)"
            + "|this is a (?:premium|subscriber|subscriber-only) (?:article|story)"
            + "|(?:read|get) the (?:full|rest of the) (?:article|story) (?:with|by subscribing|when you subscribe)"
            + ")");

    // Every marker has one of these words: a block without any is not searched with the pattern, which
    // tries each of its alternatives at every character.
    private static final String[] MARKER_WORDS = {"subscri", "reading", "member", "premium", "paying", "register",
        "account", " in to ", "article", "story"};

    /** Looks for a marker among the last blocks of {@code blocks}. */
    static Truncation split(List<String> blocks) {
        int from = Math.max(0, blocks.size() - LAST_BLOCKS);
        for (int i = from; i < blocks.size(); i++) {
            String block = blocks.get(i);
            if (block.length() <= MAX_MARKER_CHARS && Texts.wordCount(block) <= MAX_MARKER_WORDS
                    && mayHoldMarker(block) && MARKER.matcher(block).find()) {
                return new Truncation(List.copyOf(blocks.subList(0, i)), true);
            }
        }
        return new Truncation(blocks, false);
    }

    static boolean mayHoldMarker(String block) {
        String lower = block.toLowerCase(Locale.ROOT);
        for (String word : MARKER_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
