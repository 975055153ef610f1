package io.newsflow.producer.fetch;

import io.newsflow.producer.fetch.FetchOutcome.Failure;
import io.newsflow.producer.fetch.FetchOutcome.Refusal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one URL over HTTP(S) with the JDK's client, with every guard a crawler needs against
 * hostile or broken servers. Never throws for network or HTTP problems: those become
 * {@link FetchOutcome.Refused} or {@link FetchOutcome.Failed}, each with a reason and the
 * {@code news.fetch-status} outcome it maps to.
 *
 * <ul>
 *   <li><b>Addresses (SSRF)</b>: before every request, redirects included, the host is checked by an
 *       {@link AddressGuard} (private, loopback, link-local, ... refused unless allowed; every address
 *       a name resolves to must pass; numeric hosts such as {@code 2130706433} are read as browsers
 *       read them and requested in canonical form). See {@link AddressGuard} for the DNS-rebinding
 *       residual risk.</li>
 *   <li><b>Redirects</b> are followed here, not by the client: at most
 *       {@link FetchSettings#maxRedirects()}, a redirect back to a URL already visited is a loop, and
 *       a redirect to anything but http or https is refused.</li>
 *   <li><b>Timeouts</b>: connect; read (no bytes for {@link FetchSettings#readTimeout()}, counted from
 *       the request, so it also bounds the wait for headers); total (from the first request to the
 *       last byte of the body, redirects included, so a server that trickles bytes cannot hold a
 *       fetch).</li>
 *   <li><b>Size</b>: the body is read up to {@link FetchSettings#maxBytes()}, then decompressed
 *       (gzip, deflate, brotli) with the same cap on the decompressed bytes.</li>
 *   <li><b>Content</b>: for {@link FetchRequest.Content#HTML} the bytes are sniffed
 *       ({@link ContentSniffer}): binary formats are refused whatever the header says, HTML served
 *       with a generic type is accepted. The charset to decode with is decided by
 *       {@link CharsetDetector}.</li>
 *   <li><b>Conditional GET</b>: a request's ETag and Last-Modified are sent as If-None-Match and
 *       If-Modified-Since (on every hop of a redirect chain, since the caller's validators belong to
 *       the chain's last response); a 304 is {@link FetchOutcome.NotModified}.</li>
 *   <li><b>Retry-After</b> on a 429 or 503 is exposed in {@link FetchOutcome.Refused#retryAfter()}.</li>
 * </ul>
 *
 * <p>Thread-safe; one instance (one connection pool) serves every thread.
 */
public final class HttpFetcher {

    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

    /** Redirect and 304 bodies are not used: read at most this much of them, then drop the connection. */
    private static final long IGNORED_BODY_BYTES = 16 * 1024;

    private final HttpClient client;
    private final FetchSettings settings;
    private final AddressGuard guard;
    private final Clock clock;

    /** A fetcher whose address guard allows {@link FetchSettings#allowedAddresses()} and resolves names with DNS. */
    public HttpFetcher(FetchSettings settings) {
        this(settings, new AddressGuard(settings.allowedAddresses()), Clock.systemUTC());
    }

    /**
     * A fetcher with its own address guard (e.g. with another resolver) and clock (for Retry-After dates).
     */
    public HttpFetcher(FetchSettings settings, AddressGuard guard, Clock clock) {
        this.settings = settings;
        this.guard = guard;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Fetches the HTML page at {@code url}, unconditionally. */
    public FetchOutcome fetch(URI url) {
        return fetch(FetchRequest.page(url));
    }

    /** Fetches {@code request}, following redirects within the limits of the settings. */
    public FetchOutcome fetch(FetchRequest request) {
        long start = System.nanoTime();
        long deadline = start + settings.totalTimeout().toNanos();
        URI asked = request.url();
        URI current = asked;
        Set<String> visited = new HashSet<>();
        int redirects = 0;
        while (true) {
            Target target = target(asked, current, start);
            if (target.problem() != null) {
                return target.problem();
            }
            visited.add(visitKey(target.uri()));
            Exchange exchange = send(request, target.uri(), deadline, start);
            if (exchange.failure() != null) {
                return exchange.failure();
            }
            HttpResponse<CappedBody> response = exchange.response();
            int status = response.statusCode();
            if (!isRedirect(status)) {
                return toOutcome(request, target.uri(), response, millisSince(start));
            }
            String location = response.headers().firstValue("Location").orElse("").trim();
            if (location.isEmpty()) {
                return new FetchOutcome.Failed(asked, "HTTP " + status + " from " + target.uri() + " without Location",
                        millisSince(start), Failure.BAD_RESPONSE);
            }
            URI next = resolve(target.uri(), location);
            if (next == null) {
                return new FetchOutcome.Failed(asked, "HTTP " + status + " from " + target.uri()
                        + " with an unreadable Location '" + location + "'", millisSince(start), Failure.BAD_RESPONSE);
            }
            if (!isHttp(next)) {
                return refused(asked, status, response, Refusal.REDIRECT_SCHEME,
                        "redirect from " + target.uri() + " to a non-HTTP URL: " + next, start);
            }
            if (visited.contains(visitKey(next))) {
                return refused(asked, status, response, Refusal.REDIRECT_LOOP,
                        "redirect loop: " + target.uri() + " redirects back to " + next, start);
            }
            if (++redirects > settings.maxRedirects()) {
                return refused(asked, status, response, Refusal.REDIRECT_LIMIT,
                        "more than " + settings.maxRedirects() + " redirects (next: " + next + ")", start);
            }
            log.debug("Redirect {} {} -> {}", status, target.uri(), next);
            current = next;
        }
    }

    /** The URI to request for {@code url}, or why it may not be requested. */
    private record Target(URI uri, FetchOutcome problem) {
    }

    private Target target(URI asked, URI url, long start) {
        if (!isHttp(url)) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return new Target(null, new FetchOutcome.Refused(asked, null, null,
                    "scheme '" + scheme + "' is not http or https", 0, millisSince(start), Refusal.SCHEME, null));
        }
        HostPort hostPort = HostPort.of(url);
        if (hostPort == null) {
            return new Target(null, new FetchOutcome.Refused(asked, null, null, "no valid host in " + url, 0,
                    millisSince(start), Refusal.ADDRESS, null));
        }
        AddressGuard.Verdict verdict = guard.check(hostPort.host());
        if (verdict instanceof AddressGuard.Verdict.Refused refused) {
            String where = url.equals(asked) ? "" : " (redirected to " + url + ")";
            return new Target(null, new FetchOutcome.Refused(asked, null, null, "address refused: " + refused.reason()
                    + where, 0, millisSince(start), Refusal.ADDRESS, null));
        }
        if (verdict instanceof AddressGuard.Verdict.Unresolved unresolved) {
            return new Target(null, new FetchOutcome.Failed(asked, unresolved.reason(), millisSince(start),
                    Failure.NETWORK));
        }
        String host = ((AddressGuard.Verdict.Allowed) verdict).host();
        if (host.equals(url.getHost())) {
            return new Target(url, null);
        }
        // A numeric host in a non-canonical form (or one java.net.URI cannot read): request the checked
        // address, so nothing downstream can read the host as another address.
        String rebuilt = url.getScheme().toLowerCase(Locale.ROOT) + "://"
                + (hostPort.userInfo() == null ? "" : hostPort.userInfo() + "@") + host
                + (hostPort.port() < 0 ? "" : ":" + hostPort.port())
                + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        try {
            return new Target(new URI(rebuilt), null);
        } catch (URISyntaxException e) {
            return new Target(null, new FetchOutcome.Refused(asked, null, null, "no valid host in " + url, 0,
                    millisSince(start), Refusal.ADDRESS, null));
        }
    }

    /** A URI's host (percent-decoded, as browsers do), user info and port, also for hosts java.net.URI cannot read. */
    private record HostPort(String host, String userInfo, int port) {
        static HostPort of(URI url) {
            if (url.getHost() != null) {
                return new HostPort(url.getHost(), url.getRawUserInfo(), url.getPort());
            }
            // java.net.URI leaves the host null for forms like 0x7f.1 or 127.1: read the authority ourselves.
            String authority = url.getRawAuthority();
            if (authority == null || authority.isEmpty()) {
                return null;
            }
            int at = authority.lastIndexOf('@');
            String userInfo = at < 0 ? null : authority.substring(0, at);
            String hostAndPort = authority.substring(at + 1);
            int port = -1;
            int colon = hostAndPort.lastIndexOf(':');
            if (colon >= 0 && !hostAndPort.startsWith("[")) {
                try {
                    port = Integer.parseInt(hostAndPort.substring(colon + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
                hostAndPort = hostAndPort.substring(0, colon);
            }
            String host = percentDecode(hostAndPort);
            return host == null || host.isEmpty() ? null : new HostPort(host, userInfo, port);
        }
    }

    /** One request and its response, or why there is none. */
    private record Exchange(HttpResponse<CappedBody> response, FetchOutcome.Failed failure) {
    }

    private Exchange send(FetchRequest request, URI uri, long deadline, long start) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                // Only a backstop: the wait loop below enforces the total and read timeouts with precise
                // reasons; a second later, the client itself aborts an exchange still waiting for headers.
                .timeout(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())).plusSeconds(1))
                .header("User-Agent", settings.userAgent())
                .header("Accept", request.content() == FetchRequest.Content.HTML
                        ? "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1" : "*/*")
                .header("Accept-Encoding", ContentDecoding.ACCEPT_ENCODING)
                .GET();
        if (request.etag() != null) {
            builder.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            builder.header("If-Modified-Since", request.lastModified());
        }
        Activity activity = new Activity();
        CompletableFuture<HttpResponse<CappedBody>> future;
        try {
            future = client.sendAsync(builder.build(), info -> {
                activity.touch();
                long cap = isRedirect(info.statusCode()) || info.statusCode() == 304
                        ? IGNORED_BODY_BYTES : settings.maxBytes();
                return new CappedBodySubscriber(cap, activity);
            });
        } catch (IllegalArgumentException e) {
            return new Exchange(null, new FetchOutcome.Failed(request.url(), "cannot request " + uri + ": "
                    + e.getMessage(), millisSince(start), Failure.BAD_RESPONSE));
        }
        long readTimeout = settings.readTimeout().toNanos();
        try {
            while (true) {
                long now = System.nanoTime();
                long totalLeft = deadline - now;
                long idleLeft = activity.lastNanos + readTimeout - now;
                if (totalLeft <= 0 || idleLeft <= 0) {
                    activity.cancel();
                    future.cancel(true);
                    String reason = totalLeft <= 0
                            ? "timed out: total timeout of " + settings.totalTimeout().toMillis() + " ms"
                            : "timed out: no data for " + settings.readTimeout().toMillis() + " ms (read timeout)";
                    return new Exchange(null, new FetchOutcome.Failed(request.url(), reason, millisSince(start),
                            Failure.TIMEOUT));
                }
                try {
                    return new Exchange(future.get(Math.min(totalLeft, idleLeft), TimeUnit.NANOSECONDS), null);
                } catch (TimeoutException e) {
                    // Loop: either bytes arrived meanwhile (the read clock restarted) or a timeout is due.
                }
            }
        } catch (ExecutionException e) {
            return new Exchange(null, failure(request.url(), e.getCause() == null ? e : e.getCause(), start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            activity.cancel();
            future.cancel(true);
            return new Exchange(null, new FetchOutcome.Failed(request.url(), "interrupted", millisSince(start),
                    Failure.INTERRUPTED));
        }
    }

    private FetchOutcome.Failed failure(URI url, Throwable cause, long start) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchOutcome.Failed(url, "timed out: connect timeout of " + settings.connectTimeout().toMillis()
                    + " ms", millisSince(start), Failure.TIMEOUT);
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchOutcome.Failed(url, "timed out: " + cause.getMessage(), millisSince(start), Failure.TIMEOUT);
        }
        String detail = cause.getMessage() == null && cause.getCause() != null ? String.valueOf(cause.getCause())
                : cause.getMessage();
        String reason = (cause instanceof ConnectException ? "cannot connect: " : cause.getClass().getSimpleName() + ": ")
                + detail;
        return new FetchOutcome.Failed(url, reason, millisSince(start), Failure.NETWORK);
    }

    private FetchOutcome toOutcome(FetchRequest request, URI finalUrl, HttpResponse<CappedBody> response, long millis) {
        URI url = request.url();
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        String contentType = headers.firstValue("Content-Type").orElse(null);
        String etag = headers.firstValue("ETag").orElse(null);
        String lastModified = headers.firstValue("Last-Modified").orElse(null);
        CappedBody body = response.body();
        if (status == 304) {
            return new FetchOutcome.NotModified(url, finalUrl, etag != null ? etag : request.etag(),
                    lastModified != null ? lastModified : request.lastModified(), millis);
        }
        if (status < 200 || status >= 300) {
            Duration retryAfter = status == 429 || status == 503
                    ? RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), clock.instant()) : null;
            return new FetchOutcome.Refused(url, status, contentType, "HTTP " + status, body.bytes().length, millis,
                    Refusal.HTTP_STATUS, retryAfter);
        }
        if (body.truncated()) {
            return new FetchOutcome.Refused(url, status, contentType, "body larger than " + settings.maxBytes()
                    + " bytes", body.bytes().length, millis, Refusal.TOO_LARGE, null);
        }
        byte[] decoded;
        try {
            decoded = ContentDecoding.decode(body.bytes(), headers.firstValue("Content-Encoding").orElse(null),
                    settings.maxBytes());
        } catch (ContentDecoding.TooLargeException e) {
            return new FetchOutcome.Refused(url, status, contentType, e.getMessage(), settings.maxBytes(), millis,
                    Refusal.TOO_LARGE, null);
        } catch (ContentDecoding.UnsupportedEncodingException e) {
            return new FetchOutcome.Refused(url, status, contentType, e.getMessage(), body.bytes().length, millis,
                    Refusal.ENCODING, null);
        } catch (IOException | RuntimeException e) {
            // RuntimeException: the brotli decoder reports some corrupt input as IllegalStateException.
            return new FetchOutcome.Failed(url, "cannot decompress body: " + e.getMessage(), millis,
                    Failure.BAD_RESPONSE);
        }
        if (request.content() == FetchRequest.Content.ANY) {
            Charset declared = CharsetDetector.forLabel(CharsetDetector.headerCharset(contentType));
            return new FetchOutcome.Fetched(url, finalUrl, status, contentType, declared, decoded, millis,
                    declared == null ? null : CharsetDetector.Source.HEADER, etag, lastModified);
        }
        ContentSniffer.Verdict sniffed = ContentSniffer.sniffHtml(contentType, decoded);
        if (!sniffed.html()) {
            return new FetchOutcome.Refused(url, status, contentType, sniffed.reason(), decoded.length, millis,
                    Refusal.NOT_HTML, null);
        }
        CharsetDetector.Detected charset = CharsetDetector.detect(contentType, decoded);
        return new FetchOutcome.Fetched(url, finalUrl, status, contentType, charset.charset(), decoded, millis,
                charset.source(), etag, lastModified);
    }

    private FetchOutcome.Refused refused(URI url, int status, HttpResponse<CappedBody> response, Refusal refusal,
                                         String reason, long start) {
        return new FetchOutcome.Refused(url, status, response.headers().firstValue("Content-Type").orElse(null),
                reason, 0, millisSince(start), refusal, null);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean isHttp(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /** {@code location} resolved against {@code base}, with characters browsers tolerate escaped; null if unreadable. */
    static URI resolve(URI base, String location) {
        try {
            URI relative = new URI(escapeLenient(location));
            URI from = base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
            return from.resolve(relative);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Percent-encodes spaces, non-ASCII and other characters java.net.URI rejects but servers send. */
    private static String escapeLenient(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c <= 0x20 || c >= 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** Decodes %XX in a host (as the WHATWG URL parser does); null when the result is not valid. */
    private static String percentDecode(String host) {
        if (host.indexOf('%') < 0) {
            return host;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '%') {
                if (i + 2 >= host.length()) {
                    return null;
                }
                int hi = Character.digit(host.charAt(i + 1), 16);
                int lo = Character.digit(host.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What makes two URLs the same for loop detection: scheme and host case, fragment ignored. */
    private static String visitKey(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        int port = url.getPort();
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (port == (scheme.equals("https") ? 443 : 80)) {
            port = -1;
        }
        String authority = url.getHost() != null ? url.getHost().toLowerCase(Locale.ROOT) + ":" + port
                : String.valueOf(url.getRawAuthority()).toLowerCase(Locale.ROOT);
        return scheme + "://" + authority + path + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** When bytes last arrived on a request, and its body subscription (so a timeout can drop the connection). */
    private static final class Activity {
        volatile long lastNanos = System.nanoTime();
        volatile Flow.Subscription subscription;

        void touch() {
            lastNanos = System.nanoTime();
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    /** A body read up to a cap; {@code truncated} when the server sent more. */
    record CappedBody(byte[] bytes, boolean truncated) {
    }

    /** Collects at most {@code max} bytes, then cancels the stream so the connection stops reading. */
    private static final class CappedBodySubscriber implements HttpResponse.BodySubscriber<CappedBody> {
        private final long max;
        private final Activity activity;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<CappedBody> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBodySubscriber(long max, Activity activity) {
            this.max = max;
            this.activity = activity;
        }

        @Override
        public CompletionStage<CappedBody> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            activity.subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            activity.touch();
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (out.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.complete(new CappedBody(out.toByteArray(), true));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(new CappedBody(out.toByteArray(), false));
        }
    }
}
