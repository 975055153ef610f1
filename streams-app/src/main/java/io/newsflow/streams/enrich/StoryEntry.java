package io.newsflow.streams.enrich;

/**
 * One article in a {@link BandStore} band.
 *
 * @param simhash         the fingerprint the band was cut from (whole body or lead, per the band key)
 * @param storyId         the story the article was assigned to
 * @param articleId       the article
 * @param timestampMillis the article's time, used for retention
 */
public record StoryEntry(long simhash, String storyId, String articleId, long timestampMillis) {
}
