package io.newsflow.streams.enrich;

/**
 * The story an article belongs to.
 *
 * @param storyId     the article id of the story's first article; the article's own id when it is the first
 * @param duplicateOf the earlier near-duplicate it matched, or null when it is the first of its story
 * @param distance    Hamming distance to {@code duplicateOf}'s fingerprint (whole body or lead, whichever matched);
 *                    0 when it is the first; -1 when unknown: a replayed article whose match has left the store
 */
public record StoryAssignment(String storyId, String duplicateOf, int distance) {
}
