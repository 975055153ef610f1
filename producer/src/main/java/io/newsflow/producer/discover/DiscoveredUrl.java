package io.newsflow.producer.discover;

import io.newsflow.schema.FrontierKind;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A URL found in a feed, a sitemap or a robots.txt file, with what it is expected to be.
 *
 * @param url absolute http(s) URL, resolved against the document it was found in
 * @param kind {@code PAGE} for an article or listing page, {@code FEED} or {@code SITEMAP} for a document
 *     that lists more URLs (e.g. the child sitemaps of a sitemap index)
 * @param lastModified when the publisher says the page was published or last changed; null if it does not say
 */
public record DiscoveredUrl(URI url, FrontierKind kind, Instant lastModified) {

    public DiscoveredUrl {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
    }
}
