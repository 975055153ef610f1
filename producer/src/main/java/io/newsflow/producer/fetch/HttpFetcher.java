package io.newsflow.producer.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Fetches one URL over HTTP(S) with the JDK's client: connect and total timeouts (the total covers
 * the body, so a server that trickles bytes cannot hold a fetch), a size cap applied while reading
 * and again after decompression, and a content-type check. Never throws for network or HTTP
 * problems: those become {@link FetchOutcome.Failed} or {@link FetchOutcome.Refused}. Thread-safe.
 */
public final class HttpFetcher {

    private final HttpClient client;
    private final FetchSettings settings;

    public HttpFetcher(FetchSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Fetches {@code url}; only http and https are accepted. */
    public FetchOutcome fetch(URI url) {
        long start = System.nanoTime();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new FetchOutcome.Refused(url, null, null, "scheme '" + scheme + "' is not http or https", 0, 0);
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.totalTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
                .header("Accept-Encoding", "gzip, deflate")
                .GET()
                .build();
        CompletableFuture<HttpResponse<CappedBody>> future =
                client.sendAsync(request, info -> new CappedBodySubscriber(settings.maxBytes()));
        try {
            HttpResponse<CappedBody> response = future.get(settings.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return toOutcome(url, response, millisSince(start));
        } catch (TimeoutException e) {
            future.cancel(true);
            return new FetchOutcome.Failed(url, "timed out after " + settings.totalTimeout().toMillis() + " ms",
                    millisSince(start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new FetchOutcome.Failed(url, cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                    millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new FetchOutcome.Failed(url, "interrupted", millisSince(start));
        }
    }

    private FetchOutcome toOutcome(URI url, HttpResponse<CappedBody> response, long millis) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        CappedBody body = response.body();
        if (status < 200 || status >= 300) {
            return new FetchOutcome.Refused(url, status, contentType, "HTTP " + status, body.bytes.length, millis);
        }
        if (body.truncated) {
            return new FetchOutcome.Refused(url, status, contentType,
                    "body larger than " + settings.maxBytes() + " bytes", body.bytes.length, millis);
        }
        byte[] decoded;
        try {
            decoded = decompress(body.bytes, response.headers().firstValue("Content-Encoding").orElse(""));
        } catch (BodyTooLargeException e) {
            return new FetchOutcome.Refused(url, status, contentType,
                    "decompressed body larger than " + settings.maxBytes() + " bytes", settings.maxBytes(), millis);
        } catch (IOException e) {
            return new FetchOutcome.Failed(url, "cannot decompress body: " + e.getMessage(), millis);
        }
        if (!isHtml(contentType, decoded)) {
            return new FetchOutcome.Refused(url, status, contentType, "not HTML (Content-Type " + contentType + ")",
                    decoded.length, millis);
        }
        return new FetchOutcome.Fetched(url, response.uri(), status, contentType, charsetOf(contentType), decoded, millis);
    }

    private byte[] decompress(byte[] raw, String encoding) throws IOException {
        String e = encoding.trim().toLowerCase(Locale.ROOT);
        InputStream in;
        if (e.equals("gzip") || e.equals("x-gzip")) {
            in = new GZIPInputStream(new ByteArrayInputStream(raw));
        } else if (e.equals("deflate")) {
            in = new InflaterInputStream(new ByteArrayInputStream(raw));
        } else {
            return raw;
        }
        // Cap after decompression: a small compressed body can expand without bound.
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > settings.maxBytes()) {
                    throw new BodyTooLargeException();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** HTML by header, or (when the header is missing or generic) by sniffing the first bytes. */
    static boolean isHtml(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html") || type.startsWith("application/xhtml+xml")) {
            return true;
        }
        if (!type.isEmpty() && !type.startsWith("application/octet-stream") && !type.startsWith("text/plain")) {
            return false;
        }
        String head = new String(body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("\u00ef\u00bb\u00bf")) {
            head = head.substring(3);
        }
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<head")
                || head.contains("<body");
    }

    static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").trim());
                } catch (RuntimeException e) {
                    return null; // unknown charset name: sniff instead
                }
            }
        }
        return null;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("body too large");
        }
    }

    /** A body read up to a cap; {@code truncated} when the server sent more. */
    record CappedBody(byte[] bytes, boolean truncated) {
    }

    /** Collects at most {@code max} bytes, then cancels the stream so the connection stops reading. */
    private static final class CappedBodySubscriber implements HttpResponse.BodySubscriber<CappedBody> {
        private final long max;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<CappedBody> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBodySubscriber(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<CappedBody> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
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
