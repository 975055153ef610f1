package io.newsflow.producer.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the article text in a page whose chrome was already stripped ({@link ChromeStripper}).
 *
 * <p>Each paragraph scores its text length, discounted by its link density; a paragraph's score goes to
 * its parent in full and to its grandparent in half, so text split across wrapper divs still adds up
 * where it belongs. The best-scoring element (again discounted by link density) is the container; its
 * paragraphs, headings, list items and blockquotes are the body, in reading order. Blocks that are
 * chrome after all (contact lines with a phone number or e-mail, link lists, the headline, the byline and
 * dateline) are dropped. Pages without paragraphs (archived text split by {@code <br>}) fall back to one
 * block per line of the element with the most text.
 */
final class MainTextDetector {

    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "pre");
    private static final Set<String> META_WORDS = Set.of("byline", "dateline", "author", "authors", "meta",
            "timestamp", "caption", "credit", "credits", "tags");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    // A run of digits, spaces, dots, dashes and brackets; a phone number when it has 8 to 15 digits.
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\(?\\d[\\d ().-]{6,}\\d");
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}");
    private static final int MIN_PARAGRAPH_CHARS = 25;
    private static final int CONTACT_LINE_MAX_WORDS = 25;

    private MainTextDetector() {
    }

    /** The body blocks, in reading order; empty when the page has no paragraph text at all. */
    static List<String> blocks(Element root, Set<String> dropLines) {
        Element container = container(root);
        if (container == null) {
            return lineBlocks(root, dropLines);
        }
        List<String> blocks = new ArrayList<>();
        collect(container, dropLines, blocks);
        return blocks;
    }

    /** The element holding the most paragraph text, or null when no paragraph is long enough. */
    static Element container(Element root) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element p : root.select("p")) {
            int length = p.text().length();
            if (length < MIN_PARAGRAPH_CHARS) {
                continue;
            }
            double score = length * (1 - Texts.linkDensity(p));
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                Element grandparent = parent.parent();
                if (grandparent != null) {
                    scores.merge(grandparent, score / 2, Double::sum);
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double score = entry.getValue() * (1 - Texts.linkDensity(entry.getKey()));
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
            }
        }
        return best;
    }

    private static void collect(Element el, Set<String> dropLines, List<String> out) {
        for (Element child : el.children()) {
            String tag = child.normalName();
            boolean wrapsBlocks = (tag.equals("blockquote") || tag.equals("li"))
                    && child.selectFirst("p, h2, h3, h4, h5, h6") != null;
            if (BLOCKS.contains(tag) && !wrapsBlocks) {
                String text = Texts.textWithBreaks(child);
                if (keep(child, text, dropLines)) {
                    out.add(text);
                }
            } else if (!hasMetaName(child)) {
                collect(child, dropLines, out);
            }
        }
    }

    /**
     * Fallback for pages without paragraphs (archived text split by {@code <br>}): the element with the
     * most text of its own, one block per line.
     */
    private static List<String> lineBlocks(Element root, Set<String> dropLines) {
        Element best = null;
        int bestChars = 0;
        for (Element el : root.getAllElements()) {
            int chars = el.textNodes().stream().mapToInt(t -> t.text().strip().length()).sum();
            if (chars > bestChars) {
                best = el;
                bestChars = chars;
            }
        }
        List<String> blocks = new ArrayList<>();
        if (best != null) {
            for (String line : Texts.textWithBreaks(best).split("\n")) {
                if (keepText(line, dropLines)) {
                    blocks.add(line);
                }
            }
        }
        return blocks;
    }

    private static boolean keep(Element block, String text, Set<String> dropLines) {
        return !hasMetaName(block) && Texts.linkDensity(block) <= 0.5 && !isOnlyATimestamp(block, text)
                && keepText(text, dropLines);
    }

    private static boolean keepText(String text, Set<String> dropLines) {
        if (text.isEmpty() || dropLines.contains(Texts.clean(text))) {
            return false;
        }
        boolean shortLine = Texts.wordCount(text) <= CONTACT_LINE_MAX_WORDS;
        return !(shortLine && (EMAIL.matcher(text).find() || hasPhoneNumber(text)));
    }

    private static boolean isOnlyATimestamp(Element block, String text) {
        Element time = block.selectFirst("time");
        return time != null && Texts.clean(time.text()).equals(Texts.clean(text));
    }

    static boolean hasPhoneNumber(String text) {
        Matcher m = DIGIT_RUN.matcher(text);
        while (m.find()) {
            String run = m.group().strip();
            long digits = run.chars().filter(Character::isDigit).count();
            if (digits >= 8 && digits <= 15 && !NUMERIC_DATE.matcher(run).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMetaName(Element el) {
        if (el.className().isEmpty() && el.id().isEmpty()) {
            return false;
        }
        for (String token : Texts.idAndClassTokens(el)) {
            if (META_WORDS.contains(token)) {
                return true;
            }
        }
        return false;
    }
}
