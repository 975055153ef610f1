package io.newsflow.producer.extract;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Authors and publication date shown as page text rather than markup: author elements
 * ({@code itemprop=author}, {@code rel=author}, class "author"/"byline"), "By X and Y" lines (also a
 * "Written by" label followed by the name), "Published 9 March 2025" lines and, failing those, the first
 * date shown near the top of the article. Only elements outside navigation, sidebars and related boxes
 * count. Remembers the exact lines it used so the body can leave them out.
 *
 * @param authors   names in byline order, empty when none was found
 * @param published date from a "Published ..." line, or null
 * @param shownDate the first date shown as text outside the chrome ("Updated March 9, 2025"), or, failing
 *                  that, the date in the few elements right after the headline; null when none
 * @param updated   date from an "Updated ..." / "Last updated ..." line, or null: a fallback only
 * @param lines     texts of the byline, dateline and date elements, to drop from the body
 */
record VisibleMetadata(List<String> authors, OffsetDateTime published, OffsetDateTime shownDate,
                       OffsetDateTime updated, Set<String> lines) {

    // "By Ann Lee", "by Amanda · Dec 20", "By the Lavazza Team", "Posted by BeauHD on ...".
    private static final Pattern BY_LINE = Pattern.compile(
            "^(?:By|BY|by|Written by|Words by|Posted by)[:\\s]\\s*(?:the\\s+)?\\p{Lu}.*", Pattern.DOTALL);
    private static final Pattern BY_LABEL = Pattern.compile("(?i)^(?:by|written by|words by|author|authors)\\s*:?$");
    private static final Pattern DATE_LINE = Pattern.compile(
            "^(?:First\\s+)?(?:Published|Posted)(?:\\s+on)?\\s*:?\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATED_LINE = Pattern.compile(
            "^(?:Last\\s+)?(?:Updated|Modified)(?:\\s+on)?\\s*:?\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    // Elements after the headline searched for its date, and the most words such an element may have.
    private static final int AFTER_HEADLINE_ELEMENTS = 4;
    private static final int AFTER_HEADLINE_WORDS = 12;
    // Names of the boxes that list other stories (or comments), each with its own date.
    private static final List<String> TEASER_WORDS = List.of("comment", "related", "recent", "popular", "trending",
            "latest", "card", "teaser", "more", "recommend", "widget", "footer");
    private static final Evaluator ITEMPROP_NAME = QueryParser.parse("[itemprop=name]");
    private static final Evaluator LINE_BLOCK = QueryParser.parse("p, li, div, address");
    private static final int MAX_LINE_WORDS = 12;
    // A longer byline is read only up to its date ("Posted by X on Friday December 19, 2025 @08:00PM from...").
    private static final int MAX_BYLINE_WORDS = 30;
    // Elements between two author elements of one byline ("By <a>Ann</a> and <a>Bo</a>").
    private static final int MAX_BYLINE_SPREAD = 3;
    private static final int MAX_LINE_CHARS = 240;
    private static final int MAX_DATE_CHARS = 120;
    // A line with a date is left out of the body only when it is little more than the date.
    private static final int MAX_DATE_LINE_WORDS = 8;
    // Similarity (token F1) above which an <h1> is taken to be the declared title's headline.
    private static final double HEADLINE_MATCH = 0.3;

    static VisibleMetadata find(PageScan scan, ClassNames names) {
        Set<String> lines = new LinkedHashSet<>();
        Set<Element> headlineWrappers = headlineWrappers(scan);
        List<String> authors = authors(scan, names, headlineWrappers, lines);
        OffsetDateTime published = dateline(scan, names, headlineWrappers, lines, DATE_LINE);
        OffsetDateTime shown = null;
        OffsetDateTime updated = null;
        if (published == null) {
            shown = shownDate(scan, names, headlineWrappers, lines);
            if (shown == null) {
                shown = dateAfterHeadline(headlineWrappers, lines);
            }
            if (shown == null) {
                shown = namedDateOutsideTheStory(scan, names, lines);
            }
            if (shown == null) {
                updated = dateline(scan, names, headlineWrappers, lines, UPDATED_LINE);
            }
        }
        return new VisibleMetadata(authors, published, shown, updated, lines);
    }

    private static List<String> authors(PageScan scan, ClassNames names, Set<Element> wrappers, Set<String> lines) {
        // Most specific markup first.
        List<String> found = fromElements(scan, names, wrappers, el -> el.attr("itemprop").equalsIgnoreCase("author"), lines);
        if (found.isEmpty()) {
            found = fromElements(scan, names, wrappers, el -> el.normalName().equals("a")
                    && el.attr("rel").toLowerCase(java.util.Locale.ROOT).contains("author"), lines);
        }
        if (found.isEmpty()) {
            found = fromElements(scan, names, wrappers, el -> names.has(el, ClassNames.AUTHOR), lines);
        }
        if (found.isEmpty()) {
            found = fromByLine(scan, names, wrappers, lines);
        }
        if (found.isEmpty()) {
            found = nameAndDateAfterHeadline(wrappers, lines);
        }
        if (found.isEmpty()) {
            found = authorOutsideTheStory(scan, names);
        }
        return found;
    }

    /**
     * "Aaron Ricadela | Senior Writer | July 2, 2025" right after the headline: a short line with a date
     * whose first part is a name is the byline, even without "By".
     */
    private static List<String> nameAndDateAfterHeadline(Set<Element> headlineWrappers, Set<String> lines) {
        Element headline = null;
        for (Element e : headlineWrappers) {
            if (e.normalName().equals("h1")) {
                headline = e;
            }
        }
        if (headline == null) {
            return List.of();
        }
        int seen = 0;
        for (Element next = headline.nextElementSibling(); next != null && seen < AFTER_HEADLINE_ELEMENTS;
             next = next.nextElementSibling(), seen++) {
            String text = Texts.shortText(next, MAX_DATE_CHARS);
            if (text == null || Texts.wordCount(text) > MAX_LINE_WORDS || DateParser.find(text).isEmpty()) {
                continue;
            }
            List<String> found = Names.split(text);
            if (!found.isEmpty()) {
                lines.add(text);
                return found;
            }
        }
        return List.of();
    }

    /**
     * Failing every byline in the story: the first author element outside it ({@code itemprop=author},
     * class "author"/"byline") that is not in a comment or a list of other stories, where pages that put
     * the story's byline in a side column have it. Its text is not dropped from the body: it is not there.
     */
    private static List<String> authorOutsideTheStory(PageScan scan, ClassNames names) {
        for (Element el : scan.authorElements) {
            if (el.normalName().equals("meta")) {
                continue;
            }
            String text = Texts.shortText(el, MAX_LINE_CHARS);
            if (text == null || Texts.wordCount(text) > MAX_LINE_WORDS) {
                continue;
            }
            List<String> found = Names.split(text);
            if (!found.isEmpty() && !inTeaserList(el)) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> fromElements(PageScan scan, ClassNames names, Set<Element> wrappers,
                                             Predicate<Element> isAuthor,
                                             Set<String> lines) {
        List<String> raws = new ArrayList<>();
        Element first = null;
        List<Element> candidates = scan.authorElements;
        for (int i = 0; i < candidates.size(); i++) {
            Element el = candidates.get(i);
            if (!isAuthor.test(el) || offArticle(el, names, wrappers)) {
                continue;
            }
            // The innermost of nested author elements ("div.author > span.author-name") has just the name,
            // when it has one.
            if (hasNamedDescendant(candidates, i, isAuthor)) {
                continue;
            }
            // One byline: later author elements count only next to the first (an author box at the foot
            // of the page or a quoted testimonial is not the byline).
            if (first != null && !sameByline(first, el)) {
                continue;
            }
            Element name = el.normalName().equals("meta") ? el : el.selectFirst(ITEMPROP_NAME);
            String text = el.normalName().equals("meta") ? Texts.clean(el.attr("content"))
                    : Texts.shortText(name != null ? name : el, MAX_LINE_CHARS);
            if (text != null && !text.isEmpty() && Texts.wordCount(text) <= MAX_LINE_WORDS
                    && !Names.split(text).isEmpty()) {
                raws.add(text);
                rememberLine(el, lines);
                if (first == null) {
                    first = el;
                }
            }
        }
        return Names.splitAll(raws);
    }

    private static boolean hasNamedDescendant(List<Element> candidates, int i, Predicate<Element> isAuthor) {
        Element el = candidates.get(i);
        for (int j = i + 1; j < candidates.size() && candidates.get(j).parents().contains(el); j++) {
            if (isAuthor.test(candidates.get(j)) && !namesOf(candidates.get(j)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> namesOf(Element el) {
        String text = el.normalName().equals("meta") ? el.attr("content") : Texts.shortText(el, MAX_LINE_CHARS);
        return text == null ? List.of() : Names.split(text);
    }

    /**
     * Whether {@code other} is part of the same byline as {@code first}: under the same parent or
     * grandparent, at most a few elements away (not an author box at the foot of the story).
     */
    private static boolean sameByline(Element first, Element other) {
        Element branch = first;
        for (int up = 0; up < 2 && branch.parent() != null; up++, branch = branch.parent()) {
            Element parent = branch.parent();
            Element otherBranch = other;
            while (otherBranch != null && otherBranch.parent() != parent) {
                otherBranch = otherBranch.parent();
            }
            if (otherBranch != null) {
                return Math.abs(otherBranch.elementSiblingIndex() - branch.elementSiblingIndex()) <= MAX_BYLINE_SPREAD;
            }
        }
        return false;
    }

    private static List<String> fromByLine(PageScan scan, ClassNames names, Set<Element> wrappers,
                                           Set<String> lines) {
        List<String> team = null;
        String teamLine = null;
        // "Posted by X on ..." lines start like datelines, so the page scan files them there.
        List<Element> candidates = new ArrayList<>(scan.bylines);
        for (Element el : scan.datelines) {
            if (el.ownText().regionMatches(true, 0, "posted by", 0, 9)
                    || Texts.clean(el.ownText()).regionMatches(true, 0, "posted by", 0, 9)) {
                candidates.add(el);
            }
        }
        for (Element el : candidates) {
            String text = Texts.shortText(el, MAX_LINE_CHARS);
            if (text == null || Texts.wordCount(text) > MAX_BYLINE_WORDS || offArticle(el, names, wrappers)) {
                continue;
            }
            List<String> found = List.of();
            String name = null;
            if (BY_LABEL.matcher(text).matches()) {
                // "Written by" as a label, the name in the next element with text.
                name = nextText(el);
                found = name == null ? List.of() : Names.split(name);
            } else if (BY_LINE.matcher(text).matches()) {
                found = Texts.wordCount(text) <= MAX_LINE_WORDS ? Names.split(text) : List.of();
                if (found.isEmpty()) {
                    // "By <a>A. J. Neal</a> <a>View in digital edition</a>": the linked name.
                    Element link = el.selectFirst("a");
                    name = link == null ? null : Texts.shortText(link, MAX_LINE_CHARS);
                    found = name == null ? List.of() : Names.split(name);
                }
                if (found.isEmpty() && Texts.wordCount(text) > MAX_LINE_WORDS) {
                    // "Posted by BeauHD on Friday December 19, 2025 @08:00PM from the ... dept.": the names
                    // come before the date, which the name rules cut off.
                    found = Names.split(text);
                }
            }
            if (found.isEmpty()) {
                continue;
            }
            if (Names.isTeam(found)) {
                // A team byline ("By Team Tiger Data" on teasers) only when no person signs the story.
                if (team == null) {
                    team = found;
                    teamLine = text;
                }
                continue;
            }
            lines.add(text);
            if (name != null) {
                lines.add(name);
            }
            return found;
        }
        if (team != null) {
            lines.add(teamLine);
            return team;
        }
        return List.of();
    }

    /** The text of the first of the next few elements that has any, or null. */
    private static String nextText(Element el) {
        int seen = 0;
        for (Element next = el.nextElementSibling(); next != null && seen < 3; next = next.nextElementSibling(), seen++) {
            String text = Texts.shortText(next, MAX_LINE_CHARS);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    /**
     * The headline's ancestors: the {@code <h1>} most like the declared title (og:title, else
     * {@code <title>}), else the first, leaving out those inside {@code <nav>}, {@code <aside>},
     * {@code <footer>} or the page's own {@code <header>} (logos); the headline and every element that holds
     * it. Empty when there is no such {@code <h1>}.
     */
    static Set<Element> headlineWrappers(PageScan scan) {
        String declared = scan.meta("og:title");
        if (declared == null) {
            declared = scan.titleTag;
        }
        Element chosen = null;
        double best = HEADLINE_MATCH;
        if (scan.h1s.size() == 1) {
            // One <h1>: nothing to choose between.
            declared = null;
        }
        for (Element h1 : scan.h1s) {
            if (inChromeTag(h1)) {
                continue;
            }
            String text = h1.text();
            if (text.isBlank()) {
                continue;
            }
            double similarity = declared == null ? 0 : Titles.similarity(text, declared);
            if (chosen == null || similarity > best) {
                chosen = h1;
                best = Math.max(best, similarity);
            }
        }
        if (chosen == null) {
            return Set.of();
        }
        Set<Element> wrappers = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e = chosen; e != null; e = e.parent()) {
            wrappers.add(e);
        }
        return wrappers;
    }

    private static boolean inChromeTag(Element h1) {
        for (Element e = h1.parent(); e != null; e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("nav") || tag.equals("aside") || tag.equals("footer")
                    || (tag.equals("header") && e.parent() != null && e.parent().normalName().equals("body"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code el} is outside the story ({@link Chrome#isOffArticle}), unless the only marks that put it
     * there are on wrappers that also hold the headline: themes name the whole story column "...-sidebar-mode"
     * or "content-sidebar", and the date shown under the headline is then the story's date all the same.
     */
    static boolean offArticle(Element el, ClassNames names, Set<Element> headlineWrappers) {
        if (!Chrome.isOffArticle(el, names)) {
            return false;
        }
        if (headlineWrappers.isEmpty()) {
            return true;
        }
        for (Element e = el; e != null; e = e.parent()) {
            if (headlineWrappers.contains(e)) {
                return false;
            }
            String tag = e.normalName();
            if (tag.equals("nav") || tag.equals("aside") || tag.equals("footer") || names.has(e, ClassNames.OFF_ARTICLE)) {
                return true;
            }
        }
        return true;
    }

    private static OffsetDateTime dateline(PageScan scan, ClassNames names, Set<Element> headlineWrappers,
                                           Set<String> lines, Pattern shape) {
        for (Element el : scan.datelines) {
            String text = Texts.shortText(el, MAX_LINE_CHARS);
            if (text == null || Texts.wordCount(text) > MAX_LINE_WORDS) {
                continue;
            }
            Matcher m = shape.matcher(text);
            if (m.matches() && !offArticle(el, names, headlineWrappers)) {
                Optional<OffsetDateTime> date = DateParser.find(m.group(1));
                if (date.isPresent()) {
                    lines.add(text);
                    return date.get();
                }
            }
        }
        return null;
    }

    /** The first short text outside the chrome that is a date, maybe after "Updated" or next to a name. */
    private static OffsetDateTime shownDate(PageScan scan, ClassNames names, Set<Element> headlineWrappers,
                                            Set<String> lines) {
        for (Element el : scan.dateTexts) {
            String text = Texts.shortText(el, MAX_DATE_CHARS);
            // A citation line is the archive's own record, read with its authors by Citation. The <title> is
            // not shown on the page, and a copyright line dates the site.
            if (text == null || el.normalName().equals("title") || isCopyright(text)
                    || offArticle(el, names, headlineWrappers) || Citation.parse(text) != null) {
                continue;
            }
            Optional<OffsetDateTime> date = DateParser.find(text);
            if (date.isPresent()) {
                if (Texts.wordCount(text) <= MAX_DATE_LINE_WORDS) {
                    lines.add(text);
                }
                return date.get();
            }
        }
        return null;
    }

    /**
     * Failing every other visible date: the first element outside the story whose name says it is a date
     * ("post-date", "article_date", "publicationTime") and that is not in a list of other stories or
     * comments. Pages that put the story's date in a side column name it so; teaser lists are excluded.
     */
    private static OffsetDateTime namedDateOutsideTheStory(PageScan scan, ClassNames names, Set<String> lines) {
        for (Element el : scan.dateTexts) {
            String own = (Attrs.get(el, "class") + " " + Attrs.get(el, "id")).toLowerCase(Locale.ROOT);
            if (!(own.contains("date") || own.contains("time") || own.contains("publish"))
                    || !Chrome.isOffArticle(el, names) || inTeaserList(el)) {
                continue;
            }
            String text = Texts.shortText(el, MAX_DATE_CHARS);
            Optional<OffsetDateTime> date = text == null || isCopyright(text) ? Optional.empty() : DateParser.find(text);
            if (date.isPresent()) {
                lines.add(text);
                return date.get();
            }
        }
        return null;
    }

    private static boolean inTeaserList(Element el) {
        for (Element e = el; e != null; e = e.parent()) {
            if (e.attributesSize() > 0) {
                String n = (Attrs.get(e, "class") + " " + Attrs.get(e, "id")).toLowerCase(Locale.ROOT);
                if (n.contains("author")) {
                    // "author-card", "author-widget": the author's own box.
                    continue;
                }
                for (String word : TEASER_WORDS) {
                    if (n.contains(word)) {
                        return true;
                    }
                }
            }
            String tag = e.normalName();
            if (tag.equals("footer") || tag.equals("nav") || tag.equals("li")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCopyright(String text) {
        return text.indexOf('©') >= 0 || text.regionMatches(true, 0, "copyright", 0, 9);
    }

    /**
     * The date in the first few elements after the headline ({@code <h1>}, then its wrapper's next
     * siblings): where themes put the date, and found even when the page has many other dated lines
     * before the story.
     */
    private static OffsetDateTime dateAfterHeadline(Set<Element> headlineWrappers, Set<String> lines) {
        Element headline = null;
        for (Element e : headlineWrappers) {
            if (e.normalName().equals("h1")) {
                headline = e;
            }
        }
        if (headline == null) {
            return null;
        }
        int seen = 0;
        for (Element from = headline; from != null && seen < AFTER_HEADLINE_ELEMENTS; from = from.parent()) {
            for (Element next = from.nextElementSibling(); next != null && seen < AFTER_HEADLINE_ELEMENTS;
                 next = next.nextElementSibling()) {
                seen++;
                String text = Texts.shortText(next, MAX_DATE_CHARS);
                if (text == null || Texts.wordCount(text) > AFTER_HEADLINE_WORDS || isCopyright(text)) {
                    continue;
                }
                Optional<OffsetDateTime> date = DateParser.find(text);
                if (date.isPresent()) {
                    lines.add(text);
                    return date.get();
                }
            }
        }
        return null;
    }

    /** The byline's enclosing paragraph is what appears as a body block, so remember that text too. */
    private static void rememberLine(Element el, Set<String> lines) {
        String own = Texts.shortText(el, MAX_LINE_CHARS);
        if (own != null) {
            lines.add(own);
        }
        Element block = el.closest(LINE_BLOCK);
        String blockText = block == null ? null : Texts.shortText(block, MAX_LINE_CHARS);
        if (blockText != null && Texts.wordCount(blockText) <= MAX_LINE_WORDS) {
            lines.add(blockText);
        }
    }
}
