package io.newsflow.producer.fetch;

import static io.newsflow.producer.fetch.LocalServer.gzip;
import static io.newsflow.producer.fetch.LocalServer.html;
import static io.newsflow.producer.fetch.LocalServer.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.fetch.FetchOutcome.Failed;
import io.newsflow.producer.fetch.FetchOutcome.Fetched;
import io.newsflow.producer.fetch.FetchOutcome.NotModified;
import io.newsflow.producer.fetch.FetchOutcome.Refusal;
import io.newsflow.producer.fetch.FetchOutcome.Refused;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fetcher's guards against a local server on 127.0.0.1, one route per scenario. */
class HttpFetcherTest {

    static final String PAGE = "<!doctype html><html><head><title>t</title></head><body><p>hello</p></body></html>";
    /** {@link #PAGE} compressed with brotli (quality 11; made once with the brotli4j encoder, which is not a dependency). */
    static final byte[] PAGE_BROTLI = Base64.getDecoder().decode(
            "G1EAABynw5obt0ftw1MGN16aJ4yMLjjkQAOWwLIWySlwHJ7THYmOyBhbE83T6y53B4Fp");
    /** 10 MiB of zero bytes compressed with brotli into 14 bytes (same encoder): a brotli bomb. */
    static final byte[] BROTLI_BOMB = Base64.getDecoder().decode("n///n/gnAOKxQCD3/hM=");
    static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    static final int CAP = 64 * 1024;

    static LocalServer server;
    static HttpFetcher fetcher;

