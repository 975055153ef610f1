package io.newsflow.producer.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Finds the article text of a page, leaving out the chrome found by {@link Chrome}. The document is only
 * read, never changed.
 *
 * <p>A text block is any element holding inline text of its own: a {@code <p>}, but also a {@code <div>}
 * or table cell with text and no paragraph around it. Each block of at least 25 characters scores its
 * length discounted by its link density, and passes that score up to five ancestors with decreasing
 * weight (1, 1/2, 1/6, 1/9, 1/12, as Readability does). The best-scoring element (again discounted by link
 * density, nudged by content-like class names) is then widened to the ancestor that gains the most
 * paragraph text for the links it brings along: page builders wrap every paragraph in its own stack of
 * divs, so the best-scoring element is often a single paragraph's wrapper. Siblings of the container that
 * score well too, or are substantial paragraphs, join it (stories split into several columns).
 *
 * <p>The container's blocks, headings, list items and blockquotes are the body, in reading order. Blocks
 * that are chrome after all are dropped: link lists, contact lines with a phone number or e-mail, captions,
 * bylines and datelines, the headline, blocks repeated word for word (responsive pages carry the story
 * twice). Text split by {@code <br>} outside paragraphs gives one block per line.
 *
 * <p>One instance per page; not thread-safe.
 */
final class MainTextDetector {

