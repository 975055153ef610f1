package io.newsflow.producer.fetch;

import java.net.URI;

/**
 * One URL to fetch, with what the caller knows from an earlier fetch of it. Immutable.
 *
 * @param url the URL (http or https)
 * @param etag the ETag of the previous response, sent as {@code If-None-Match}; null for none
 * @param lastModified the Last-Modified of the previous response, sent as {@code If-Modified-Since};
 *     null for none
 * @param content which bodies are accepted
 */
public record FetchRequest(URI url, String etag, String lastModified, Content content) {

    /** Which bodies a fetch accepts. */
    public enum Content {
        /** HTML pages only: anything else is refused (by sniffing the bytes, not by the header alone). */
        HTML,
        /**
         * Any body (feeds, sitemaps, possibly gzip'd, robots.txt): no content check; every other guard
         * (address, redirects, size, timeouts) still applies.
         */
        ANY
    }

    public FetchRequest {
        if (url == null) {
            throw new IllegalArgumentException("url must not be null");
        }
        if (content == null) {
            throw new IllegalArgumentException("content must not be null");
        }
    }

    /** An HTML page, fetched unconditionally. */
    public static FetchRequest page(URI url) {
        return new FetchRequest(url, null, null, Content.HTML);
    }

    /** A feed, sitemap or other non-HTML resource, fetched unconditionally. */
    public static FetchRequest any(URI url) {
        return new FetchRequest(url, null, null, Content.ANY);
    }

    /** The same request made conditional on the validators of a previous response (either may be null). */
    public FetchRequest ifChangedSince(String previousEtag, String previousLastModified) {
        return new FetchRequest(url, blankToNull(previousEtag), blankToNull(previousLastModified), content);
    }

    /** True when the request carries a validator, so a 304 may answer it. */
    public boolean conditional() {
        return etag != null || lastModified != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
