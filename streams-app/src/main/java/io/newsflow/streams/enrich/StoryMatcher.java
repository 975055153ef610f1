package io.newsflow.streams.enrich;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assigns articles to stories: an article whose {@link SimHash} fingerprint is within
 * {@code maxDistance} bits of an earlier article's joins that article's story; otherwise it starts a
 * story of its own (story id = its article id).
 *
 * <p>Two fingerprints are compared, the whole body and the lead ({@link SimHash#ofLead}); either
 * matching is enough, because copies that differ by a rewritten paragraph or a trimmed ending keep
 * the lead, while light edits anywhere keep the whole-body fingerprint close.
 *
 * <p>Candidates are found with LSH bands (Manku, Jain and Das Sarma, 2007): each 64-bit fingerprint is
 * cut into {@code maxDistance + 1} bands (4 × 16 bits for the default 3), so by the pigeonhole principle
 * two fingerprints at most {@code maxDistance} bits apart agree exactly on at least one band. The
 * {@link BandStore} maps each band value to the articles that have it; only those are compared.
 * Memory stays bounded: when a band is rewritten, entries older than the retention (relative to the
 * article being assigned) are dropped and at most {@code maxEntriesPerBand} of the newest are kept.
 *
 * <p>An article already in the store (a replay) gets its recorded story back.
 *
 * <p>Not thread-safe: use one per stream task, like the store behind it.
 */
public final class StoryMatcher {

    /** Name and version of the story model (64-bit SimHash over body shingles), for the {@code models} map. */
    public static final String VERSION = "simhash64-1";
    public static final int DEFAULT_MAX_DISTANCE = 3;
    public static final int DEFAULT_MAX_ENTRIES_PER_BAND = 64;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    /** 16 bands of 4 bits: beyond that a band value is shared by too many unrelated articles. */
    static final int MAX_SUPPORTED_DISTANCE = 15;

    /** One band of one fingerprint: its store key, the fingerprint it was cut from, and which one that is. */
    private record Band(String key, long fingerprint, boolean lead) {
    }

    /**
     * An earlier article within reach through at least one fingerprint; a distance is
     * {@link Integer#MAX_VALUE} while unknown (that fingerprint shared no band).
     */
    private record Candidate(StoryEntry entry, int bodyDistance, int leadDistance) {
        int distance() {
            return Math.min(bodyDistance, leadDistance);
        }

        /** Closer wins; then the one also close by its other fingerprint; then the older, nearer the original. */
        boolean isBetterThan(Candidate other) {
            if (distance() != other.distance()) {
                return distance() < other.distance();
            }
            int worse = Math.max(bodyDistance, leadDistance);
            int otherWorse = Math.max(other.bodyDistance, other.leadDistance);
            if (worse != otherWorse) {
                return worse < otherWorse;
            }
            return entry.timestampMillis() < other.entry().timestampMillis();
        }
    }

    private final BandStore store;
    private final int maxDistance;
    private final int maxEntriesPerBand;
    private final long retentionMillis;

    /**
     * @param store             where the bands live
     * @param maxDistance       largest Hamming distance still counted as the same story, 0 to
     *                          {@value #MAX_SUPPORTED_DISTANCE}
     * @param maxEntriesPerBand entries kept per band value, at least 1
     * @param retention         how long an article can be matched, positive
     */
    public StoryMatcher(BandStore store, int maxDistance, int maxEntriesPerBand, Duration retention) {
        this.store = Objects.requireNonNull(store, "store");
        if (maxDistance < 0 || maxDistance > MAX_SUPPORTED_DISTANCE) {
            throw new IllegalArgumentException("maxDistance must be 0.." + MAX_SUPPORTED_DISTANCE + ": " + maxDistance);
        }
        if (maxEntriesPerBand < 1) {
            throw new IllegalArgumentException("maxEntriesPerBand must be at least 1: " + maxEntriesPerBand);
        }
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        this.maxDistance = maxDistance;
        this.maxEntriesPerBand = maxEntriesPerBand;
        this.retentionMillis = retention.toMillis();
    }

    /**
     * A matcher with {@link #DEFAULT_MAX_DISTANCE}, {@link #DEFAULT_MAX_ENTRIES_PER_BAND} and
     * {@link #DEFAULT_RETENTION}.
     */
    public static StoryMatcher withDefaults(BandStore store) {
        return new StoryMatcher(store, DEFAULT_MAX_DISTANCE, DEFAULT_MAX_ENTRIES_PER_BAND, DEFAULT_RETENTION);
    }

    /**
     * Finds the story of an article and records the article in the store.
     *
     * @param timestampMillis the article's time (e.g. published, else fetched); entries older than this
     *                        minus the retention are neither matched nor kept
     */
    public StoryAssignment assign(String articleId, String title, String body, long timestampMillis) {
        return assign(articleId, SimHash.of(title, body), SimHash.ofLead(title, body), timestampMillis);
    }

    /**
     * As {@link #assign(String, String, String, long)}, with the fingerprints already computed
     * ({@link SimHash#of} and {@link SimHash#ofLead} of the title and body): the topology computes
     * them in its parallel stage, so the single-partition stage only looks them up.
     */
    public StoryAssignment assign(String articleId, long bodyFingerprint, long leadFingerprint, long timestampMillis) {
        Objects.requireNonNull(articleId, "articleId");
        long cutoff = timestampMillis < Long.MIN_VALUE + retentionMillis
                ? Long.MIN_VALUE : timestampMillis - retentionMillis;
        List<Band> bands = bands(bodyFingerprint, leadFingerprint);
        List<List<StoryEntry>> stored = new ArrayList<>();
        Map<String, Candidate> candidates = new HashMap<>();
        StoryEntry self = null;
        for (Band band : bands) {
            List<StoryEntry> entries = store.get(band.key());
            entries = entries == null ? List.of() : entries;
            stored.add(entries);
            for (StoryEntry entry : entries) {
                if (entry.articleId().equals(articleId)) {
                    self = entry;
                } else if (entry.timestampMillis() >= cutoff) {
                    int distance = SimHash.distance(band.fingerprint(), entry.simhash());
                    candidates.merge(entry.articleId(), band.lead()
                            ? new Candidate(entry, Integer.MAX_VALUE, distance)
                            : new Candidate(entry, distance, Integer.MAX_VALUE), StoryMatcher::combine);
                }
            }
        }
        Candidate best = null;
        for (Candidate candidate : candidates.values()) {
            if (candidate.distance() <= maxDistance && (best == null || candidate.isBetterThan(best))) {
                best = candidate;
            }
        }
        StoryAssignment assignment = self != null ? replay(self, articleId, best)
                : best == null ? new StoryAssignment(articleId, null, 0)
                : new StoryAssignment(best.entry().storyId(), best.entry().articleId(), best.distance());
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            StoryEntry entry = new StoryEntry(band.fingerprint(), assignment.storyId(), articleId, timestampMillis);
            store.put(band.key(), rewrite(stored.get(i), entry, cutoff));
        }
        return assignment;
    }

    private static Candidate combine(Candidate a, Candidate b) {
        return new Candidate(a.entry(), Math.min(a.bodyDistance(), b.bodyDistance()),
                Math.min(a.leadDistance(), b.leadDistance()));
    }

    private static StoryAssignment replay(StoryEntry self, String articleId, Candidate best) {
        if (self.storyId().equals(articleId)) {
            return new StoryAssignment(articleId, null, 0);
        }
        if (best != null && best.entry().storyId().equals(self.storyId())) {
            return new StoryAssignment(self.storyId(), best.entry().articleId(), best.distance());
        }
        return new StoryAssignment(self.storyId(), self.storyId(), -1);
    }

    /** The band's entries with this article in, expired ones out, newest first, at most the cap. */
    private List<StoryEntry> rewrite(List<StoryEntry> entries, StoryEntry added, long cutoff) {
        List<StoryEntry> kept = new ArrayList<>(entries.size() + 1);
        kept.add(added);
        for (StoryEntry entry : entries) {
            if (!entry.articleId().equals(added.articleId()) && entry.timestampMillis() >= cutoff) {
                kept.add(entry);
            }
        }
        kept.sort(Comparator.comparingLong(StoryEntry::timestampMillis).reversed());
        return List.copyOf(kept.subList(0, Math.min(maxEntriesPerBand, kept.size())));
    }

    /** The store keys an article with these fingerprints is filed under. */
    List<String> bandKeys(long body, long lead) {
        return bands(body, lead).stream().map(Band::key).toList();
    }

    /**
     * Band keys name the fingerprint kind, the band count and the band: "b4.0:3fa2" is band 0 of 4 of a
     * body fingerprint. A store written with another {@code maxDistance} thus never mixes layouts.
     */
    private List<Band> bands(long body, long lead) {
        int count = maxDistance + 1;
        List<Band> bands = new ArrayList<>(2 * count);
        for (boolean isLead : new boolean[] {false, true}) {
            long fingerprint = isLead ? lead : body;
            String prefix = isLead ? "l" : "b";
            for (int b = 0; b < count; b++) {
                int from = b * Long.SIZE / count;
                int to = (b + 1) * Long.SIZE / count;
                long value = (fingerprint >>> from) & (to - from == Long.SIZE ? -1L : (1L << (to - from)) - 1);
                bands.add(new Band(prefix + count + "." + b + ":" + Long.toHexString(value), fingerprint, isLead));
            }
        }
        return bands;
    }
}
