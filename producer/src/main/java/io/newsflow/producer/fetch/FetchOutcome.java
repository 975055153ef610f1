package io.newsflow.producer.fetch;

import java.net.URI;
import java.nio.charset.Charset;

/** What fetching one URL produced. Values only; every variant names the URL it is about. */
public sealed interface FetchOutcome permits FetchOutcome.Fetched, FetchOutcome.Refused, FetchOutcome.Failed {

    /** The URL that was asked for. */
    URI url();

    /**
     * An HTML page was read in full.
     *
     * @param url the URL asked for
     * @param finalUrl the URL after redirects
     * @param status HTTP status (2xx)
     * @param contentType the response's Content-Type, possibly null
     * @param charset charset named by the Content-Type header, or null to sniff (BOM, meta)
     * @param body the decompressed body
     * @param durationMillis time from request to last byte
     */
    record Fetched(URI url, URI finalUrl, int status, String contentType, Charset charset, byte[] body,
                   long durationMillis) implements FetchOutcome {
    }

    /**
     * The response was not used by rule: not HTML, too large, or an HTTP status that is not success.
     *
     * @param status HTTP status, or null when there was no response
     */
    record Refused(URI url, Integer status, String contentType, String reason, long bytes, long durationMillis)
            implements FetchOutcome {
    }

    /** No usable response: connection error, timeout, malformed response. */
    record Failed(URI url, String reason, long durationMillis) implements FetchOutcome {
    }
}
