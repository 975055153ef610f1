package io.newsflow.producer.extract;

import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;

/**
 * Attribute reads for the per-element checks every walk of the tree makes. jsoup's {@code attr(key)}
 * compares keys ignoring case; the HTML parser has already lower-cased them, so an exact comparison is
 * enough and much cheaper when it runs on every element of a page.
 */
final class Attrs {

    private Attrs() {
    }

    /** The element's attributes, or null when it has none (without creating an empty set on it). */
    static Attributes of(Element el) {
        return el.attributesSize() == 0 ? null : el.attributes();
    }

    /** The value of attribute {@code lowerCaseKey}, or "" when absent. */
    static String get(Element el, String lowerCaseKey) {
        return get(of(el), lowerCaseKey);
    }

    static String get(Attributes attributes, String lowerCaseKey) {
        return attributes == null ? "" : attributes.get(lowerCaseKey);
    }

    static boolean has(Element el, String lowerCaseKey) {
        return has(of(el), lowerCaseKey);
    }

    static boolean has(Attributes attributes, String lowerCaseKey) {
        return attributes != null && attributes.hasKey(lowerCaseKey);
    }
}
