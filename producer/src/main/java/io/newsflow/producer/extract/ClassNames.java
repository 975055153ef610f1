package io.newsflow.producer.extract;

import java.util.Set;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;

/**
 * What an element's id and class names say about its role: site chrome, a sidebar or related box, a
 * byline or caption, the story's container, an author element. Names are compared as whole words after
 * splitting on punctuation and camelCase, so "ad" matches {@code ad-slot} but not {@code heading}.
 *
 * <p>One instance serves one page: it caches the flags of the class attribute values it sees, because pages
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

    /**
     * Chrome by what it holds (sharing, comments, related links, ads, newsletter boxes...), not merely by
     * where it sits on the page: set with {@link #CHROME} for every chrome word but those of the page's
     * top and navigation (header, navigation, menu, skip link).
     */
    static final int CHROME_KIND = 1 << 6;

    // The page's top and navigation: a block of prose so named is the story in a themed wrapper ("hub-header").
    private static final Set<String> LAYOUT_WORDS = Set.of("nav", "navbar", "navigation", "menu", "menus",
            "header", "masthead", "skip");
    private static final Set<String> CHROME_KIND_WORDS = Set.of("footer", "sidebar", "share", "sharing", "social", "comment",
            "comments", "related", "cookie", "cookies", "consent", "newsletter", "contact", "subscribe",
            "subscription", "breadcrumb", "breadcrumbs", "ad", "ads", "advert", "adverts", "advertisement", "promo",
            "popup", "modal");
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

    // A direct-mapped cache of class attribute values: a slot holds the last value that fell in it. The
    // slot comes from a few sampled characters, as hashing every class string in full costs about as much
    // as reading its names.
    private static final int CACHE_SLOTS = 512;
    private final String[] cachedValues = new String[CACHE_SLOTS];
    private final int[] cachedFlags = new int[CACHE_SLOTS];

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
            // Ids are unique on a page: caching them would only fill the cache.
            flags |= compute(id);
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
        int n = raw.length();
        int h = n * 31 + raw.charAt(0);
        h = h * 31 + raw.charAt(n - 1);
        h = h * 31 + raw.charAt(n >> 1);
        h = h * 31 + raw.charAt(n >> 2);
        h = h * 31 + raw.charAt((n * 3) >> 2);
        int slot = (h ^ (h >>> 9)) & (CACHE_SLOTS - 1);
        String cached = cachedValues[slot];
        if (cached != null && cached.equals(raw)) {
            return cachedFlags[slot];
        }
        int flags = compute(raw);
        cachedValues[slot] = raw;
        cachedFlags[slot] = flags;
        return flags;
    }

    /**
     * Walks the attribute value once, following each lower-cased word down {@link #WORDS} and each whole
     * name, separators left out, down {@link #NAMES}: no substrings are made, and most words leave the
     * tries at their first or second letter.
     */
    static int compute(String raw) {
        int[] wordNext = WORDS.next;
        int[] wordFlags = WORDS.flags;
        int[] nameNext = NAMES.next;
        int[] nameFlags = NAMES.flags;
        int flags = 0;
        int n = raw.length();
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            if (c <= ' ') {
                i++;
                continue;
            }
            // One space-separated name: its words (split on punctuation and camelCase) and the whole.
            int found = 0;
            boolean selectorName = false;
            int name = 0;
            int word = -1;
            boolean inWord = false;
            boolean prevLower = false;
            for (; i < n && (c = raw.charAt(i)) > ' '; i++) {
                boolean lower = c >= 'a' && c <= 'z';
                boolean upper = c >= 'A' && c <= 'Z';
                if (lower || upper) {
                    int letter = lower ? c - 'a' : c - 'A';
                    if (inWord && upper && prevLower) {
                        if (word >= 0) {
                            found |= wordFlags[word];
                        }
                        word = 0;
                    } else if (!inWord) {
                        inWord = true;
                        word = 0;
                    }
                    if (word >= 0) {
                        word = wordNext[word * 26 + letter];
                    }
                    if (name >= 0) {
                        name = nameNext[name * 26 + letter];
                    }
                    prevLower = lower;
                    continue;
                }
                prevLower = false;
                if (c >= '0' && c <= '9') {
                    // A word with a digit is no role word; a name with one no role name.
                    inWord = true;
                    word = -1;
                    name = -1;
                    continue;
                }
                if (inWord) {
                    if (word >= 0) {
                        found |= wordFlags[word];
                    }
                    inWord = false;
                }
                if (c == '[' || c == ':') {
                    selectorName = true;
                }
                if (c != '-' && c != '_') {
                    name = -1;
                }
            }
            if (inWord && word >= 0) {
                found |= wordFlags[word];
            }
            // Utility-class frameworks (Tailwind) put selectors in class names, e.g. "[&_figcaption]:mt-2";
            // those say nothing about the element's role.
            if (!selectorName) {
                flags |= found | (name >= 0 ? nameFlags[name] : 0);
            }
        }
        return flags;
    }

    /**
     * A letter trie of the role words in two arrays: {@code next[node * 26 + letter]} is the child node
     * (-1 for none, 0 is the root), {@code flags[node]} the flags of the word ending there.
     */
    private static final class Trie {
        int[] next = filled(26);
        int[] flags = new int[1];
        int size = 1;

        void add(String word, int flag) {
            int node = 0;
            for (int i = 0; i < word.length(); i++) {
                int c = word.charAt(i) - 'a';
                if (next[node * 26 + c] < 0) {
                    if (size == flags.length) {
                        flags = java.util.Arrays.copyOf(flags, size * 2);
                        int[] grown = filled(size * 2 * 26);
                        System.arraycopy(next, 0, grown, 0, next.length);
                        next = grown;
                    }
                    next[node * 26 + c] = size++;
                }
                node = next[node * 26 + c];
            }
            flags[node] |= flag;
        }

        private static int[] filled(int n) {
            int[] a = new int[n];
            java.util.Arrays.fill(a, -1);
            return a;
        }
    }

    private static Trie words() {
        Trie root = new Trie();
        LAYOUT_WORDS.forEach(w -> root.add(w, CHROME));
        CHROME_KIND_WORDS.forEach(w -> root.add(w, CHROME | CHROME_KIND));
        OFF_ARTICLE_WORDS.forEach(w -> root.add(w, OFF_ARTICLE));
        META_WORDS.forEach(w -> root.add(w, META));
        CONTENT_WORDS.forEach(w -> root.add(w, CONTENT));
        AUTHOR_WORDS.forEach(w -> root.add(w, AUTHOR));
        return root;
    }

    private static Trie names() {
        Trie root = new Trie();
        STORY_NAMES.forEach(w -> root.add(w, STORY));
        SCREEN_READER_NAMES.forEach(w -> root.add(w, CHROME | CHROME_KIND));
        return root;
    }
}
