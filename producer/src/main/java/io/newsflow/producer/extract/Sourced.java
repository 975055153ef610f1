package io.newsflow.producer.extract;

import java.util.Collection;

/**
 * A field value with the label of where it was found ("json-ld", "og", "citation"...), which ends up
 * in {@code Article.fieldSources}.
 */
record Sourced<T>(T value, String source) {

    /** Returns a candidate, or null when {@code value} is null, blank or an empty collection. */
    static <T> Sourced<T> of(T value, String source) {
        if (value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty())) {
            return null;
        }
        return new Sourced<>(value, source);
    }

    /** The first non-null candidate in priority order, or null. */
    @SafeVarargs
    static <T> Sourced<T> first(Sourced<T>... candidates) {
        for (Sourced<T> candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
