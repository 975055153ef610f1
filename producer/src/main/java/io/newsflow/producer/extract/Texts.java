package io.newsflow.producer.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/** Small text helpers shared by the extraction steps. */
final class Texts {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u202f]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*");
    private static final Pattern TOKEN_SPLIT = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])");

    private Texts() {
    }

    /** Collapses runs of whitespace (including no-break spaces) to one space and trims. */
    static String clean(String s) {
        return s == null ? "" : SPACES.matcher(s).replaceAll(" ").strip();
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
        Set<String> tokens = new HashSet<>();
        for (String token : TOKEN_SPLIT.split(raw)) {
            if (!token.isEmpty()) {
                tokens.add(token.toLowerCase(Locale.ROOT));
            }
        }
        return tokens;
    }
}
