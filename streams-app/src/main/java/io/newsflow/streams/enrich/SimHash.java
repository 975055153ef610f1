package io.newsflow.streams.enrich;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    private SimHash() {
    }

    /** The fingerprint of an article; 0 when it has no words at all. */
    public static long of(String title, String body) {
        return fingerprints(title, body).body();
    }

    /** The fingerprint of the article's first {@value #LEAD_TOKENS} tokens (same input rules as {@link #of}). */
    public static long ofLead(String title, String body) {
        return fingerprints(title, body).lead();
    }

    /**
     * Both fingerprints of an article from one pass over its words: {@code body} as {@link #of},
     * {@code lead} as {@link #ofLead}.
     */
    public record Fingerprints(long body, long lead) {
    }

    /** {@link #of} and {@link #ofLead} together, tokenising the text once. */
    public static Fingerprints fingerprints(String title, String body) {
        List<byte[]> tokens = utf8Tokens(body);
        if (tokens.size() < MIN_BODY_TOKENS) {
            List<byte[]> all = utf8Tokens(title);
            all.addAll(tokens);
            long fingerprint = ofUtf8Tokens(all);
            return new Fingerprints(fingerprint, fingerprint);
        }
        return new Fingerprints(ofUtf8Tokens(tokens), ofUtf8Tokens(tokens.subList(0, Math.min(tokens.size(), LEAD_TOKENS))));
    }

    /** Number of differing bits. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    static long ofTokens(List<String> tokens) {
        List<byte[]> utf8 = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            utf8.add(token.getBytes(StandardCharsets.UTF_8));
        }
        return ofUtf8Tokens(utf8);
    }

    /**
     * Votes of each shingle's {@link #hash} — the hash of its tokens joined by single spaces, computed
     * over the tokens' bytes without building the joined string.
     */
    private static long ofUtf8Tokens(List<byte[]> tokens) {
        if (tokens.isEmpty()) {
            return 0L;
        }
        int[] votes = new int[Long.SIZE];
        int shingles = Math.max(1, tokens.size() - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            long h = FNV_OFFSET;
            int last = Math.min(tokens.size(), i + SHINGLE);
            for (int t = i; t < last; t++) {
                if (t > i) {
                    h = fnv(h, (byte) ' ');
                }
                for (byte b : tokens.get(t)) {
                    h = fnv(h, b);
                }
            }
            long hash = mix(h);
            for (int bit = 0; bit < Long.SIZE; bit++) {
                votes[bit] += (int) ((hash >>> bit & 1L) << 1) - 1;
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

    /**
     * The lower-cased words of a text as UTF-8: runs of Unicode word characters, the tokens
     * {@code \w+} with {@link java.util.regex.Pattern#UNICODE_CHARACTER_CLASS} finds, by a scan over the code points.
     */
    static List<byte[]> utf8Tokens(String text) {
        List<byte[]> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                cp = text.codePointAt(i);
                if (!isWordChar(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
            tokens.add(text.substring(start, i).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        }
        return tokens;
    }

    /** Java's definition of {@code \w} under {@link java.util.regex.Pattern#UNICODE_CHARACTER_CLASS}. */
    static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
        }
        if (Character.isAlphabetic(cp) || Character.isDigit(cp) || cp == 0x200C || cp == 0x200D) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.CONNECTOR_PUNCTUATION;
    }

    /**
     * FNV-1a over the UTF-8 bytes, then MurmurHash3's 64-bit finaliser: FNV alone mixes the last bytes
     * poorly into the high bits, and every bit has to be a fair coin for SimHash to work.
     */
    static long hash(String shingle) {
        long h = FNV_OFFSET;
        for (byte b : shingle.getBytes(StandardCharsets.UTF_8)) {
            h = fnv(h, b);
        }
        return mix(h);
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;

    private static long fnv(long h, byte b) {
        return (h ^ (b & 0xff)) * 0x100000001b3L;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
