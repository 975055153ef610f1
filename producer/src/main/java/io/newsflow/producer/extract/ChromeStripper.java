package io.newsflow.producer.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Removes site chrome from a copy of the page before main-text detection: elements that are never
 * content (scripts, forms controls), structural chrome ({@code nav}, {@code header}, {@code footer},
 * {@code aside}, {@code form}, ARIA landmarks) and elements whose id or class names a chrome role
 * (nav, menu, footer, sidebar, share, comment, related, cookie, newsletter, contact, subscribe,
 * breadcrumb, ad...). Class names are compared as whole words, so "ad" removes {@code ad-slot} but not
 * {@code heading}.
 */
final class ChromeStripper {

    private static final String NEVER_CONTENT =
            "script, style, noscript, template, iframe, svg, object, embed, button, select, input, textarea";
    private static final String STRUCTURAL_CHROME = "nav, header, footer, aside, form, dialog, "
            + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [hidden], "
            + "[aria-hidden=true]";
    private static final Set<String> CHROME_WORDS = Set.of("nav", "navbar", "navigation", "menu", "menus",
            "footer", "header", "masthead", "sidebar", "share", "sharing", "social", "comment", "comments",
            "related", "cookie", "cookies", "consent", "newsletter", "contact", "subscribe", "subscription",
            "breadcrumb", "breadcrumbs", "ad", "ads", "advert", "adverts", "advertisement", "promo", "popup",
            "modal", "skip");
    // Chrome that surrounds the article but is not part of its header (used to skip sidebar bylines).
    private static final Set<String> OFF_ARTICLE_WORDS = Set.of("nav", "navbar", "navigation", "menu",
            "footer", "sidebar", "related", "comment", "comments", "promo", "newsletter", "social", "share",
            "sharing", "popular", "trending", "recommended", "most");

    private ChromeStripper() {
    }

    /** Removes chrome from {@code doc} in place; pass a clone when the original must survive. */
    static void strip(Document doc) {
        doc.select(NEVER_CONTENT).remove();
        Element body = doc.body();
        // Some sites wrap the whole page in a <form> or give the content column a class such as
        // "has-sidebar"; never remove an element that holds most of the page's paragraph text.
        Map<Element, Integer> textChars = textChars(body);
        int pageChars = textChars.getOrDefault(body, 0);
        for (Element el : body.select(STRUCTURAL_CHROME)) {
            removeUnlessContent(el, textChars, pageChars);
        }
        for (Element el : body.getAllElements()) {
            if (el != body && el.parent() != null && hasChromeName(el, CHROME_WORDS)) {
                removeUnlessContent(el, textChars, pageChars);
            }
        }
    }

    /** True when {@code el} sits in navigation, a sidebar, a footer or a related-stories box. */
    static boolean isOffArticle(Element el) {
        for (Element e = el; e != null; e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("nav") || tag.equals("footer") || tag.equals("aside")
                    || hasChromeName(e, OFF_ARTICLE_WORDS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasChromeName(Element el, Set<String> words) {
        if (el.id().isEmpty() && el.className().isEmpty()) {
            return false;
        }
        for (String token : Texts.idAndClassTokens(el)) {
            if (words.contains(token)) {
                return true;
            }
        }
        return false;
    }

    private static void removeUnlessContent(Element el, Map<Element, Integer> textChars, int pageChars) {
        if (pageChars > 0 && textChars.getOrDefault(el, 0) * 2 > pageChars) {
            return;
        }
        if (el.selectFirst("main, article, [itemprop=articleBody]") != null) {
            return;
        }
        el.remove();
    }

    /** Non-space characters of paragraph text under every element, in one pass. */
    private static Map<Element, Integer> textChars(Element root) {
        Map<Element, Integer> chars = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text && node.parentNode() instanceof Element parent
                        && parent.closest("p") != null) {
                    String s = text.getWholeText();
                    int n = 0;
                    for (int i = 0; i < s.length(); i++) {
                        if (!Character.isWhitespace(s.charAt(i))) {
                            n++;
                        }
                    }
                    if (n > 0) {
                        chars.merge(parent, n, Integer::sum);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el && el != root && el.parent() != null) {
                    Integer n = chars.get(el);
                    if (n != null) {
                        chars.merge(el.parent(), n, Integer::sum);
                    }
                }
            }
        }, root);
        return chars;
    }
}
