package io.newsflow.streams.alert;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Picks the passage of a text that holds the most matched words and marks each with {@code [[ ]]}.
 *
 * <p>A passage is a run of whole sentences of at most {@value #TARGET_CHARS} characters; a single
 * longer sentence is cut into a window around its matches, at word boundaries, with "…" where it was
 * cut. Of passages with as many matches, the one opening closest to its first match wins, then the
 * earliest, so a text without matches yields its lead. Whitespace
 * (paragraph breaks included) is collapsed to single spaces.
 *
 * <p>An instance splits its text into sentences once, on first use, and reuses them for every
 * snippet it makes: an article matching hundreds of rules is split once, not once per alert (sentence
 * splitting was most of the cost of a match before). Not thread-safe; one instance serves one match
 * call.
 */
final class Snippets {

    static final int TARGET_CHARS = 240;
    /** Context kept before the first match when a long sentence has to be cut. */
    private static final int LEAD_CHARS = 60;
    private static final String OPEN = "[[";
    private static final String CLOSE = "]]";
    private static final String ELLIPSIS = "\u2026";

    private record Passage(int start, int end, boolean cutStart, boolean cutEnd) {}

    /** Either a passage of whole sentences, or a sentence too long for one ({@code passage} null). */
    private record Slot(Passage passage, int sentenceStart, int sentenceEnd) {}

    private final String text;
    private List<Slot> slots;

    Snippets(String text) {
        this.text = text;
    }

    /** The snippet of {@code text} for these hits: sorted, non-overlapping ranges of the text. */
    static String best(String text, List<TermHits.Range> hits) {
        return new Snippets(text).best(hits);
    }

    /** The snippet for these hits: sorted, non-overlapping ranges of this instance's text. */
    String best(List<TermHits.Range> hits) {
        Passage best = null;
        int bestHits = -1;
        int bestLead = Integer.MAX_VALUE;
        for (Slot slot : slots()) {
            if (slot.passage() != null) {
                Passage p = slot.passage();
                int count = countInside(p, hits);
                // Fewer characters before the first hit reads better: the passage opens on the news.
                int lead = count == 0 ? 0 : firstInside(p, hits).start() - p.start();
                if (count > bestHits || (count == bestHits && lead < bestLead)) {
                    best = p;
                    bestHits = count;
                    bestLead = lead;
                }
                continue;
            }
            for (Passage p : windows(slot.sentenceStart(), slot.sentenceEnd(), hits)) {
                int count = countInside(p, hits);
                int lead = count == 0 ? 0 : firstInside(p, hits).start() - p.start();
                if (count > bestHits || (count == bestHits && lead < bestLead)) {
                    best = p;
                    bestHits = count;
                    bestLead = lead;
                }
            }
        }
        return best == null ? "" : render(best, hits);
    }

    /** The title's and the body's snippets of one article, each split into sentences on first use. */
    static final class ForArticle {
        private final ArticleText text;
        private Snippets title;
        private Snippets body;

        ForArticle(ArticleText text) {
            this.text = text;
        }

        Snippets title() {
            if (title == null) {
                title = new Snippets(text.title());
            }
            return title;
        }

        Snippets body() {
            if (body == null) {
                body = new Snippets(text.body());
            }
            return body;
        }
    }

    /** Index of the first hit that starts at or after {@code offset} (hits are sorted by start). */
    private static int firstAtOrAfter(List<TermHits.Range> hits, int offset) {
        int lo = 0;
        int hi = hits.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (hits.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int countInside(Passage p, List<TermHits.Range> hits) {
        int count = 0;
        for (int i = firstAtOrAfter(hits, p.start()); i < hits.size() && hits.get(i).start() < p.end(); i++) {
            if (hits.get(i).end() <= p.end()) {
                count++;
            }
        }
        return count;
    }

    private static TermHits.Range firstInside(Passage p, List<TermHits.Range> hits) {
        for (int i = firstAtOrAfter(hits, p.start()); i < hits.size() && hits.get(i).start() < p.end(); i++) {
            if (hits.get(i).end() <= p.end()) {
                return hits.get(i);
            }
        }
        throw new IllegalStateException("no hit inside the passage");
    }

    private static boolean contains(Passage p, TermHits.Range h) {
        return h.start() >= p.start() && h.end() <= p.end();
    }

    /** The candidate passages that do not depend on the hits, in text order; computed once. */
    private List<Slot> slots() {
        if (slots != null) {
            return slots;
        }
        List<int[]> sentences = sentences(text);
        slots = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            int start = sentences.get(i)[0];
            int end = sentences.get(i)[1];
            if (end - start > TARGET_CHARS) {
                slots.add(new Slot(null, start, end));
                continue;
            }
            for (int j = i + 1; j < sentences.size() && sentences.get(j)[1] - start <= TARGET_CHARS; j++) {
                end = sentences.get(j)[1];
            }
            slots.add(new Slot(new Passage(start, end, false, false), start, end));
        }
        return slots;
    }

    /** Windows over one over-long sentence: one at its start, one leading into each match in it. */
    private List<Passage> windows(int start, int end, List<TermHits.Range> hits) {
        List<Integer> anchors = new ArrayList<>();
        anchors.add(start);
        for (int i = firstAtOrAfter(hits, start); i < hits.size() && hits.get(i).start() < end; i++) {
            TermHits.Range h = hits.get(i);
            if (h.end() <= end) {
                anchors.add(Math.max(start, h.start() - LEAD_CHARS));
            }
        }
        List<Passage> windows = new ArrayList<>();
        for (int anchor : anchors) {
            int from = anchor == start ? start : wordStartAtOrAfter(text, anchor);
            int to = Math.min(end, from + TARGET_CHARS);
            if (to < end) {
                to = wordEndAtOrBefore(text, from, to);
            }
            windows.add(new Passage(from, to, from > start, to < end));
        }
        return windows;
    }

    private static List<int[]> sentences(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(text);
        List<int[]> sentences = new ArrayList<>();
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (s < e) {
                sentences.add(new int[] {s, e});
            }
        }
        return sentences;
    }

    private static int wordStartAtOrAfter(String text, int i) {
        if (i == 0 || Character.isWhitespace(text.charAt(i - 1))) {
            return i;
        }
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int wordEndAtOrBefore(String text, int from, int i) {
        int j = i;
        while (j > from && !Character.isWhitespace(text.charAt(j))) {
            j--;
        }
        while (j > from && Character.isWhitespace(text.charAt(j - 1))) {
            j--;
        }
        return j > from ? j : i; // one giant "word": cut it rather than return nothing
    }

    private String render(Passage p, List<TermHits.Range> hits) {
        StringBuilder out = new StringBuilder();
        if (p.cutStart()) {
            out.append(ELLIPSIS);
        }
        int at = p.start();
        for (int i = firstAtOrAfter(hits, p.start()); i < hits.size() && hits.get(i).start() < p.end(); i++) {
            TermHits.Range h = hits.get(i);
            if (contains(p, h)) {
                out.append(text, at, h.start()).append(OPEN).append(text, h.start(), h.end()).append(CLOSE);
                at = h.end();
            }
        }
        out.append(text, at, p.end());
        if (p.cutEnd()) {
            out.append(ELLIPSIS);
        }
        return collapseSpaces(out).strip();
    }

    /**
     * Each run of ASCII whitespace (space, tab, line breaks, form feed, vertical tab) as one space:
     * what {@code replaceAll("\\s+", " ")} does, without compiling and running a regex per alert.
     */
    static String collapseSpaces(CharSequence s) {
        if (!needsCollapsing(s)) {
            return s.toString(); // the usual case: a passage within one paragraph
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean inSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
            if (!space) {
                out.append(c);
            } else if (!inSpace) {
                out.append(' ');
            }
            inSpace = space;
        }
        return out.toString();
    }

    private static boolean needsCollapsing(CharSequence s) {
        boolean previousSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || (c == ' ' && previousSpace)) {
                return true;
            }
            previousSpace = c == ' ';
        }
        return false;
    }
}
