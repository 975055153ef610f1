package io.newsflow.streams.enrich;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 64-bit SimHash (Charikar) of an article's text, for finding near-duplicates: copies of one story that
 * differ in headline or punctuation have fingerprints a few bits apart, unrelated articles about 32 bits
 * apart.
 *
 * <p>Features are word 3-shingles of the body, lower-cased {@code \w+} tokens, each occurrence counted.
 * The title is left out so that a syndicated copy under another headline still matches; only a body
 * shorter than {@value #MIN_BODY_TOKENS} tokens is fingerprinted together with the title, because a
 * few shingles alone would make every short item look alike.
 *
 * <p>The expected distance grows with the share of shingles that differ (about 64·θ/π bits for an angle
 * θ between the shingle vectors), so one replaced paragraph in eight already moves a whole-body
 * fingerprint about 10 bits. {@link #ofLead} therefore also fingerprints only the first
 * {@value #LEAD_TOKENS} tokens: copies usually keep the lead and differ further down (trimmed endings,
 * a rewritten paragraph), which leaves the lead fingerprint unchanged.
 *
 * <p>Stateless and thread-safe.
 */
public final class SimHash {

    static final int SHINGLE = 3;
    static final int MIN_BODY_TOKENS = 30;
    /** About the first two or three sentences: long enough to be specific to one story. */
    static final int LEAD_TOKENS = 100;
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private SimHash() {
    }

    /** The fingerprint of an article; 0 when it has no words at all. */
    public static long of(String title, String body) {
        List<String> tokens = tokens(body);
        if (tokens.size() < MIN_BODY_TOKENS) {
            List<String> all = tokens(title);
            all.addAll(tokens);
            tokens = all;
        }
        return ofTokens(tokens);
    }

    /** The fingerprint of the article's first {@value #LEAD_TOKENS} tokens (same input rules as {@link #of}). */
    public static long ofLead(String title, String body) {
        List<String> tokens = tokens(body);
        if (tokens.size() < MIN_BODY_TOKENS) {
            return of(title, body);
        }
        return ofTokens(tokens.subList(0, Math.min(tokens.size(), LEAD_TOKENS)));
    }

    /** Number of differing bits. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    static long ofTokens(List<String> tokens) {
        if (tokens.isEmpty()) {
            return 0L;
        }
        int[] votes = new int[Long.SIZE];
        int shingles = Math.max(1, tokens.size() - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            long hash = hash(String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + SHINGLE))));
            for (int bit = 0; bit < Long.SIZE; bit++) {
                votes[bit] += (hash >>> bit & 1L) == 1L ? 1 : -1;
            }
        }
        long fingerprint = 0L;
        for (int bit = 0; bit < Long.SIZE; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text != null) {
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                tokens.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return tokens;
    }

    /**
     * FNV-1a over the UTF-8 bytes, then MurmurHash3's 64-bit finaliser: FNV alone mixes the last bytes
     * poorly into the high bits, and every bit has to be a fair coin for SimHash to work.
     */
    static long hash(String shingle) {
        long h = 0xcbf29ce484222325L;
        for (byte b : shingle.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
