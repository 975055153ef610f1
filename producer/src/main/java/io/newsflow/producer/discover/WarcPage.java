package io.newsflow.producer.discover;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One archived HTTP response read from a WARC file.
 *
 * @param url the WARC-Target-URI: the URL that was fetched
 * @param status the HTTP status (always 2xx: other responses are skipped by {@link WarcReader})
 * @param contentType the response's Content-Type header as archived (with any charset parameter), or null
 * @param body the payload with chunked transfer coding and Content-Encoding (gzip, deflate, br) removed
 * @param date the WARC-Date: when the page was captured
 */
public record WarcPage(URI url, int status, String contentType, byte[] body, Instant date) {

    public WarcPage {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
    }
}
