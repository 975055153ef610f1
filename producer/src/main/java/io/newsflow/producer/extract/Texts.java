package io.newsflow.producer.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** Small text helpers shared by the extraction steps. */
final class Texts {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*");

    private Texts() {
    }

    /** Collapses runs of whitespace (including no-break spaces) to one space and trims. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        // Hand-rolled rather than a regex replace: this runs on the text of every candidate element.
        int n = s.length();
        StringBuilder sb = new StringBuilder(n);
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u2007' || c == '\u202f') {
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
     * Visible text of {@code element} with {@code <br>} kept as a line break: a trailing citation and
     * Keywords line are often one paragraph split by {@code <br>}, and must be told apart.
     */
    static String textWithBreaks(Element element) {
        StringBuilder sb = new StringBuilder();
        element.traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                sb.append(text.getWholeText().replace('\n', ' ').replace('\r', ' '));
            } else if (node instanceof Element el && "br".equals(el.normalName())) {
                sb.append('\n');
            }
        });
        List<String> lines = new ArrayList<>();
        for (String line : sb.toString().split("\n")) {
            String cleaned = clean(line);
            if (!cleaned.isEmpty()) {
                lines.add(cleaned);
            }
        }
        return String.join("\n", lines);
    }

    static int wordCount(String s) {
        return (int) WORD.matcher(s).results().count();
    }

    /** Share of the element's text that sits inside links (0 when it has no text). */
    static double linkDensity(Element element) {
        int total = element.text().length();
        if (total == 0) {
            return 0;
        }
        int linked = 0;
        for (Element a : element.select("a")) {
            linked += a.text().length();
        }
        return Math.min(1.0, (double) linked / total);
    }

    /** Lower-case words of the element's id and class names, camelCase and kebab-case split. */
    static Set<String> idAndClassTokens(Element element) {
        String raw = element.id() + " " + element.className();
        if (raw.indexOf('[') >= 0 || raw.indexOf(':') >= 0) {
            // Utility-class frameworks (Tailwind) put selectors in class names, e.g. "[&_figcaption]:mt-2";
            // those say nothing about the element's role.
            StringBuilder kept = new StringBuilder();
            for (String name : raw.split("\\s+")) {
                if (name.indexOf('[') < 0 && name.indexOf(':') < 0) {
                    kept.append(name).append(' ');
                }
            }
            raw = kept.toString();
        }
        Set<String> tokens = new HashSet<>();
        // Split on anything not an ASCII letter or digit, and between a lower-case and an upper-case letter.
        int start = -1;
        for (int i = 0; i <= raw.length(); i++) {
            char c = i < raw.length() ? raw.charAt(i) : ' ';
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            boolean camelBreak = alnum && start >= 0 && c >= 'A' && c <= 'Z' && raw.charAt(i - 1) >= 'a'
                    && raw.charAt(i - 1) <= 'z';
            if (start >= 0 && (!alnum || camelBreak)) {
                tokens.add(raw.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            if (alnum && start < 0) {
                start = i;
            }
        }
        return tokens;
    }
}
