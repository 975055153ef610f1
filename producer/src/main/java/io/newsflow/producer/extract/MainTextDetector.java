package io.newsflow.producer.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the article text in a page whose chrome was already stripped ({@link ChromeStripper}).
 *
 * <p>A text block is any element holding inline text of its own: a {@code <p>}, but also a {@code <div>}
 * or table cell with text and no paragraph around it. Each block of at least 25 characters scores its
 * length discounted by its link density, and passes that score up to five ancestors with decreasing
 * weight (1, 1/2, 1/6, 1/9, 1/12, as Readability does), so text split across wrapper divs still adds up
 * where it belongs. The best-scoring element (again discounted by link density, nudged by content-like
 * or chrome-like class names) is the container; its siblings that score well too, or are substantial
 * paragraphs, join it (pages that split the story into several columns). Their blocks, headings, list
 * items and blockquotes are the body, in reading order. Blocks that are chrome after all (contact lines
 * with a phone number or e-mail, link lists, captions, the headline, the byline and dateline) are
 * dropped. Text split by {@code <br>} outside paragraphs gives one block per line.
 */
final class MainTextDetector {

    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "pre", "dt", "dd");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> SKIPPED = Set.of("figure", "figcaption", "picture", "img", "video", "audio",
            "head", "title");
    private static final Set<String> META_WORDS = Set.of("byline", "dateline", "author", "authors", "meta",
            "timestamp", "caption", "credit", "credits", "tags", "figcaption", "disclosure", "disclaimer");
    private static final Set<String> CONTENT_WORDS = Set.of("article", "body", "content", "entry", "main", "post",
            "story", "text", "articlebody", "prose");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    // A run of digits, spaces, dots, dashes and brackets; a phone number when it has 8 to 15 digits.
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\(?\\d[\\d ().-]{6,}\\d");
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}");
    private static final int MIN_BLOCK_CHARS = 25;
    private static final int META_MAX_CHARS = 400;
    private static final int CONTACT_LINE_MAX_WORDS = 25;
    private static final double[] ANCESTOR_WEIGHTS = {1, 1 / 2.0, 1 / 6.0, 1 / 9.0, 1 / 12.0};
    private static final double SIBLING_SHARE = 0.2;

    private MainTextDetector() {
    }

    /** Characters of inline text per element: its own (not in a nested block) and all of its subtree. */
    private static final class Counts {
        int ownChars;
        int ownLinked;
        int allChars;
        int allLinked;
        double score;

        double ownLinkDensity() {
            return ownChars == 0 ? 0 : Math.min(1.0, (double) ownLinked / ownChars);
        }

        double linkDensity() {
            return allChars == 0 ? 0 : Math.min(1.0, (double) allLinked / allChars);
        }
    }

    /** The body blocks, in reading order; empty when the page has no text at all. */
    static List<String> blocks(Element root, Set<String> dropLines) {
        Map<Element, Counts> counts = count(root);
        List<Element> containers = containers(root, counts);
        List<String> blocks = new ArrayList<>();
        for (Element container : containers) {
            collect(container, dropLines, blocks);
        }
        if (blocks.isEmpty()) {
            collect(root, dropLines, blocks);
        }
        return blocks;
    }

    /** The element holding the most paragraph text, or null when no block is long enough. */
    static Element container(Element root) {
        List<Element> containers = containers(root, count(root));
        return containers.isEmpty() ? null : containers.get(0).parent() != null && containers.size() > 1
                ? containers.get(0).parent() : containers.get(0);
    }

    private static List<Element> containers(Element root, Map<Element, Counts> counts) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Map.Entry<Element, Counts> e : counts.entrySet()) {
            Element block = e.getKey();
            Counts c = e.getValue();
            if (c.ownChars < MIN_BLOCK_CHARS || HEADINGS.contains(block.normalName()) || block == root) {
                continue;
            }
            double score = c.ownChars * (1 - c.ownLinkDensity());
            Element ancestor = block.parent();
            for (int level = 0; level < ANCESTOR_WEIGHTS.length && ancestor != null; level++) {
                scores.merge(ancestor, score * ANCESTOR_WEIGHTS[level], Double::sum);
                if (ancestor == root) {
                    break;
                }
                ancestor = ancestor.parent();
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            Element el = entry.getKey();
            Counts c = counts.get(el);
            double score = entry.getValue() * (1 - (c == null ? 0 : c.linkDensity())) * nameWeight(el);
            counts.computeIfAbsent(el, k -> new Counts()).score = score;
            if (score > bestScore) {
                best = el;
                bestScore = score;
            }
        }
        if (best == null) {
            return List.of();
        }
        Element parent = best.parent();
        if (parent == null || best == root) {
            return List.of(best);
        }
        List<Element> chosen = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == best || joins(sibling, counts.get(sibling), bestScore)) {
                chosen.add(sibling);
            }
        }
        return chosen;
    }

    private static boolean joins(Element sibling, Counts c, double bestScore) {
        if (c == null || hasMetaName(sibling)) {
            return false;
        }
        if (c.score >= Math.max(10, bestScore * SIBLING_SHARE)) {
            return true;
        }
        boolean paragraph = sibling.normalName().equals("p") || c.ownChars == c.allChars;
        return paragraph && c.ownChars > 80 && c.ownLinkDensity() < 0.25;
    }

    private static double nameWeight(Element el) {
        if (el.id().isEmpty() && el.className().isEmpty()) {
            return el.normalName().equals("article") || el.normalName().equals("main") ? 1.2 : 1;
        }
        Set<String> tokens = Texts.idAndClassTokens(el);
        for (String token : tokens) {
            if (CONTENT_WORDS.contains(token)) {
                return 1.2;
            }
        }
        return el.attr("itemprop").equalsIgnoreCase("articleBody") ? 1.5 : 1;
    }

    /** Inline text counts for every element that holds text, in one pass. */
    private static Map<Element, Counts> count(Element root) {
        Map<Element, Counts> counts = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (!(node instanceof TextNode text)) {
                    return;
                }
                int chars = visibleLength(text.getWholeText());
                if (chars == 0) {
                    return;
                }
                boolean linked = false;
                Element block = null;
                for (Element e = (Element) text.parentNode(); e != null; e = e.parent()) {
                    if (e.normalName().equals("a")) {
                        linked = true;
                    }
                    if (isBlock(e) || e == root) {
                        block = e;
                        break;
                    }
                }
                if (block == null) {
                    return;
                }
                Counts c = counts.computeIfAbsent(block, k -> new Counts());
                c.ownChars += chars;
                if (linked) {
                    c.ownLinked += chars;
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element el) || el == root) {
                    return;
                }
                Counts c = counts.get(el);
                if (c == null) {
                    return;
                }
                c.allChars += c.ownChars;
                c.allLinked += c.ownLinked;
                Element parent = el.parent();
                if (parent != null && c.allChars > 0) {
                    Counts p = counts.computeIfAbsent(parent, k -> new Counts());
                    p.allChars += c.allChars;
                    p.allLinked += c.allLinked;
                }
            }
        }, root);
        return counts;
    }

    private static int visibleLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static boolean isBlock(Element el) {
        return el.isBlock() && !el.normalName().equals("a");
    }

    private static void collect(Element el, Set<String> dropLines, List<String> out) {
        String tag = el.normalName();
        if (SKIPPED.contains(tag) || hasMetaName(el)) {
            return;
        }
        boolean wrapsBlocks = (tag.equals("blockquote") || tag.equals("li"))
                && el.selectFirst("p, h2, h3, h4, h5, h6, div") != null;
        if (BLOCKS.contains(tag) && !wrapsBlocks) {
            String text = Texts.textWithBreaks(el);
            if (keep(el, text, dropLines)) {
                out.add(text);
            }
            return;
        }
        // Inline runs between child blocks are blocks of their own, one per line.
        List<Node> run = new ArrayList<>();
        for (Node child : el.childNodes()) {
            if (child instanceof Element c && isBlock(c)) {
                flush(run, dropLines, out);
                collect(c, dropLines, out);
            } else {
                run.add(child);
            }
        }
        flush(run, dropLines, out);
    }

    private static void flush(List<Node> run, Set<String> dropLines, List<String> out) {
        if (run.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        int chars = 0;
        int linked = 0;
        for (Node node : run) {
            if (node instanceof TextNode t) {
                sb.append(t.getWholeText().replace('\n', ' ').replace('\r', ' '));
                chars += t.getWholeText().strip().length();
            } else if (node instanceof Element e) {
                if (e.normalName().equals("br")) {
                    sb.append('\n');
                } else if (!SKIPPED.contains(e.normalName()) && !hasMetaName(e)) {
                    String text = Texts.textWithBreaks(e);
                    sb.append(text);
                    chars += text.length();
                    if (e.normalName().equals("a")) {
                        linked += text.length();
                    } else {
                        for (Element a : e.select("a")) {
                            linked += a.text().length();
                        }
                    }
                }
            }
        }
        run.clear();
        if (chars == 0 || linked * 2 > chars) {
            return;
        }
        for (String line : sb.toString().split("\n")) {
            String text = Texts.clean(line);
            if (keepText(text, dropLines)) {
                out.add(text);
            }
        }
    }

    private static boolean keep(Element block, String text, Set<String> dropLines) {
        return Texts.linkDensity(block) <= 0.5 && !isOnlyATimestamp(block, text) && keepText(text, dropLines);
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

    /**
     * A byline, dateline, caption or tag list by its class or id. Only short elements count: such names
     * also appear on wrappers of the whole story ("post-meta-field", "article-author-body").
     */
    private static boolean hasMetaName(Element el) {
        if (el.className().isEmpty() && el.id().isEmpty()) {
            return false;
        }
        for (String token : Texts.idAndClassTokens(el)) {
            if (META_WORDS.contains(token)) {
                return Texts.shortText(el, META_MAX_CHARS) != null;
            }
        }
        return false;
    }
}