    /**
     * The body and the page statistics {@link PageClassifier} needs, all measured without the chrome.
     *
     * @param blocks         body blocks in reading order
     * @param chars          visible characters of text on the page
     * @param linkedChars    of which inside links
     * @param links          {@code <a href>} elements
     * @param linkedHeadings headings in the body's containers that are mostly a link (teasers on a listing page)
     * @param fromSiteRule   whether the blocks came from a site rule's containers
     */
    record MainText(List<String> blocks, int chars, int linkedChars, int links, int linkedHeadings,
                    boolean fromSiteRule) {
    }

    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "pre", "dt", "dd");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> SKIPPED = Set.of("figure", "figcaption", "picture", "img", "video", "audio",
            "head", "title");
    private static final Evaluator NESTED_BLOCKS = QueryParser.parse("p, h2, h3, h4, h5, h6, div");
    private static final Evaluator LINKS = QueryParser.parse("a");
    private static final Evaluator TIME = QueryParser.parse("time");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    // A run of digits, spaces, dots, dashes and brackets; a phone number when it has 8 to 15 digits.
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\(?\\d[\\d ().-]{6,}\\d");
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}");
    private static final int MIN_BLOCK_CHARS = 25;
    private static final int META_MAX_CHARS = 400;
    private static final int CONTACT_LINE_MAX_WORDS = 25;
    private static final double[] ANCESTOR_WEIGHTS = {1, 1 / 2.0, 1 / 6.0, 1 / 9.0, 1 / 12.0};
    private static final double SIBLING_SHARE = 0.2;
    // How far above the best element the other sections of a story are looked for.
    private static final int SECTION_SCOPE_LEVELS = 6;
    // Widening: a link costs this many characters of paragraph text...
    private static final double WIDEN_LINK_COST = 4;
    // ...and the container is widened only when the best element holds less than this share of the text
    // the wider one holds: a story with a block of teasers under it must not swallow the teasers.
    private static final double WIDEN_MAX_SHARE = 0.6;
    private static final Pattern NOT_STORY = Pattern.compile("(?i)(?:"
            + "(?:related|similar|recommended|popular|trending|recent|latest|more|top) (?:articles?|posts?|stories"
            + "|reads?|reading|content|news|videos?|links|topics|guides|resources|headlines)(?: \\S+){0,3}"
            + "|related|recommended for you|more from (?:\\S+ ?){1,4}|in case you missed it"
            + "|(?:read|watch) (?:more|next|also)|up next|also read|don't miss|editor'?s picks"
            + "|you (?:may|might|will|could) also (?:like|enjoy|be interested in|want)\\S*(?: \\S+){0,2}"
            + "|(?:\\d+ )?(?:comments?|responses?|replies|reactions)|leave a (?:comment|reply)|post a comment"
            + "|join the (?:conversation|discussion)|what do you think\\?"
            + "|about the (?:author|authors|writer|reviewer|contributor)s?|author bio|meet the author"
            + "|share(?: this)?(?: article| post| story| page)?|follow us(?: \\S+){0,3}"
            + "|(?:sign up|subscribe)(?: \\S+){0,5}|get (?:our|the) (?:\\S+ )?newsletter"
            + "|tags|topics|filed under|categories"
            + ")[\\s:.…!]*");
    // Repeated blocks shorter than this are kept ("Pros:", "Step 1"); longer ones are copies.
    private static final int DUPLICATE_MIN_CHARS = 60;

    /** Characters of inline text per element: its own (not in a nested block) and all of its subtree. */
    private static final class Counts {
        int ownChars;
        int ownLinked;
        int allChars;
        int allLinked;
        // Unlinked text of paragraph-like blocks (at least MIN_BLOCK_CHARS, mostly unlinked) in the subtree.
        int allGood;
        double score;

        double ownLinkDensity() {
            return ownChars == 0 ? 0 : Math.min(1.0, (double) ownLinked / ownChars);
        }

        double linkDensity() {
            return allChars == 0 ? 0 : Math.min(1.0, (double) allLinked / allChars);
        }
    }

    private final Element root;
    private final Set<Element> chrome;
    private final ClassNames names;
    private final Set<String> dropLines;
    private final int longestDropLine;
    private final Map<Element, Counts> counts = new IdentityHashMap<>();
    private final Set<Block> emitted = new HashSet<>();
    private int links;
    // Whether the page has a <time> element outside the chrome: most have none, and then no block is one.
    private boolean hasTime;
    private final List<Element> linkedHeadings = new ArrayList<>();

    private MainTextDetector(Element root, Set<Element> chrome, ClassNames names, Set<String> dropLines) {
        this.root = root;
        this.chrome = chrome;
        this.names = names;
        this.dropLines = dropLines;
        this.longestDropLine = dropLines.stream().mapToInt(String::length).max().orElse(0);
    }

    /**
     * Finds the body under {@code root}.
     *
     * @param chrome    elements to leave out, with their subtrees
     * @param dropLines texts that are not body blocks wherever they appear (headline, byline, dateline)
     */
    static MainText detect(Element root, Set<Element> chrome, ClassNames names, Set<String> dropLines) {
        MainTextDetector detector = new MainTextDetector(root, chrome, names, dropLines);
        detector.count();
        return detector.collectFrom(detector.containers(), false);
    }

    /** The blocks of the given containers (a site rule's body selector), chrome left out. */
    static MainText of(Element root, List<Element> containers, Set<Element> chrome, ClassNames names,
                       Set<String> dropLines) {
        MainTextDetector detector = new MainTextDetector(root, chrome, names, dropLines);
        detector.count();
        return detector.collectFrom(containers, true);
    }

    /** The containers {@link #detect} would take the body from (for tests and debugging). */
    static List<Element> containers(Element root, Set<Element> chrome, ClassNames names) {
        MainTextDetector detector = new MainTextDetector(root, chrome, names, Set.of());
        detector.count();
        return detector.containers();
    }

    private MainText collectFrom(List<Element> containers, boolean fromSiteRule) {
        List<String> blocks = new ArrayList<>();
        for (Element container : containers) {
            collect(container, blocks);
        }
        if (blocks.isEmpty()) {
            collect(root, blocks);
        }
        Counts page = counts.get(root);
        return new MainText(blocks, page == null ? 0 : page.allChars, page == null ? 0 : page.allLinked, links,
                linkedHeadingsIn(containers.isEmpty() ? List.of(root) : containers), fromSiteRule);
    }

    // --- counting -------------------------------------------------------------------------------

    /**
     * Inline text counts for every element that holds text, in one pass that skips the chrome. The counts
     * of the open elements are kept on a stack, one slot per element (null until text turns up under it),
     * and go into {@link #counts} when the element closes: no look-up per element.
     */
    private void count() {
        Deque<Counts> blocks = new ArrayDeque<>();
        List<Counts> open = new ArrayList<>();
        Counts rootCounts = new Counts();
        blocks.push(rootCounts);
        int[] linkDepth = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    int chars = Texts.visibleLength(text.getWholeText());
                    if (chars > 0) {
                        Counts c = blocks.peek();
                        c.ownChars += chars;
                        if (linkDepth[0] > 0) {
                            c.ownLinked += chars;
                        }
                    }
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element el)) {
                    return FilterResult.CONTINUE;
                }
                if (el == root) {
                    open.add(rootCounts);
                    return FilterResult.CONTINUE;
                }
                if (skipped(el)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                String tag = el.normalName();
                if (tag.equals("time")) {
                    hasTime = true;
                }
                Counts slot = null;
                if (tag.equals("a")) {
                    linkDepth[0]++;
                    if (Attrs.has(el, "href")) {
                        links++;
                    }
                } else if (isBlock(el)) {
                    slot = new Counts();
                    blocks.push(slot);
                }
                open.add(slot);
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (!(node instanceof Element el)) {
                    return FilterResult.CONTINUE;
                }
                Counts c = open.remove(open.size() - 1);
                if (el.normalName().equals("a")) {
                    linkDepth[0]--;
                } else if (el != root && isBlock(el)) {
                    blocks.pop();
                }
                if (c == null || (c.ownChars == 0 && c.allChars == 0)) {
                    return FilterResult.CONTINUE;
                }
                counts.put(el, c);
                c.allChars += c.ownChars;
                c.allLinked += c.ownLinked;
                if (c.ownChars >= MIN_BLOCK_CHARS && c.ownLinked * 2 < c.ownChars) {
                    c.allGood += c.ownChars - c.ownLinked;
                }
                if (HEADINGS.contains(el.normalName()) && c.ownChars > 0 && c.ownLinked * 2 >= c.ownChars) {
                    linkedHeadings.add(el);
                }
                if (el != root && c.allChars > 0 && !open.isEmpty()) {
                    int last = open.size() - 1;
                    Counts p = open.get(last);
                    if (p == null) {
                        p = new Counts();
                        open.set(last, p);
                    }
                    p.allChars += c.allChars;
                    p.allLinked += c.allLinked;
                    p.allGood += c.allGood;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
    }

    /** Linked headings inside the containers: a listing's container is a column of them. */
    private int linkedHeadingsIn(List<Element> containers) {
        Set<Element> inside = Collections.newSetFromMap(new IdentityHashMap<>());
        inside.addAll(containers);
        int n = 0;
        for (Element heading : linkedHeadings) {
            for (Element e = heading; e != null; e = e.parent()) {
                if (inside.contains(e)) {
                    n++;
                    break;
                }
                if (e == root) {
                    break;
                }
            }
        }
        return n;
    }

    private boolean skipped(Element el) {
        return Chrome.isNeverContent(el.normalName()) || chrome.contains(el);
    }

    private static boolean isBlock(Element el) {
        return el.isBlock() && !el.normalName().equals("a");
    }

    // --- choosing the container -----------------------------------------------------------------

    private List<Element> containers() {
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
            Counts c = counts.computeIfAbsent(el, k -> new Counts());
            double score = entry.getValue() * (1 - c.linkDensity()) * nameWeight(el);
            c.score = score;
            if (score > bestScore) {
                best = el;
                bestScore = score;
            }
        }
        if (best == null) {
            return List.of();
        }
        Element unwidened = best;
        best = widen(best);
        bestScore = Math.max(bestScore, counts.get(best).score);
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
        return best == unwidened ? withSections(best, chosen) : chosen;
    }

    /**
     * {@code chosen} with the other sections of the story: elements near {@code best} with its tag and
     * class names. Content systems put each section of a story in its own block ("sqs-html-content",
     * "paragraph", a list item's "markup-wrapper"), and links between the sections (a list of links, a
     * table of contents) keep widening from reaching the element that holds them all.
     */
    private List<Element> withSections(Element best, List<Element> chosen) {
        String className = Attrs.get(best, "class");
        if (className.isEmpty()) {
            return chosen;
        }
        Element top = best;
        int levels = 0;
        while (levels < SECTION_SCOPE_LEVELS && top != root && top.parent() != null) {
            top = top.parent();
            levels++;
        }
        Element scope = top;
        int sectionDepth = levels;
        Set<Element> picked = Collections.newSetFromMap(new IdentityHashMap<>());
        picked.addAll(chosen);
        List<Element> sections = new ArrayList<>();
        String tag = best.normalName();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element el)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (picked.contains(el)) {
                    sections.add(el);
                    return FilterResult.SKIP_CHILDREN;
                }
                if (skipped(el)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                Counts c = counts.get(el);
                if (c == null) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (depth == sectionDepth && el.normalName().equals(tag) && Attrs.get(el, "class").equals(className)
                        && c.allGood > 0 && c.linkDensity() < 0.5) {
                    sections.add(el);
                    return FilterResult.SKIP_CHILDREN;
                }
                return depth < sectionDepth ? FilterResult.CONTINUE : FilterResult.SKIP_CHILDREN;
            }
        }, scope);
        return sections.size() > chosen.size() ? sections : chosen;
    }

    /**
     * The ancestor of {@code best} that gains the most paragraph text for the links it adds, when
     * {@code best} holds only a small part of that text; else {@code best}.
     */
    private Element widen(Element best) {
        Element chosen = best;
        double chosenValue = widenValue(counts.get(best));
        for (Element a = best.parent(); a != null; a = a.parent()) {
            Counts c = counts.get(a);
            if (c != null && widenValue(c) > chosenValue) {
                chosen = a;
                chosenValue = widenValue(c);
            }
            if (a == root) {
                break;
            }
        }
        return counts.get(best).allGood > WIDEN_MAX_SHARE * counts.get(chosen).allGood ? best : chosen;
    }

    private static double widenValue(Counts c) {
        return c.allGood - WIDEN_LINK_COST * c.allLinked;
    }

    private boolean joins(Element sibling, Counts c, double bestScore) {
        if (c == null || skipped(sibling) || hasMetaName(sibling)) {
            return false;
        }
        if (c.score >= Math.max(10, bestScore * SIBLING_SHARE)) {
            return true;
        }
        boolean paragraph = sibling.normalName().equals("p") || c.ownChars == c.allChars;
        return paragraph && c.ownChars > 80 && c.ownLinkDensity() < 0.25;
    }

    private double nameWeight(Element el) {
        if (Attrs.get(el, "itemprop").equalsIgnoreCase("articleBody")) {
            return 1.5;
        }
        String tag = el.normalName();
        return tag.equals("article") || tag.equals("main") || names.has(el, ClassNames.CONTENT) ? 1.2 : 1;
    }

    // --- collecting the blocks ------------------------------------------------------------------

    private void collect(Element el, List<String> out) {
        String tag = el.normalName();
        if (skipped(el) || SKIPPED.contains(tag) || hasMetaName(el)) {
            return;
        }
        boolean wrapsBlocks = (tag.equals("blockquote") || tag.equals("li"))
                && el.selectFirst(NESTED_BLOCKS) != null;
        if (BLOCKS.contains(tag) && !wrapsBlocks) {
            String text = text(el);
            if (keep(el, text)) {
                emit(text, out);
            }
            return;
        }
        // Inline runs between child blocks are blocks of their own, one per line. A heading such as
        // "Related articles" or "12 comments" opens a section that is not the story: it runs to the next
        // heading of the same or a higher level.
        List<Node> run = new ArrayList<>();
        int skippingBelow = 0;
        for (Node child : el.childNodes()) {
            if (skippingBelow > 0) {
                int level = child instanceof Element c ? headingLevel(c) : 0;
                if (level == 0 || level > skippingBelow) {
                    continue;
                }
                skippingBelow = 0;
            }
            if (child instanceof Element c && isBlock(c)) {
                flush(run, out);
                int level = headingLevel(c);
                if (level > 0 && opensNonStorySection(c)) {
                    skippingBelow = level;
                } else {
                    collect(c, out);
                }
            } else {
                run.add(child);
            }
        }
        flush(run, out);
    }

    private static int headingLevel(Element el) {
        String tag = el.normalName();
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6'
                ? tag.charAt(1) - '0' : 0;
    }

    private void flush(List<Node> run, List<String> out) {
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
                } else if (!skipped(e) && !SKIPPED.contains(e.normalName()) && !hasMetaName(e)) {
                    String text = text(e);
                    sb.append(text);
                    chars += text.length();
                    if (e.normalName().equals("a")) {
                        linked += text.length();
                    } else {
                        for (Element a : e.select(LINKS)) {
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
            if (keepText(text)) {
                emit(text, out);
            }
        }
    }

    /** Adds {@code text} unless it repeats a long block already in the body. */
    private void emit(String text, List<String> out) {
        if (text.length() >= DUPLICATE_MIN_CHARS && !emitted.add(new Block(text))) {
            return;
        }
        out.add(text);
    }

    /** A block's text as a set member hashed on its length and start only: hashing whole paragraphs is slow. */
    private record Block(String text) {
        @Override
        public int hashCode() {
            int h = text.length();
            for (int i = 0, n = Math.min(text.length(), 40); i < n; i++) {
                h = 31 * h + text.charAt(i);
            }
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Block b && b.text.equals(text);
        }
    }

    /** A heading such as "Related articles", "12 comments" or "About the author". */
    private boolean opensNonStorySection(Element heading) {
        String text = Texts.shortText(heading, 60);
        return text != null && NOT_STORY.matcher(text).matches();
    }

    /**
     * Visible text of {@code element} with {@code <br>} kept as a line break (a trailing citation and
     * Keywords line are often one paragraph split by {@code <br>}), chrome and media left out.
     */
    private String text(Element element) {
        Texts.Collapser text = new Texts.Collapser();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.getWholeText());
                } else if (node instanceof Element el && el != element) {
                    if (el.normalName().equals("br")) {
                        text.lineBreak();
                    } else if (skipped(el) || SKIPPED.contains(el.normalName())) {
                        return FilterResult.SKIP_ENTIRELY;
                    } else if (el.isBlock()) {
                        text.space();
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, element);
        return text.toString();
    }

    private boolean keep(Element block, String text) {
        Counts c = counts.get(block);
        double linkDensity = c == null ? 0 : c.linkDensity();
        return linkDensity <= 0.5 && !isOnlyATimestamp(block, text) && keepText(text);
    }

    private boolean keepText(String text) {
        if (text.isEmpty() || (text.length() <= longestDropLine && dropLines.contains(Texts.clean(text)))) {
            return false;
        }
        if (text.length() > CONTACT_LINE_MAX_WORDS * 20) {
            return true;
        }
        boolean contact = (text.indexOf('@') >= 0 && EMAIL.matcher(text).find()) || hasPhoneNumber(text);
        return !contact || Texts.wordCount(text) > CONTACT_LINE_MAX_WORDS;
    }

    private boolean isOnlyATimestamp(Element block, String text) {
        if (!hasTime || text.length() > META_MAX_CHARS) {
            return false;
        }
        Element time = block.selectFirst(TIME);
        return time != null && Texts.clean(time.text()).equals(Texts.clean(text));
    }

    static boolean hasPhoneNumber(String text) {
        int n = text.length();
        int digits = 0;
        for (int i = 0; i < n && digits < 8; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        if (digits < 8) {
            return false;
        }
        // The runs DIGIT_RUN finds, found by hand: a digit (after an optional "+" and "("), then digits,
        // spaces, dots, dashes and brackets, up to the last digit, at least 8 characters in all.
        int i = 0;
        while (i < n) {
            int start = i;
            int first = i;
            if (text.charAt(first) == '+') {
                first++;
            }
            if (first < n && text.charAt(first) == '(') {
                first++;
            }
            if (first >= n || !isDigit(text.charAt(first))) {
                i++;
                continue;
            }
            int last = first;
            int runDigits = 1;
            int end = first + 1;
            for (; end < n && isRunChar(text.charAt(end)); end++) {
                if (isDigit(text.charAt(end))) {
                    last = end;
                    runDigits++;
                }
            }
            if (last - first < 7) {
                i = end;
                continue;
            }
            if (runDigits >= 8 && runDigits <= 15 && !NUMERIC_DATE.matcher(text.substring(start, last + 1)).matches()) {
                return true;
            }
            i = last + 1;
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isRunChar(char c) {
        return isDigit(c) || c == ' ' || c == '(' || c == ')' || c == '.' || c == '-';
    }


    /**
     * A byline, dateline, caption or tag list by its class or id. Only short elements count: such names
     * also appear on wrappers of the whole story ("post-meta-field", "article-author-body").
     */
    private boolean hasMetaName(Element el) {
        return names.has(el, ClassNames.META) && Texts.shortText(el, META_MAX_CHARS) != null;
    }
}
