package io.newsflow.streams.enrich.internal;

import java.util.List;

/**
 * Per-article state of {@link NameRules#find}.
 *
 * @param text   title + blank line + body
 * @param tokens its tokens
 * @param listed per token: part of a listed name
 * @param out    where mentions go
 */
record RunContext(String text, List<EntityToken> tokens, boolean[] listed, Mentions out) {

    EntityToken first(NameUnit unit) {
        return tokens.get(unit.from());
    }

    String word(NameUnit unit) {
        return tokens.get(unit.from()).text();
    }
}
