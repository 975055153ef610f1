package io.newsflow.producer.frontier;

import io.newsflow.producer.extract.UrlNormalizer;
import io.newsflow.schema.FrontierKind;
import io.newsflow.schema.FrontierUrl;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * How URLs are spelled and keyed on {@code news.frontier}: normalised ({@link UrlNormalizer}), keyed by
 * lower-case host so that one host's URLs share a partition. Local files ({@code file:} URLs of folder and
 * WARC sources) share the pseudo-host {@value #FILE_HOST}, which no real host name can be. Stateless.
 */
public final class FrontierUrls {

    /** The key of {@code file:} URLs. */
    public static final String FILE_HOST = "file:";

    private FrontierUrls() {
    }

    /** The normalised form of an http(s) URL; {@code file:} URLs and anything else unchanged. */
    public static String normalize(String url) {
        return UrlNormalizer.normalize(url);
    }

    /**
     * The frontier key of {@code url}: its lower-case host for http(s), {@value #FILE_HOST} for {@code file:},
     * null for anything else (no host, another scheme, not a URI).
     */
    public static String hostKey(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("file")) {
                return FILE_HOST;
            }
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.getHost().toLowerCase(Locale.ROOT);
            }
            return null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /**
     * A URL to queue.
     *
     * @param referrer the page, feed or sitemap it was found on; null for a configured start URL (a seed)
     * @param notBefore 0, or the earliest time to fetch it (epoch millis)
     * @param now the current time (epoch millis), recorded as {@code discoveredAt}
     */
    public static FrontierUrl of(String url, String sourceId, FrontierKind kind, int depth, String referrer,
                                 long notBefore, long now) {
        String normalized = normalize(url);
        String host = hostKey(normalized);
        if (host == null) {
            throw new IllegalArgumentException("not an http(s) or file URL: " + url);
        }
        return FrontierUrl.newBuilder()
                .setUrl(normalized)
                .setHost(host)
                .setSourceId(sourceId)
                .setKind(kind)
                .setDepth(depth)
                .setReferrer(referrer)
                .setNotBefore(Instant.ofEpochMilli(notBefore))
                .setDiscoveredAt(Instant.ofEpochMilli(now))
                .build();
    }
}
