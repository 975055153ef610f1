package io.newsflow.producer.discover;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;

/** Small helpers shared by the feed and sitemap readers. */
final class Links {

    private Links() {
    }

    /**
     * Resolves {@code href} against {@code base} and returns it without its fragment if it is an absolute http(s)
     * URL with a host; null for blank, unparseable or non-http(s) links (mailto:, javascript:, ftp:, ...).
     * Spaces, which publishers leave in links surprisingly often, are percent-encoded first.
     */
    static URI resolveHttp(URI base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(href.strip().replace(" ", "%20"));
            URI resolved = base == null ? uri : base.resolve(uri);
            String scheme = resolved.getScheme();
            if (scheme == null || resolved.getHost() == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            if (resolved.getRawFragment() == null) {
                return resolved;
            }
            String text = resolved.toString();
            return URI.create(text.substring(0, text.indexOf('#')));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The later of two instants, either of which may be null. */
    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }
}
