package io.newsflow.streams.enrich;

import java.util.List;

/**
 * Where {@link StoryMatcher} keeps its LSH bands: band key → the articles whose fingerprint has that
 * band value. In the topology a Kafka Streams key-value store backs it, so the bands survive restarts;
 * tests use a map.
 *
 * <p>{@link StoryMatcher} reads and rewrites whole lists and never holds on to them; implementations
 * need no thread-safety beyond what their single caller (one stream task) needs.
 */
public interface BandStore {

    /** The entries stored under {@code bandKey}, or null (or an empty list) when there are none. */
    List<StoryEntry> get(String bandKey);

    /** Replaces the entries under {@code bandKey}. */
    void put(String bandKey, List<StoryEntry> entries);
}
