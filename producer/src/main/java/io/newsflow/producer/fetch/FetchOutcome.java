package io.newsflow.producer.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;

/**
 * What fetching one URL produced. Values only; every variant names the URL it is about and how long
 * the fetch took. Every variant but {@link Fetched} gives the {@code news.fetch-status} outcome it
 * ends as ({@code statusOutcome()}); a fetched page's outcome is decided by extraction.
 */
public sealed interface FetchOutcome
        permits FetchOutcome.Fetched, FetchOutcome.NotModified, FetchOutcome.Refused, FetchOutcome.Failed {

    /** The URL that was asked for. */
    URI url();

    /** Time from the first request to the decision, in milliseconds. */
    long durationMillis();

    /**
     * A page (or, for {@link FetchRequest.Content#ANY}, any body) was read in full.
     *
     * @param url the URL asked for
     * @param finalUrl the URL after redirects
     * @param status HTTP status (2xx)
     * @param contentType the response's Content-Type, possibly null
     * @param charset the charset to decode the body with ({@link CharsetDetector}: BOM, header, meta,
     *     with the UTF-8/windows-1252 correction); for {@link FetchRequest.Content#ANY} bodies, which
     *     are not assumed to be text, only the header's charset, or null
     * @param body the decompressed body
     * @param durationMillis time from request to last byte, redirects included
     * @param charsetSource where {@code charset} came from; null when {@code charset} is null
     * @param etag the response's ETag, to send on the next fetch of the URL; null when absent
     * @param lastModified the response's Last-Modified, to send on the next fetch; null when absent
     */
    record Fetched(URI url, URI finalUrl, int status, String contentType, Charset charset, byte[] body,
                   long durationMillis, CharsetDetector.Source charsetSource, String etag, String lastModified)
            implements FetchOutcome {
    }

    /**
     * A conditional fetch was answered 304 Not Modified: the caller's copy is current.
     *
     * @param etag the ETag the server sent with the 304, or the one the request carried
     * @param lastModified the Last-Modified the server sent with the 304, or the one the request carried
     */
    record NotModified(URI url, URI finalUrl, String etag, String lastModified, long durationMillis)
            implements FetchOutcome {

        /** {@code NOT_MODIFIED}. */
        public io.newsflow.schema.FetchOutcome statusOutcome() {
            return io.newsflow.schema.FetchOutcome.NOT_MODIFIED;
        }
    }

    /** Why a response (or a URL) was not used. */
    enum Refusal {
        /** The URL's scheme is not http or https. */
        SCHEME(io.newsflow.schema.FetchOutcome.REFUSED),
        /** The host is, or resolves to, an address the SSRF guard refuses ({@link AddressGuard}). */
        ADDRESS(io.newsflow.schema.FetchOutcome.REFUSED_ADDRESS),
        /** More redirects than {@link FetchSettings#maxRedirects()}. */
        REDIRECT_LIMIT(io.newsflow.schema.FetchOutcome.REFUSED),
        /** A redirect back to a URL already visited in this fetch. */
        REDIRECT_LOOP(io.newsflow.schema.FetchOutcome.REFUSED),
        /** A redirect to a scheme other than http or https ({@code file:}, {@code ftp:}, {@code javascript:}, ...). */
        REDIRECT_SCHEME(io.newsflow.schema.FetchOutcome.REFUSED),
        /** A status that is neither success, redirect nor 304. */
        HTTP_STATUS(io.newsflow.schema.FetchOutcome.HTTP_ERROR),
        /** The body is larger than {@link FetchSettings#maxBytes()}, before or after decompression. */
        TOO_LARGE(io.newsflow.schema.FetchOutcome.TOO_LARGE),
        /** The body is not HTML (sniffed from its bytes). */
        NOT_HTML(io.newsflow.schema.FetchOutcome.REFUSED),
        /** A Content-Encoding this fetcher cannot decode. */
        ENCODING(io.newsflow.schema.FetchOutcome.REFUSED);

        private final io.newsflow.schema.FetchOutcome statusOutcome;

        Refusal(io.newsflow.schema.FetchOutcome statusOutcome) {
            this.statusOutcome = statusOutcome;
        }

        /** The {@code news.fetch-status} outcome of this refusal. */
        public io.newsflow.schema.FetchOutcome statusOutcome() {
            return statusOutcome;
        }
    }

    /**
     * The response (or the URL) was not used by rule: see {@link Refusal}.
     *
     * @param url the URL asked for
     * @param status HTTP status of the last response, or null when no request was sent
     * @param contentType Content-Type of the last response, possibly null
     * @param reason what happened, for people (names the redirect target, the address, the limit)
     * @param bytes bytes of body read (after decompression when it got that far)
     * @param durationMillis time from the first request to the decision
     * @param refusal why, for programs
     * @param retryAfter the server's {@code Retry-After} on a 429 or 503, as a delay from now; null
     *     when absent or unreadable
     */
    record Refused(URI url, Integer status, String contentType, String reason, long bytes, long durationMillis,
                   Refusal refusal, Duration retryAfter) implements FetchOutcome {

        /** The {@code news.fetch-status} outcome of this refusal. */
        public io.newsflow.schema.FetchOutcome statusOutcome() {
            return refusal.statusOutcome();
        }
    }

    /** Why no usable response came. */
    enum Failure {
        /** Connect, read (no bytes for too long) or total timeout. */
        TIMEOUT(io.newsflow.schema.FetchOutcome.TIMEOUT),
        /** Unknown host, connection refused or reset, TLS error. */
        NETWORK(io.newsflow.schema.FetchOutcome.FAILED),
        /** A malformed response: undecodable body, redirect without a usable Location. */
        BAD_RESPONSE(io.newsflow.schema.FetchOutcome.FAILED),
        /** The fetching thread was interrupted. */
        INTERRUPTED(io.newsflow.schema.FetchOutcome.FAILED);

        private final io.newsflow.schema.FetchOutcome statusOutcome;

        Failure(io.newsflow.schema.FetchOutcome statusOutcome) {
            this.statusOutcome = statusOutcome;
        }

        /** The {@code news.fetch-status} outcome of this failure. */
        public io.newsflow.schema.FetchOutcome statusOutcome() {
            return statusOutcome;
        }
    }

    /** No usable response: see {@link Failure}. */
    record Failed(URI url, String reason, long durationMillis, Failure failure) implements FetchOutcome {

        /** The {@code news.fetch-status} outcome of this failure. */
        public io.newsflow.schema.FetchOutcome statusOutcome() {
            return failure.statusOutcome();
        }
    }
}
