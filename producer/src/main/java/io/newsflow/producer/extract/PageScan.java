package io.newsflow.producer.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Everything the metadata steps read from a page, gathered in one pass over the document: {@code <meta>}
 * tags, {@code <title>}, canonical links, JSON-LD blocks, {@code <time>} and {@code <h1>} elements, author
 * elements, and the elements whose own text looks like a byline ("By ..."), a dateline ("Published ...")
 * or a date. Walking the tree once instead of running a CSS query per field is what keeps extraction
 * close to the cost of parsing. Read-only; one instance per page.
 */
final class PageScan {

    private static final String[] BYLINE_PREFIXES = {"by ", "by:", "written by", "words by", "author:", "authors:"};
    private static final String[] DATELINE_PREFIXES = {"published", "posted", "updated", "last updated",
            "first published", "date:", "on "};
    private static final int MAX_LINE_CHARS = 240;
    // Never text, never metadata: not walked at all (scripts are, for JSON-LD; they are leaves anyway).
    private static final Set<String> OPAQUE = Set.of("svg", "math", "template", "iframe", "object", "embed",
            "canvas", "select", "textarea", "video", "audio", "picture");
    private static final int MAX_DATE_TEXTS = 12;
    private static final int MAX_DATE_CHARS = 120;

    /** Contents of {@code <meta>} tags by lower-case name, property, itemprop or http-equiv, in page order. */
    final Map<String, List<String>> metas = new HashMap<>();
    /** JSON-LD blocks, as written. */
    final List<String> jsonLd = new ArrayList<>();
    /** {@code <link rel=canonical>} targets, absolute. */
    final List<String> canonicalLinks = new ArrayList<>();
    final List<Element> times = new ArrayList<>();
    final List<Element> h1s = new ArrayList<>();
    /** {@code itemprop=author}, {@code rel=author} and author- or byline-named elements, in page order. */
    final List<Element> authorElements = new ArrayList<>();
    /** Elements with {@code itemprop=datePublished} that are not {@code <meta>} tags. */
    final List<Element> microdataDates = new ArrayList<>();
    /** Elements whose own text starts like a byline. */
    final List<Element> bylines = new ArrayList<>();
    /** Elements whose own text starts like a dateline. */
    final List<Element> datelines = new ArrayList<>();
    /** The first elements whose own short text holds a year, the visible dates. */
    final List<Element> dateTexts = new ArrayList<>();
    /** The page's chrome ({@link Chrome}), found during the same walk. */
    Set<Element> chrome = Collections.newSetFromMap(new IdentityHashMap<>());
    String titleTag;
    String htmlLang;

    private PageScan() {
    }

