package io.newsflow.producer.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One route per scenario on a local server bound to 127.0.0.1. */
class HttpFetcherTest {

    static final String PAGE = "<!doctype html><html><head><title>t</title></head><body><p>hello</p></body></html>";
    static HttpServer server;
    static ExecutorService executor;
    static final HttpFetcher FETCHER = new HttpFetcher(new FetchSettings("Newsflow-test/0.1 (+http://127.0.0.1/)",
            Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024));

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        route("/page", ex -> send(ex, 200, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8), null));
        route("/agent", ex -> send(ex, 200, "text/html", ("<html><body>" + ex.getRequestHeaders().getFirst("User-Agent")
                + "</body></html>").getBytes(StandardCharsets.UTF_8), null));
        route("/missing", ex -> send(ex, 404, "text/html", "<html>no</html>".getBytes(StandardCharsets.UTF_8), null));
        route("/pdf", ex -> send(ex, 200, "application/pdf", "%PDF-1.4 ...".getBytes(StandardCharsets.UTF_8), null));
        route("/unlabelled", ex -> send(ex, 200, "application/octet-stream", PAGE.getBytes(StandardCharsets.UTF_8), null));
        route("/big", ex -> send(ex, 200, "text/html", new byte[200 * 1024], null));
        route("/gzip-bomb", ex -> send(ex, 200, "text/html", gzip(new byte[10 * 1024 * 1024]), "gzip"));
        route("/gzip-page", ex -> send(ex, 200, "text/html", gzip(PAGE.getBytes(StandardCharsets.UTF_8)), "gzip"));
        route("/redirect", ex -> {
            ex.getResponseHeaders().add("Location", "/page");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        route("/trickle", ex -> {
            // One byte every 500 ms, forever: only the total timeout can end this fetch.
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 40; i++) {
                    out.write('<');
                    out.flush();
                    Thread.sleep(500);
                }
            } catch (IOException | InterruptedException e) {
                // client gave up, as it should
            }
        });
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    static void route(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    static void send(HttpExchange ex, int status, String type, byte[] body, String encoding) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        if (encoding != null) {
            ex.getResponseHeaders().add("Content-Encoding", encoding);
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void fetchesAnHtmlPageWithItsCharset() {
        FetchOutcome outcome = FETCHER.fetch(url("/page"));

        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        FetchOutcome.Fetched page = (FetchOutcome.Fetched) outcome;
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
        assertThat(page.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void sendsTheConfiguredUserAgent() {
        FetchOutcome.Fetched page = (FetchOutcome.Fetched) FETCHER.fetch(url("/agent"));

        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("Newsflow-test/0.1");
    }

    @Test
    void followsARedirectAndReportsTheFinalUrl() {
        FetchOutcome.Fetched page = (FetchOutcome.Fetched) FETCHER.fetch(url("/redirect"));

        assertThat(page.finalUrl().getPath()).isEqualTo("/page");
    }

    @Test
    void refusesAnErrorStatusWithTheStatus() {
        FetchOutcome outcome = FETCHER.fetch(url("/missing"));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Refused.class, r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.reason()).isEqualTo("HTTP 404");
        });
    }

    @Test
    void refusesContentThatIsNotHtml() {
        assertThat(FETCHER.fetch(url("/pdf"))).isInstanceOfSatisfying(FetchOutcome.Refused.class,
                r -> assertThat(r.reason()).contains("not HTML"));
    }

    @Test
    void sniffsHtmlServedWithAGenericContentType() {
        assertThat(FETCHER.fetch(url("/unlabelled"))).isInstanceOf(FetchOutcome.Fetched.class);
    }

    @Test
    void refusesABodyOverTheSizeCap() {
        assertThat(FETCHER.fetch(url("/big"))).isInstanceOfSatisfying(FetchOutcome.Refused.class,
                r -> assertThat(r.reason()).contains("larger than 65536 bytes"));
    }

    @Test
    void appliesTheSizeCapAfterDecompression() {
        assertThat(FETCHER.fetch(url("/gzip-bomb"))).isInstanceOfSatisfying(FetchOutcome.Refused.class,
                r -> assertThat(r.reason()).contains("decompressed body larger than"));
    }

    @Test
    void decompressesGzip() {
        FetchOutcome.Fetched page = (FetchOutcome.Fetched) FETCHER.fetch(url("/gzip-page"));

        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
    }

    @Test
    void aServerThatTricklesBytesCannotHoldAFetchPastTheTotalTimeout() {
        FetchOutcome outcome = FETCHER.fetch(url("/trickle"));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                f -> assertThat(f.reason()).contains("timed out"));
    }

    @Test
    void refusesSchemesOtherThanHttp() {
        assertThat(FETCHER.fetch(URI.create("file:///etc/passwd"))).isInstanceOfSatisfying(FetchOutcome.Refused.class,
                r -> assertThat(r.reason()).contains("not http or https"));
    }

    @Test
    void aClosedPortFailsWithTheCause() {
        assertThat(FETCHER.fetch(URI.create("http://127.0.0.1:1/"))).isInstanceOf(FetchOutcome.Failed.class);
    }
}
