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
 */
final class Snippets {

    static final int TARGET_CHARS = 240;
    /** Context kept before the first match when a long sentence has to be cut. */
    private static final int LEAD_CHARS = 60;
    private static final String OPEN = "[[";
    private static final String CLOSE = "]]";
    private static final String ELLIPSIS = "\u2026";

    private record Passage(int start, int end, boolean cutStart, boolean cutEnd) {}

    private Snippets() {}

    static String best(String text, List<TermHits.Range> hits) {
        Passage best = null;
        int bestHits = -1;
        int bestLead = Integer.MAX_VALUE;
        for (Passage p : candidates(text, hits)) {
            List<TermHits.Range> inside = hits.stream().filter(h -> contains(p, h)).toList();
            // Fewer characters before the first hit reads better: the passage opens on the news.
            int lead = inside.isEmpty() ? 0 : inside.get(0).start() - p.start();
            if (inside.size() > bestHits || (inside.size() == bestHits && lead < bestLead)) {
                best = p;
                bestHits = inside.size();
                bestLead = lead;
            }
        }
        return best == null ? "" : render(text, best, hits);
    }

    private static boolean contains(Passage p, TermHits.Range h) {
        return h.start() >= p.start() && h.end() <= p.end();
    }

    private static List<Passage> candidates(String text, List<TermHits.Range> hits) {
        List<int[]> sentences = sentences(text);
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            int start = sentences.get(i)[0];
            int end = sentences.get(i)[1];
            if (end - start > TARGET_CHARS) {
                passages.addAll(windows(text, start, end, hits));
                continue;
            }
            for (int j = i + 1; j < sentences.size() && sentences.get(j)[1] - start <= TARGET_CHARS; j++) {
                end = sentences.get(j)[1];
            }
            passages.add(new Passage(start, end, false, false));
        }
        return passages;
    }

    /** Windows over one over-long sentence: one at its start, one leading into each match in it. */
    private static List<Passage> windows(String text, int start, int end, List<TermHits.Range> hits) {
        List<Integer> anchors = new ArrayList<>();
        anchors.add(start);
        for (TermHits.Range h : hits) {
            if (h.start() >= start && h.end() <= end) {
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

    private static String render(String text, Passage p, List<TermHits.Range> hits) {
        StringBuilder out = new StringBuilder();
        if (p.cutStart()) {
            out.append(ELLIPSIS);
        }
        int at = p.start();
        for (TermHits.Range h : hits) {
            if (contains(p, h)) {
                out.append(text, at, h.start()).append(OPEN).append(text, h.start(), h.end()).append(CLOSE);
                at = h.end();
            }
        }
        out.append(text, at, p.end());
        if (p.cutEnd()) {
            out.append(ELLIPSIS);
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }
}
