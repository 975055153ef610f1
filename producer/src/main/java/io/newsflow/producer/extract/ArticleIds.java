package io.newsflow.producer.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** Stable article ids: the Kafka key of {@code news.articles.raw}. Stateless and thread-safe. */
public final class ArticleIds {

    private ArticleIds() {
    }

    /**
     * Returns the first 32 lower-case hex digits of SHA-256 over the UTF-8 bytes of the canonical URL.
     * The caller normalises the URL first (see {@link UrlNormalizer}); this method hashes it as given.
     */
    public static String fromCanonicalUrl(String canonicalUrl) {
        Objects.requireNonNull(canonicalUrl, "canonicalUrl");
        byte[] digest = sha256().digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            // MessageDigest instances are not thread-safe, so each call gets its own.
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
