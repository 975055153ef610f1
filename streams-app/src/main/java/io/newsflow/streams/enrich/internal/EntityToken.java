package io.newsflow.streams.enrich.internal;

/**
 * A word of title + body as the entity rules see it.
 *
 * @param text          the word with a curly apostrophe made straight, a possessive ("'s", trailing "'"),
 *                      a prefix such as "non-" and a suffix such as "-based" removed
 * @param start         offset of the word in the text
 * @param end           offset just after {@code text} (before a removed possessive or suffix)
 * @param rawEnd        offset just after the word as written
 * @param sentenceStart capitalised for a reason other than being a name: first of a sentence, a
 *                      paragraph or a quotation, or inside the (often Title Case) headline
 * @param joined        only spaces (or " & ", or the dot of "Mr." / an initial) separate it from the
 *                      previous word, so the two can belong to one name
 * @param endsName      a name cannot go on past this word: an "'s" or a suffix such as "-based" was
 *                      removed ("Pakistan's Army" and "Hong Kong-based Hutchison" are two names each)
 */
public record EntityToken(String text, int start, int end, int rawEnd, boolean sentenceStart, boolean joined,
        boolean endsName) {

    /** Starts with an upper-case letter. */
    public boolean capitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }

    /** Two or more letters, all upper-case (digits allowed after the first letter): an acronym or shouting. */
    public boolean allCaps() {
        if (text.length() < 2 || !Character.isUpperCase(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }
}
