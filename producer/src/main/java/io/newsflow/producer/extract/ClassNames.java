package io.newsflow.producer.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;

/**
 * What an element's id and class names say about its role: site chrome, a sidebar or related box, a
 * byline or caption, the story's container, an author element. Names are compared as whole words after
 * splitting on punctuation and camelCase, so "ad" matches {@code ad-slot} but not {@code heading}.
 *
 * <p>One instance serves one page: it caches the flags of every distinct attribute value, because pages
 * repeat the same few class strings on thousands of elements. Not thread-safe.
 */
final class ClassNames {

    /** Chrome to leave out of the body: navigation, sharing, comments, related links, ads, newsletter boxes. */
    static final int CHROME = 1;
    /** Surrounds the article without being part of it: bylines found there belong to other stories. */
    static final int OFF_ARTICLE = 1 << 1;
    /** Byline, dateline, caption, tag list: short text next to the story that is not the story. */
    static final int META = 1 << 2;
    /** The story's container by name ("article-body", "entry-content", "post"). */
    static final int CONTENT = 1 << 3;
    /** An author element ("author", "byline"). */
    static final int AUTHOR = 1 << 4;
    /** The story's text by a compound name no wrapper of the whole page uses ("article-body", "entry-content"). */
    static final int STORY = 1 << 5;

    private static final Set<String> CHROME_WORDS = Set.of("nav", "navbar", "navigation", "menu", "menus",
            "footer", "header", "masthead", "sidebar", "share", "sharing", "social", "comment", "comments",
            "related", "cookie", "cookies", "consent", "newsletter", "contact", "subscribe", "subscription",
            "breadcrumb", "breadcrumbs", "ad", "ads", "advert", "adverts", "advertisement", "promo", "popup",
            "modal", "skip");
    private static final Set<String> OFF_ARTICLE_WORDS = Set.of("nav", "navbar", "navigation", "menu",
            "footer", "sidebar", "related", "comment", "comments", "promo", "newsletter", "social", "share",
            "sharing", "popular", "trending", "recommended", "most");
    private static final Set<String> META_WORDS = Set.of("byline", "dateline", "author", "authors", "meta",
            "timestamp", "caption", "credit", "credits", "tags", "figcaption", "disclosure", "disclaimer");
    private static final Set<String> CONTENT_WORDS = Set.of("article", "body", "content", "entry", "main", "post",
            "story", "text", "articlebody", "prose");
    private static final Set<String> AUTHOR_WORDS = Set.of("author", "authors", "byline");
    // Whole names, lower-cased with separators removed: "article-body", "articleBody", "article__body".
    private static final Set<String> STORY_NAMES = Set.of("articlebody", "articlecontent", "articletext",
            "postbody", "postcontent", "posttext", "entrycontent", "entrybody", "storybody", "storycontent",
            "storytext", "blogpostcontent", "blogcontent", "richtext", "articlecopy", "bodycopy", "storyblock");
    // Whole class names of text meant for screen readers only ("Share on Facebook", "Opens in a new window"),
    // lower-cased with separators removed ("sr-only", "visually-hidden"). Not "hidden" or "d-none":
    // responsive frameworks pair them with a class that shows the element on larger screens ("hidden md:block").
    private static final Set<String> SCREEN_READER_NAMES = Set.of("sronly", "visuallyhidden", "screenreadertext",
            "screenreaderonly");
    private static final Trie WORDS = words();
    private static final Trie NAMES = names();

    private final Map<String, Integer> cache = new HashMap<>();

    /** The role flags of {@code el}'s id and class names, 0 when it has none. */
    int of(Element el) {
        return of(Attrs.of(el));
    }

    /** As {@link #of(Element)}, from the element's attributes (null for none). */
    int of(Attributes attributes) {
        if (attributes == null) {
            return 0;
        }
        int flags = 0;
        String id = attributes.get("id");
        if (!id.isEmpty()) {
            flags |= flags(id);
        }
        String classes = attributes.get("class");
        if (!classes.isEmpty()) {
            flags |= flags(classes);
        }
        return flags;
    }

    boolean has(Element el, int flag) {
        return (of(el) & flag) != 0;
    }

    private int flags(String raw) {
        Integer cached = cache.get(raw);
        if (cached == null) {
            cached = compute(raw);
            cache.put(raw, cached);
        }
        return cached;
    }

    /**
     * Walks the attribute value once, following each lower-cased word down {@link #WORDS} and each whole
     * name, separators left out, down {@link #NAMES}: no substrings are made, and most words leave the
     * tries at their first or second letter.
     */
    static int compute(String raw) {
        int flags = 0;
        int n = raw.length();
        int nameFlags = 0;
        boolean selectorName = false;
        boolean inWord = false;
        Trie word = null;
        Trie name = NAMES;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? raw.charAt(i) : ' ';
            boolean upper = c >= 'A' && c <= 'Z';
            boolean letter = upper || (c >= 'a' && c <= 'z');
            boolean alnum = letter || (c >= '0' && c <= '9');
            boolean camelBreak = upper && inWord && raw.charAt(i - 1) >= 'a' && raw.charAt(i - 1) <= 'z';
            if (inWord && (!alnum || camelBreak)) {
                if (word != null) {
                    nameFlags |= word.flags;
                }
                inWord = false;
            }
            if (alnum && !inWord) {
                inWord = true;
                word = WORDS;
            }
            int letterIndex = upper ? c - 'A' : c - 'a';
            if (alnum && word != null) {
                word = letter ? word.next[letterIndex] : null;
            }
            if (c == '[' || c == ':') {
                selectorName = true;
            }
            if (i == n || c <= ' ') {
                // Utility-class frameworks (Tailwind) put selectors in class names, e.g.
                // "[&_figcaption]:mt-2"; those say nothing about the element's role.
                if (!selectorName) {
                    flags |= nameFlags | (name != null ? name.flags : 0);
                }
                nameFlags = 0;
                selectorName = false;
                name = NAMES;
            } else if (name != null && c != '-' && c != '_') {
                name = letter ? name.next[letterIndex] : null;
            }
        }
        return flags;
    }

    /** A letter trie of the role words; the node at the end of a word holds that word's flags. */
    private static final class Trie {
        final Trie[] next = new Trie[26];
        int flags;

        void add(String word, int flag) {
            Trie node = this;
            for (int i = 0; i < word.length(); i++) {
                int c = word.charAt(i) - 'a';
                if (node.next[c] == null) {
                    node.next[c] = new Trie();
                }
                node = node.next[c];
            }
            node.flags |= flag;
        }
    }

    private static Trie words() {
        Trie root = new Trie();
        CHROME_WORDS.forEach(w -> root.add(w, CHROME));
        OFF_ARTICLE_WORDS.forEach(w -> root.add(w, OFF_ARTICLE));
        META_WORDS.forEach(w -> root.add(w, META));
        CONTENT_WORDS.forEach(w -> root.add(w, CONTENT));
        AUTHOR_WORDS.forEach(w -> root.add(w, AUTHOR));
        return root;
    }

    private static Trie names() {
        Trie root = new Trie();
        STORY_NAMES.forEach(w -> root.add(w, STORY));
        SCREEN_READER_NAMES.forEach(w -> root.add(w, CHROME));
        return root;
    }
}
