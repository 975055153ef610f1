package io.newsflow.streams.enrich.internal;

/**
 * One unit of a run of capitalised words: a listed name (several tokens), a word, a connector such as
 * "of", or something that breaks a run.
 *
 * @param from  first token index
 * @param to    token index after the unit
 * @param kind  what it is
 * @param entry the gazetteer entry of a {@link Kind#LISTED} unit; null otherwise
 */
record NameUnit(int from, int to, Kind kind, Gazetteer.Entry entry) {

    enum Kind { LISTED, WORD, CONNECTOR, BREAK }

    /** Can be part of a name: a listed name or a capitalised word. */
    boolean nameLike() {
        return kind == Kind.LISTED || kind == Kind.WORD;
    }
}
