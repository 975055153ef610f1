package io.newsflow.producer.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** Small text helpers shared by the extraction steps. */
final class Texts {

    private Texts() {
    }

    /** Collapses runs of whitespace (including no-break spaces) to one space and trims. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        if (isClean(s)) {
            return s;
        }
        // Hand-rolled rather than a regex replace: this runs on the text of every candidate element.
        int n = s.length();
        StringBuilder sb = new StringBuilder(n);
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                pendingSpace = true;
            } else {
                if (pendingSpace && sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(c);
                pendingSpace = false;
            }
        }
        return sb.length() == n ? s : sb.toString();
    }

    private static boolean isClean(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        if (isSpace(s.charAt(0)) || isSpace(s.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c) && (c != ' ' || s.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        if (c < 128) {
            return c <= ' ';
        }
        return isUnicodeWhitespace(c) || c == '\u00a0' || c == '\u2007' || c == '\u202f';
    }

    /**
     * The element's visible text, whitespace-collapsed, or null when it is longer than {@code maxChars}:
     * for the checks that only care about short lines, without building the text of large containers
     * again and again.
     */
    static String shortText(Element element, int maxChars) {
        StringBuilder sb = new StringBuilder();
        int limit = maxChars * 2 + 64;
        NodeFilter.FilterResult result = NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    sb.append(text.getWholeText());
                    return sb.length() > limit ? FilterResult.STOP : FilterResult.CONTINUE;
                }
                if (node instanceof Element el && el != element && (el.isBlock() || el.normalName().equals("br"))) {
                    sb.append(' ');
                }
                return FilterResult.CONTINUE;
            }
        }, element);
        if (result == NodeFilter.FilterResult.STOP) {
            return null;
        }
        String cleaned = clean(sb.toString());
        return cleaned.length() > maxChars ? null : cleaned;
    }

    /**
     * Words: runs that start with a letter or digit and go on with letters, digits and {@code ' ’ . -}
     * (so "U.S." and "well-known" are one word each).
     */
    static int wordCount(String s) {
        return wordCount(s, Integer.MAX_VALUE);
    }

    /** As {@link #wordCount(String)}, but stops counting past {@code atMost}: then returns {@code atMost + 1}. */
    static int wordCount(String s, int atMost) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length() && words <= atMost; i++) {
            char c = s.charAt(i);
            boolean letterOrDigit = c < 128
                    ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    : Character.isLetterOrDigit(c);
            if (letterOrDigit) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            } else if (!(inWord && (c == '\'' || c == '\u2019' || c == '.' || c == '-'))) {
                inWord = false;
            }
        }
        return words;
    }

    /**
     * Builds text the way {@link #clean} would leave it, as it is appended: whitespace runs become one
     * space, lines (from {@link #lineBreak}) are trimmed and empty ones dropped. Saves building the raw
     * text of every block first and cleaning it afterwards.
     */
    static final class Collapser {
        private final StringBuilder sb = new StringBuilder();
        private boolean lineHasText;
        private boolean pendingSpace;

        void append(String s) {
            int n = s.length();
            int i = 0;
            while (i < n) {
                if (isSpace(s.charAt(i))) {
                    pendingSpace = lineHasText;
                    i++;
                    continue;
                }
                // A run of words with single plain spaces between them is copied in one go: appending
                // a range of a String copies it char by char, appending a whole one copies its array.
                int end = i + 1;
                while (end < n) {
                    char c = s.charAt(end);
                    if (c == ' ' && end + 1 < n && !isSpace(s.charAt(end + 1))) {
                        end += 2;
                    } else if (isSpace(c)) {
                        break;
                    } else {
                        end++;
                    }
                }
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                if (i == 0 && end == n) {
                    sb.append(s);
                } else if (end - i > 16) {
                    sb.append(s.substring(i, end));
                } else {
                    sb.append(s, i, end);
                }
                lineHasText = true;
                i = end;
            }
        }

        /** A word boundary, as between two blocks. */
        void space() {
            pendingSpace = lineHasText;
        }

        void lineBreak() {
            if (lineHasText) {
                sb.append('\n');
                lineHasText = false;
            }
            pendingSpace = false;
        }

        @Override
        public String toString() {
            int end = sb.length();
            return end > 0 && sb.charAt(end - 1) == '\n' ? sb.substring(0, end - 1) : sb.toString();
        }
    }

    /** Characters of {@code s} that are not whitespace. */
    static int visibleLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > ' ' && (c < 128 || !isUnicodeWhitespace(c))) {
                n++;
            }
        }
        return n;
    }

    /** {@link Character#isWhitespace} for characters from 128 up, without its table look-up. */
    private static boolean isUnicodeWhitespace(char c) {
        return c == '\u1680' || (c >= '\u2000' && c <= '\u2006') || (c >= '\u2008' && c <= '\u200a')
                || c == '\u2028' || c == '\u2029' || c == '\u205f' || c == '\u3000';
    }
}