    static PageScan of(Document doc, ClassNames names) {
        PageScan scan = new PageScan();
        Element body = doc.body();
        Chrome.Finder chrome = body == null ? null : new Chrome.Finder(body, names);
        NodeTraversor.filter(new NodeFilter() {
            boolean inBody;

            @Override
            public FilterResult head(Node node, int depth) {
                if (node == body) {
                    inBody = true;
                }
                if (node instanceof Element el) {
                    if (OPAQUE.contains(el.normalName())) {
                        // Icons, embeds and form controls: hundreds of elements, none of them text or metadata.
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    Attributes attributes = Attrs.of(el);
                    int nameFlags = names.of(attributes);
                    if (inBody) {
                        chrome.head(el, attributes, nameFlags);
                    }
                    scan.element(el, attributes, nameFlags);
                } else if (node instanceof TextNode text && text.parentNode() instanceof Element parent) {
                    if (inBody) {
                        chrome.text(text);
                    }
                    scan.text(text.getWholeText(), parent);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (inBody) {
                    chrome.tail(node, depth);
                }
                if (node == body) {
                    inBody = false;
                }
                return FilterResult.CONTINUE;
            }
        }, doc);
        if (chrome != null) {
            scan.chrome = chrome.chrome();
        }
        return scan;
    }

    /** The first non-blank content of the given meta keys, in the order of the keys; null when none. */
    String meta(String... keys) {
        for (String key : keys) {
            List<String> values = metas.get(key);
            if (values != null && !values.isEmpty()) {
                return values.get(0);
            }
        }
        return null;
    }

    List<String> metaAll(String key) {
        return metas.getOrDefault(key, List.of());
    }

    private void element(Element el, Attributes attributes, int nameFlags) {
        switch (el.normalName()) {
            case "meta" -> meta(el);
            case "link" -> {
                if (hasWord(Attrs.get(el, "rel"), "canonical") && Attrs.has(el, "href")) {
                    canonicalLinks.add(el.absUrl("href"));
                }
            }
            case "script" -> {
                if (Attrs.get(el, "type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                    StringBuilder data = new StringBuilder();
                    for (Node child : el.childNodes()) {
                        if (child instanceof DataNode d) {
                            data.append(d.getWholeData());
                        }
                    }
                    jsonLd.add(data.toString());
                }
            }
            case "title" -> {
                if (titleTag == null && el.parent() != null && el.parent().normalName().equals("head")) {
                    titleTag = Texts.clean(el.text());
                }
            }
            case "html" -> htmlLang = Attrs.get(el, "lang");
            case "time" -> times.add(el);
            case "h1" -> h1s.add(el);
            default -> {
            }
        }
        if (attributes == null) {
            return;
        }
        String itemprop = attributes.get("itemprop");
        if (itemprop.equalsIgnoreCase("author") || (el.normalName().equals("a") && hasWord(attributes.get("rel"), "author"))
                || (nameFlags & ClassNames.AUTHOR) != 0) {
            authorElements.add(el);
        }
        if (itemprop.equalsIgnoreCase("datePublished") && !el.normalName().equals("meta")) {
            microdataDates.add(el);
        }
    }

    private void meta(Element el) {
        String content = Texts.clean(el.attr("content"));
        if (content.isEmpty()) {
            return;
        }
        for (String attribute : new String[] {"name", "property", "itemprop", "http-equiv"}) {
            String key = el.attr(attribute);
            if (!key.isEmpty()) {
                metas.computeIfAbsent(key.strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(content);
            }
        }
    }

    private void text(String text, Element parent) {
        int start = 0;
        while (start < text.length() && text.charAt(start) <= ' ') {
            start++;
        }
        int length = text.length() - start;
        if (length == 0 || length > MAX_LINE_CHARS) {
            return;
        }
        char first = Character.toLowerCase(text.charAt(start));
        if (first == 'b' || first == 'w' || first == 'a') {
            if (startsWithAny(text, start, BYLINE_PREFIXES) || equalsIgnoreCaseTrimmed(text, start, "by")) {
                addOnce(bylines, parent);
            }
        } else if (first == 'p' || first == 'u' || first == 'l' || first == 'f' || first == 'd' || first == 'o') {
            if (startsWithAny(text, start, DATELINE_PREFIXES)) {
                addOnce(datelines, parent);
            }
        }
        if (dateTexts.size() < MAX_DATE_TEXTS && length >= 6 && length <= MAX_DATE_CHARS && hasYear(text, start)) {
            addOnce(dateTexts, parent);
        }
    }

    private static void addOnce(List<Element> list, Element el) {
        if (list.isEmpty() || list.get(list.size() - 1) != el) {
            list.add(el);
        }
    }

    private static boolean startsWithAny(String text, int start, String[] prefixes) {
        char first = Character.toLowerCase(text.charAt(start));
        for (String prefix : prefixes) {
            if (prefix.charAt(0) == first && text.regionMatches(true, start, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean equalsIgnoreCaseTrimmed(String text, int start, String word) {
        int end = text.length();
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        return end - start == word.length() && text.regionMatches(true, start, word, 0, word.length());
    }

    /** A run of exactly four digits starting 19 or 20. */
    private static boolean hasYear(String text, int start) {
        int n = text.length();
        for (int i = start; i + 4 <= n; i++) {
            char c = text.charAt(i);
            if ((c == '1' && text.charAt(i + 1) == '9') || (c == '2' && text.charAt(i + 1) == '0')) {
                if (isDigit(text.charAt(i + 2)) && isDigit(text.charAt(i + 3))
                        && (i == start || !isDigit(text.charAt(i - 1))) && (i + 4 == n || !isDigit(text.charAt(i + 4)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }


    /** Whether the space-separated {@code attribute} has {@code word} (lower case), ignoring case. */
    private static boolean hasWord(String attribute, String word) {
        int n = attribute.length();
        int w = word.length();
        for (int i = 0; i + w <= n; i++) {
            if ((i == 0 || attribute.charAt(i - 1) <= ' ') && attribute.regionMatches(true, i, word, 0, w)
                    && (i + w == n || attribute.charAt(i + w) <= ' ')) {
                return true;
            }
        }
        return false;
    }
}
