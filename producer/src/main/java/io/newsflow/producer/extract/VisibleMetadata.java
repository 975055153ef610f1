package io.newsflow.producer.extract;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Authors and publication date shown as page text rather than markup: author elements
 * ({@code itemprop=author}, {@code rel=author}, class "author"/"byline"), "By X and Y" lines and
 * "Published 9 March 2025" lines. Remembers the exact lines it used so the body can leave them out.
 *
 * @param authors   names in byline order, empty when none was found
 * @param published date from a "Published ..." line, or null
 * @param lines     texts of the byline and dateline elements, to drop from the body
 */
record VisibleMetadata(List<String> authors, OffsetDateTime published, Set<String> lines) {

    private static final Pattern BY_LINE = Pattern.compile("^(?:By|BY|Written by|Words by)\\s+\\p{Lu}.*");
    private static final Pattern DATE_LINE = Pattern.compile(
            "^(?:First\\s+)?(?:Published|Posted)(?:\\s+on)?\\s*:?\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final String SHORT_TEXT_ELEMENTS = "p, div, span, address, small, li, h4, h5, h6, em, strong";
    private static final int MAX_LINE_WORDS = 12;
    private static final int MAX_LINE_CHARS = 240;

    static VisibleMetadata find(Document doc) {
        Set<String> lines = new LinkedHashSet<>();
        List<String> authors = authors(doc, lines);
        OffsetDateTime published = dateline(doc, lines);
        return new VisibleMetadata(authors, published, lines);
    }

    private static List<String> authors(Document doc, Set<String> lines) {
        // Most specific markup first; each step only counts outside sidebars and related boxes.
        List<String> names = fromElements(doc, el -> el.attr("itemprop").equalsIgnoreCase("author"), lines);
        if (names.isEmpty()) {
            names = fromElements(doc, el -> el.normalName().equals("a") && hasToken(el.attr("rel"), "author"),
                    lines);
        }
        if (names.isEmpty()) {
            names = fromElements(doc, el -> hasAnyToken(el, "author", "authors"), lines);
        }
        if (names.isEmpty()) {
            names = fromElements(doc, el -> hasAnyToken(el, "byline"), lines);
        }
        if (names.isEmpty()) {
            names = fromByLine(doc, lines);
        }
        return names;
    }

    private static List<String> fromElements(Document doc, Predicate<Element> isAuthor, Set<String> lines) {
        List<String> raws = new ArrayList<>();
        for (Element el : doc.body().getAllElements()) {
            if (!isAuthor.test(el) || ChromeStripper.isOffArticle(el)) {
                continue;
            }
            Element name = el.selectFirst("[itemprop=name]");
            String text = Texts.clean(el.normalName().equals("meta") ? el.attr("content")
                    : (name != null ? name : el).text());
            if (!text.isEmpty() && Texts.wordCount(text) <= MAX_LINE_WORDS) {
                raws.add(text);
                rememberLine(el, lines);
            }
        }
        return Names.splitAll(raws);
    }

    private static List<String> fromByLine(Document doc, Set<String> lines) {
        for (Element el : doc.body().select(SHORT_TEXT_ELEMENTS)) {
            String text = Texts.shortText(el, MAX_LINE_CHARS);
            if (text != null && Texts.wordCount(text) <= MAX_LINE_WORDS && BY_LINE.matcher(text).matches()
                    && !ChromeStripper.isOffArticle(el)) {
                List<String> names = Names.split(text);
                if (!names.isEmpty()) {
                    lines.add(text);
                    return names;
                }
            }
        }
        return List.of();
    }

    private static OffsetDateTime dateline(Document doc, Set<String> lines) {
        for (Element el : doc.body().select(SHORT_TEXT_ELEMENTS)) {
            String text = Texts.shortText(el, MAX_LINE_CHARS);
            if (text == null || Texts.wordCount(text) > MAX_LINE_WORDS) {
                continue;
            }
            Matcher m = DATE_LINE.matcher(text);
            if (m.matches() && !ChromeStripper.isOffArticle(el)) {
                Optional<OffsetDateTime> date = DateParser.parseWithOffset(m.group(1));
                if (date.isPresent()) {
                    lines.add(text);
                    return date.get();
                }
            }
        }
        return null;
    }

    private static boolean hasToken(String attribute, String token) {
        for (String t : attribute.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (t.equals(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAnyToken(Element el, String... tokens) {
        if (el.id().isEmpty() && el.className().isEmpty()) {
            return false;
        }
        // Cheap substring test first: tokenising every element's class names dominated the run time.
        String raw = (el.id() + " " + el.className()).toLowerCase(Locale.ROOT);
        boolean mayMatch = false;
        for (String token : tokens) {
            mayMatch |= raw.contains(token);
        }
        if (!mayMatch) {
            return false;
        }
        Set<String> names = Texts.idAndClassTokens(el);
        for (String token : tokens) {
            if (names.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** The byline's enclosing paragraph is what appears as a body block, so remember that text too. */
    private static void rememberLine(Element el, Set<String> lines) {
        lines.add(Texts.clean(el.text()));
        Element block = el.closest("p, li, div, address");
        if (block != null && Texts.wordCount(block.text()) <= MAX_LINE_WORDS) {
            lines.add(Texts.clean(block.text()));
        }
    }
}
