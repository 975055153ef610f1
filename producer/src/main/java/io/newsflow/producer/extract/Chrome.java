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
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the site chrome to leave out of the body, without touching the document: structural chrome
 * ({@code nav}, {@code header}, {@code footer}, {@code aside}, {@code form}, ARIA landmarks), hidden
 * elements ({@code hidden}, {@code aria-hidden}, {@code display:none}) and elements whose id or class
 * names a chrome role ({@link ClassNames#CHROME}: navigation, sharing, comments, related links, ads,
 * newsletter boxes...). Elements that are never content ({@link #NEVER_CONTENT}) are skipped by every step
 * anyway.
 *
 * <p>Some sites wrap the whole page in a {@code <form>} or give the story's column a class such as
 * "has-sidebar", so an element is never chrome when it holds more than half of the page's visible
 * paragraph text, or the page's {@code main}, {@code article}, {@code itemprop=articleBody} or
 * story-named ({@link ClassNames#STORY}) element. A hidden element is chrome unless it holds far more text
 * than the visible page (a story shown by a script); hidden copies holding an articleBody are metadata.
 */
final class Chrome {

    /** Tags whose text is never article text (scripts, styles, form controls, embedded objects). */
    static final Set<String> NEVER_CONTENT = Set.of("script", "style", "noscript", "template", "iframe", "svg",
            "object", "embed", "button", "select", "input", "textarea", "math", "canvas",
            // AMP's own chrome: the navigation drawer, ads, consent and share bars.
            "amp-sidebar", "amp-ad", "amp-embed", "amp-analytics", "amp-consent", "amp-social-share",
            "amp-sticky-ad", "amp-auto-ads");
    /** {@code NEVER_CONTENT.contains(tag)} by a switch, for the walks that ask it of every element. */
    static boolean isNeverContent(String tag) {
        return switch (tag) {
            case "script", "style", "noscript", "template", "iframe", "svg", "object", "embed", "button", "select",
                    "input", "textarea", "math", "canvas", "amp-sidebar", "amp-ad", "amp-embed", "amp-analytics",
                    "amp-consent", "amp-social-share", "amp-sticky-ad", "amp-auto-ads" -> true;
            default -> false;
        };
    }

    private static final Set<String> STRUCTURAL = Set.of("nav", "header", "footer", "aside", "form", "dialog");
    // Wrappers of the page or the story: never chrome by their class names.
    private static final Set<String> STORY_WRAPPERS = Set.of("html", "body", "main", "article");
    // Paragraph text that makes a layout-named element ("hub-header") the story rather than chrome.
    private static final int LAYOUT_PROSE_CHARS = 1000;
    private static final Set<String> LANDMARKS = Set.of("navigation", "banner", "contentinfo", "complementary",
            "search");

    private Chrome() {
    }

    /**
     * Finds the chrome of a page's body while something else walks the tree ({@link PageScan} does, to
     * walk it only once): feed it the nodes of the body in document order, then ask for {@link #chrome()}.
     */
    static final class Finder implements NodeVisitor {
        private final Element body;
        private final ClassNames names;
        private final List<Candidate> all = new ArrayList<>();
        private final List<Candidate> open = new ArrayList<>();
        // Paragraph text outside hidden elements: what a reader sees.
        private int pageChars;
        private int paragraphDepth;
        private int hiddenDepth;
        private int codeDepth;

        Finder(Element body, ClassNames names) {
            this.body = body;
            this.names = names;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element el) {
                Attributes attributes = Attrs.of(el);
                head(el, attributes, names.of(attributes));
            } else if (node instanceof TextNode text) {
                text(text);
            }
        }

        void text(TextNode text) {
            if (paragraphDepth == 0) {
                return;
            }
            int n = Texts.visibleLength(text.getWholeText());
            if (hiddenDepth > 0) {
                for (Candidate c : open) {
                    c.hiddenChars += n;
                }
                return;
            }
            pageChars += n;
            for (Candidate c : open) {
                c.paragraphChars += n;
            }
        }

        /** The element's start, with its attributes (null for none) and their {@link ClassNames} flags. */
        void head(Element el, Attributes attributes, int nameFlags) {
            String tag = el.normalName();
            if (tag.equals("p")) {
                paragraphDepth++;
            } else if (tag.equals("pre")) {
                codeDepth++;
            }
            if (!open.isEmpty() && (tag.equals("main") || tag.equals("article")
                    || Attrs.get(attributes, "itemprop").equalsIgnoreCase("articleBody")
                    || (nameFlags & ClassNames.STORY) != 0)) {
                for (Candidate c : open) {
                    c.holdsStory = true;
                }
            }
            // Syntax highlighters name their spans after the code ("hljs-comment", "token nav").
            if (el != body && isChrome(tag, attributes, codeDepth == 0 ? nameFlags : 0)) {
                Candidate c = new Candidate(el, isHidden(attributes));
                c.outer = open.isEmpty() ? null : open.get(open.size() - 1);
                if (!STRUCTURAL.contains(tag) && codeDepth == 0 && (nameFlags & ClassNames.CHROME) != 0) {
                    c.className = attributes.get("class");
                    c.layoutNamed = (nameFlags & ClassNames.CHROME_KIND) == 0 && !c.hidden && !hasLandmarkRole(attributes);
                }
                all.add(c);
                open.add(c);
                if (c.hidden) {
                    hiddenDepth++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element el)) {
                return;
            }
            String tag = el.normalName();
            if (tag.equals("p")) {
                paragraphDepth--;
            } else if (tag.equals("pre")) {
                codeDepth--;
            }
            if (!open.isEmpty() && open.get(open.size() - 1).element == el) {
                Candidate c = open.remove(open.size() - 1);
                if (c.hidden) {
                    hiddenDepth--;
                }
            }
        }

        /** The chrome found, outermost elements only; a mutable set by identity. */
        Set<Element> chrome() {
            Set<Element> chrome = Collections.newSetFromMap(new IdentityHashMap<>());
            // A story cut into sections that share a class name ("content-nav-section", "skip-item"): the
            // sections together are most of the page.
            Map<String, Integer> byClass = new HashMap<>();
            for (Candidate c : all) {
                if (c.layoutNamed && !c.className.isEmpty()) {
                    byClass.merge(c.className, c.paragraphChars, Integer::sum);
                }
            }
            // In document order, so an outer candidate is decided before the ones inside it.
            for (Candidate c : all) {
                boolean mostOfThePage = pageChars > 0 && c.paragraphChars * 2 > pageChars;
                if (c.layoutNamed && pageChars > 0) {
                    mostOfThePage |= byClass.getOrDefault(c.className, 0) * 2 > pageChars;
                }
                // Named for its place in the layout ("hub-header", "nav-section") yet full of paragraphs.
                mostOfThePage |= c.layoutNamed && c.paragraphChars >= LAYOUT_PROSE_CHARS;
                // Some pages hide their story until a script shows it: a hidden element with far more
                // text than the visible page is that story, not a hidden copy or a closed menu
                // (A hidden copy holding an articleBody is a metadata block, so for hidden elements only
                // that counts.)
                boolean kept = c.hidden ? c.hiddenChars > 2 * pageChars : mostOfThePage || c.holdsStory;
                if (!kept && !insideChrome(c)) {
                    chrome.add(c.element);
                    c.chrome = true;
                }
            }
            return chrome;
        }
    }

    /**
     * True when {@code el} sits in navigation, a sidebar, a page footer or a related-stories box. The
     * page's and the story's own wrappers ({@code body}, {@code main}, {@code article}) never count, whatever
     * their class names say ("has-sidebar", "offset-nav"), and a {@code footer} inside the story is the
     * story's footer (author, tags), not the page's.
     */
    static boolean isOffArticle(Element el, ClassNames names) {
        boolean inFooter = false;
        for (Element e = el; e != null; e = e.parent()) {
            String tag = e.normalName();
            if (STORY_WRAPPERS.contains(tag)) {
                if (tag.equals("article") || tag.equals("main")) {
                    inFooter = false;
                }
                continue;
            }
            if (tag.equals("footer")) {
                inFooter = true;
            } else if (tag.equals("nav") || tag.equals("aside") || names.has(e, ClassNames.OFF_ARTICLE)) {
                return true;
            }
        }
        return inFooter;
    }

    private static boolean isChrome(String tag, Attributes attributes, int nameFlags) {
        if (STRUCTURAL.contains(tag)) {
            return true;
        }
        if (attributes == null || STORY_WRAPPERS.contains(tag)) {
            return false;
        }
        if ((nameFlags & ClassNames.CHROME) != 0) {
            return true;
        }
        return hasLandmarkRole(attributes) || isHidden(attributes);
    }

    private static boolean hasLandmarkRole(Attributes attributes) {
        String role = attributes.get("role");
        return !role.isEmpty() && LANDMARKS.contains(role.toLowerCase(Locale.ROOT));
    }

    private static boolean isHidden(Attributes attributes) {
        return attributes != null && (attributes.hasKey("hidden") || attributes.get("aria-hidden").equalsIgnoreCase("true")
                || hiddenByStyle(attributes.get("style")));
    }

    private static boolean hiddenByStyle(String style) {
        if (style.isEmpty()) {
            return false;
        }
        String lower = style.toLowerCase(Locale.ROOT);
        if (!lower.contains("none") && !lower.contains("hidden")) {
            return false;
        }
        String compact = lower.replace(" ", "");
        return compact.contains("display:none") || compact.contains("visibility:hidden");
    }

    /** Whether a candidate around {@code c} is chrome: only candidates become chrome, and they enclose c. */
    private static boolean insideChrome(Candidate c) {
        for (Candidate o = c.outer; o != null; o = o.outer) {
            if (o.chrome) {
                return true;
            }
        }
        return false;
    }


    private static final class Candidate {
        final Element element;
        final boolean hidden;
        int paragraphChars;
        int hiddenChars;
        boolean holdsStory;
        // Set when the element is chrome by its id or class names only: its class attribute, and whether
        // only page-layout words named it.
        String className;
        boolean layoutNamed;
        // The innermost candidate around this one, and whether this one was found to be chrome.
        Candidate outer;
        boolean chrome;

        Candidate(Element element, boolean hidden) {
            this.element = element;
            this.hidden = hidden;
        }
    }
}
