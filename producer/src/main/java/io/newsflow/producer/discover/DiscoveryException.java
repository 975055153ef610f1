package io.newsflow.producer.discover;

/**
 * A feed, sitemap or WARC file could not be read: not the expected format, malformed, or refused for safety
 * (a DOCTYPE with entity declarations, a decompression bomb). The message names the document's URL or path.
 * Checked, because malformed input is an expected outcome of crawling that the caller records, not a bug.
 */
public class DiscoveryException extends Exception {

    private static final long serialVersionUID = 1L;

    public DiscoveryException(String message) {
        super(message);
    }

    public DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
