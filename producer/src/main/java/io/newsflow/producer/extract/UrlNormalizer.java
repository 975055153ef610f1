package io.newsflow.producer.extract;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.regex.Pattern;

/**
 * Normalises http(s) URLs so that one page has one spelling: lower-case scheme and host, no default
 * port, no fragment, dot segments resolved, percent-encoding and query order normalised (crawler-commons
 * {@link BasicURLNormalizer}). Stateless and thread-safe.
 */
public final class UrlNormalizer {

    // BasicURLNormalizer keeps only final configuration fields, so one instance can be shared.
    private static final BasicURLNormalizer NORMALIZER = new BasicURLNormalizer();

    // Letters, digits, dots, hyphens, or an IPv6 literal; anything else is not a host we can fetch.
    private static final Pattern VALID_HOST = Pattern.compile("[\\p{L}\\p{N}.\\-]+|\\[[0-9A-Fa-f:.]+]");

    private UrlNormalizer() {
    }

    /**
     * Returns the normalised form of {@code url}, or {@code url} unchanged when it is not an absolute
     * http(s) URL that can be parsed (including {@code null}).
     */
    public static String normalize(String url) {
        if (url == null || url.isBlank()) {
            return url;
        }
        String candidate = url.strip();
        int hash = candidate.indexOf('#');
        if (hash >= 0) {
            candidate = candidate.substring(0, hash);
        }
        // The normaliser mangles raw spaces in a path (it reads them as a parameter boundary).
        candidate = candidate.replace(" ", "%20");
        if (!isHttpUrl(candidate)) {
            return url;
        }
        String normalised = NORMALIZER.filter(candidate);
        return normalised == null || normalised.isEmpty() ? url : normalised;
    }

    private static boolean isHttpUrl(String candidate) {
        try {
            URL parsed = new URL(candidate);
            String protocol = parsed.getProtocol();
            return ("http".equals(protocol) || "https".equals(protocol))
                    && VALID_HOST.matcher(parsed.getHost()).matches();
        } catch (MalformedURLException e) {
            return false;
        }
    }
}