    @BeforeAll
    static void start() {
        server = new LocalServer()
                .route("/page", ex -> html(ex, PAGE))
                .route("/agent", ex -> html(ex, "<html><body>" + ex.getRequestHeaders().getFirst("User-Agent")
                        + " | " + ex.getRequestHeaders().getFirst("Accept-Encoding") + "</body></html>"))
                .route("/missing", ex -> send(ex, 404, "text/html", bytes("<html>no</html>"), null))
                .route("/big", ex -> send(ex, 200, "text/html", new byte[200 * 1024], null))
                .route("/gzip-page", ex -> send(ex, 200, "text/html", gzip(bytes(PAGE)), "gzip"))
                .route("/gzip-bomb", ex -> send(ex, 200, "text/html", gzip(new byte[10 * 1024 * 1024]), "gzip"))
                .route("/deflate-page", ex -> send(ex, 200, "text/html", deflate(bytes(PAGE), false), "deflate"))
                .route("/raw-deflate-page", ex -> send(ex, 200, "text/html", deflate(bytes(PAGE), true), "deflate"))
                .route("/deflate-bomb", ex -> send(ex, 200, "text/html", deflate(new byte[10 * 1024 * 1024], false),
                        "deflate"))
                .route("/br-page", ex -> send(ex, 200, "text/html", PAGE_BROTLI, "br"))
                .route("/br-bomb", ex -> send(ex, 200, "text/html", BROTLI_BOMB, "br"))
                .route("/gzip-then-br", ex -> send(ex, 200, "text/html", gzip(PAGE_BROTLI), "br, gzip"))
                .route("/corrupt-gzip", ex -> send(ex, 200, "text/html", bytes("not gzip at all"), "gzip"))
                .route("/compress", ex -> send(ex, 200, "text/html", bytes(PAGE), "compress"))
                .route("/pdf", ex -> send(ex, 200, "application/pdf", bytes("%PDF-1.4 ..."), null))
                .route("/pdf-as-html", ex -> send(ex, 200, "text/html", bytes("%PDF-1.7\n%\u00e2\u00e3"), null))
                .route("/png-as-html", ex -> send(ex, 200, "text/html; charset=utf-8",
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13}, null))
                .route("/zip-as-html", ex -> send(ex, 200, "text/html", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, null))
                .route("/unlabelled", ex -> send(ex, 200, "application/octet-stream", bytes(PAGE), null))
                .route("/untyped", ex -> send(ex, 200, null, bytes(PAGE), null))
                .route("/json", ex -> send(ex, 200, "application/json", bytes("{\"a\": 1}"), null))
                .route("/mislabelled-1252", ex -> send(ex, 200, "text/html; charset=utf-8",
                        "<html><body><p>\u201cQuoted\u201d caf\u00e9</p></body></html>"
                                .getBytes(CharsetDetector.WINDOWS_1252), null))
                .route("/bom-over-header", ex -> send(ex, 200, "text/html; charset=windows-1252",
                        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                                bytes("<html><body><p>Zo\u00eb \u2014 na\u00efve</p></body></html>")), null))
                .route("/meta-charset", ex -> send(ex, 200, "text/html",
                        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                                .concat("</head><body><p>\u00a3 5 \u2013 caf\u00e9</p></body></html>")
                                .getBytes(CharsetDetector.WINDOWS_1252), null))
                .route("/busy", ex -> {
                    ex.getResponseHeaders().add("Retry-After", "120");
                    send(ex, 503, "text/html", bytes("<html>later</html>"), null);
                })
                .route("/limited", ex -> {
                    ex.getResponseHeaders().add("Retry-After", "Mon, 10 Mar 2025 12:05:00 GMT");
                    send(ex, 429, "text/html", bytes("<html>slow down</html>"), null);
                })
                .route("/etag", ex -> {
                    ex.getResponseHeaders().add("ETag", "\"v1\"");
                    ex.getResponseHeaders().add("Last-Modified", "Sun, 09 Mar 2025 08:00:00 GMT");
                    if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))
                            || "Sun, 09 Mar 2025 08:00:00 GMT".equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                        ex.sendResponseHeaders(304, -1);
                    } else {
                        html(ex, PAGE);
                    }
                });
        FetchSettings settings = settings();
        fetcher = new HttpFetcher(settings, new AddressGuard(settings.allowedAddresses()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static FetchSettings settings() {
        return new FetchSettings("Newsflow-test/0.1 (+http://127.0.0.1/)", Duration.ofSeconds(2),
                Duration.ofSeconds(5), CAP).allowing("127.0.0.0/8");
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(9, raw))) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static URI url(String path) {
        return server.url(path);
    }

    static Fetched fetched(String path) {
        FetchOutcome outcome = fetcher.fetch(url(path));
        assertThat(outcome).isInstanceOf(Fetched.class);
        return (Fetched) outcome;
    }

    static Refused refused(String path) {
        FetchOutcome outcome = fetcher.fetch(url(path));
        assertThat(outcome).isInstanceOf(Refused.class);
        return (Refused) outcome;
    }

    /** The page's text, parsed as the crawler parses it: bytes with the detected charset. */
    static String text(Fetched page) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(page.body()), page.charset().name(), page.finalUrl().toString())
                    .text();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void fetchesAnHtmlPageWithItsCharset() {
        Fetched page = fetched("/page");

        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
        assertThat(page.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(page.charsetSource()).isEqualTo(CharsetDetector.Source.HEADER);
        assertThat(page.finalUrl()).isEqualTo(url("/page"));
    }

    @Test
    void sendsTheConfiguredUserAgentAndTheEncodingsItCanUndo() {
        assertThat(text(fetched("/agent"))).isEqualTo("Newsflow-test/0.1 (+http://127.0.0.1/) | gzip, deflate, br");
    }

    @Test
    void anErrorStatusIsAnHttpError() {
        Refused r = refused("/missing");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.reason()).isEqualTo("HTTP 404");
        assertThat(r.refusal()).isEqualTo(Refusal.HTTP_STATUS);
        assertThat(r.statusOutcome()).isEqualTo(io.newsflow.schema.FetchOutcome.HTTP_ERROR);
        assertThat(r.retryAfter()).isNull();
    }

    @Test
    void retryAfterInSecondsIsExposedOnA503() {
        Refused r = refused("/busy");

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void retryAfterAsAnHttpDateIsExposedOnA429() {
        Refused r = refused("/limited");

        assertThat(r.status()).isEqualTo(429);
        assertThat(r.retryAfter()).isEqualTo(Duration.ofMinutes(5)); // the date is 5 min after the fixed clock
    }

    @Test
    void aBodyOverTheCapIsTooLarge() {
        Refused r = refused("/big");

        assertThat(r.reason()).isEqualTo("body larger than 65536 bytes");
        assertThat(r.statusOutcome()).isEqualTo(io.newsflow.schema.FetchOutcome.TOO_LARGE);
    }

    @Test
    void gzipBombIsCutAtTheCapAfterDecompression() {
        Refused r = refused("/gzip-bomb");

        assertThat(r.refusal()).isEqualTo(Refusal.TOO_LARGE);
        assertThat(r.reason()).isEqualTo("decompressed body larger than 65536 bytes");
    }

    @Test
    void deflateBombIsCutAtTheCapAfterDecompression() {
        assertThat(refused("/deflate-bomb").refusal()).isEqualTo(Refusal.TOO_LARGE);
    }

    @Test
    void brotliBombIsCutAtTheCapAfterDecompression() {
        Refused r = refused("/br-bomb");

        assertThat(r.refusal()).isEqualTo(Refusal.TOO_LARGE);
        assertThat(r.reason()).isEqualTo("decompressed body larger than 65536 bytes");
    }

    @Test
    void decompressesGzipDeflateRawDeflateAndBrotli() {
        for (String path : new String[] {"/gzip-page", "/deflate-page", "/raw-deflate-page", "/br-page", "/gzip-then-br"}) {
            assertThat(new String(fetched(path).body(), StandardCharsets.UTF_8)).as(path).isEqualTo(PAGE);
        }
    }

    @Test
    void aCorruptCompressedBodyFails() {
        assertThat(fetcher.fetch(url("/corrupt-gzip"))).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.reason()).startsWith("cannot decompress body");
            assertThat(f.statusOutcome()).isEqualTo(io.newsflow.schema.FetchOutcome.FAILED);
        });
    }

    @Test
    void anUnknownContentEncodingIsRefused() {
        Refused r = refused("/compress");

        assertThat(r.refusal()).isEqualTo(Refusal.ENCODING);
        assertThat(r.reason()).contains("'compress'");
    }

    @Test
    void contentTheHeaderCallsNotHtmlIsRefused() {
        Refused r = refused("/pdf");

        assertThat(r.refusal()).isEqualTo(Refusal.NOT_HTML);
        assertThat(r.statusOutcome()).isEqualTo(io.newsflow.schema.FetchOutcome.REFUSED);
        assertThat(refused("/json").refusal()).isEqualTo(Refusal.NOT_HTML);
    }

    @Test
    void binaryFilesServedAsTextHtmlAreRefusedBySniffing() {
        assertThat(refused("/pdf-as-html").reason()).contains("PDF");
        assertThat(refused("/png-as-html").reason()).contains("PNG");
        assertThat(refused("/zip-as-html").reason()).contains("ZIP");
    }

    @Test
    void htmlServedAsOctetStreamOrWithoutTypeIsAccepted() {
        assertThat(new String(fetched("/unlabelled").body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
        assertThat(new String(fetched("/untyped").body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
    }

    @Test
    void anyContentRequestsSkipTheHtmlCheck() {
        FetchOutcome outcome = fetcher.fetch(FetchRequest.any(url("/pdf")));

        assertThat(outcome).isInstanceOfSatisfying(Fetched.class,
                f -> assertThat(new String(f.body(), StandardCharsets.UTF_8)).startsWith("%PDF-"));
    }

    @Test
    void pageLabelledUtf8ButWrittenInWindows1252IsDecodedAsWindows1252() {
        Fetched page = fetched("/mislabelled-1252");

        assertThat(page.charset()).isEqualTo(CharsetDetector.WINDOWS_1252);
        assertThat(page.charsetSource()).isEqualTo(CharsetDetector.Source.INVALID_UTF8);
        assertThat(text(page)).isEqualTo("\u201cQuoted\u201d caf\u00e9");
    }

    @Test
    void aByteOrderMarkWinsOverTheHeader() {
        Fetched page = fetched("/bom-over-header");

        assertThat(page.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(page.charsetSource()).isEqualTo(CharsetDetector.Source.BOM);
        assertThat(text(page)).isEqualTo("Zo\u00eb \u2014 na\u00efve");
    }

    @Test
    void metaHttpEquivGivesTheCharsetWhenTheHeaderHasNone() {
        Fetched page = fetched("/meta-charset");

        assertThat(page.charset()).isEqualTo(CharsetDetector.WINDOWS_1252);
        assertThat(page.charsetSource()).isEqualTo(CharsetDetector.Source.META);
        assertThat(text(page)).isEqualTo("\u00a3 5 \u2013 caf\u00e9");
    }

    @Test
    void conditionalGetReturnsNotModifiedWithTheValidators() {
        Fetched first = fetched("/etag");
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(first.lastModified()).isEqualTo("Sun, 09 Mar 2025 08:00:00 GMT");

        FetchOutcome byEtag = fetcher.fetch(FetchRequest.page(url("/etag")).ifChangedSince(first.etag(), null));
        FetchOutcome byDate = fetcher.fetch(FetchRequest.page(url("/etag")).ifChangedSince(null, first.lastModified()));

        assertThat(byEtag).isInstanceOfSatisfying(NotModified.class, n -> {
            assertThat(n.etag()).isEqualTo("\"v1\"");
            assertThat(n.statusOutcome()).isEqualTo(io.newsflow.schema.FetchOutcome.NOT_MODIFIED);
        });
        assertThat(byDate).isInstanceOf(NotModified.class);
        assertThat(fetcher.fetch(FetchRequest.page(url("/etag")).ifChangedSince("\"v0\"", null)))
                .isInstanceOf(Fetched.class);
    }

    @Test
    void schemesOtherThanHttpAreRefused() {
        assertThat(fetcher.fetch(URI.create("file:///etc/passwd"))).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.reason()).contains("not http or https");
            assertThat(r.refusal()).isEqualTo(Refusal.SCHEME);
        });
    }

    @Test
    void aClosedPortFailsWithTheCause() {
        assertThat(fetcher.fetch(URI.create("http://127.0.0.1:1/"))).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.failure()).isEqualTo(FetchOutcome.Failure.NETWORK);
            assertThat(f.statusOutcome()).isEqualTo(io.newsflow.schema.FetchOutcome.FAILED);
        });
    }
}
