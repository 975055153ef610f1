package io.newsflow.producer.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleSiteTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SampleSite site;

    @BeforeEach
    void start() {
        site = SampleSite.start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void baseUriIsLoopbackWithTheBoundPort() {
        assertThat(site.baseUri().getScheme()).isEqualTo("http");
        assertThat(site.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(site.baseUri().getPort()).isPositive();
        assertThat(site.baseUri().getPath()).isEqualTo("/");
    }

    @Test
    void servesIndexAtRootAsUtf8Html() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(response.body()).contains("Latest news", "/archive/page/2/");
    }

    @Test
    void servesDirectoryIndexForTrailingSlash() throws Exception {
        HttpResponse<String> response = get("/archive/page/2/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Archive: page 2", "Previous");
    }

    @Test
    void servesArticlePages() throws Exception {
        HttpResponse<String> response = get("/articles/ferry-bombing-suspect-arrested.html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("extradition");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/missing.html", "/articles/nope.html", "/articles", "/archive/page/3/"})
    void missingPagesAre404(String path) throws Exception {
        assertThat(get(path).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../sample-sources.yaml", "/articles/../../sample-sources.yaml",
            "/%2e%2e/sample-sources.yaml", "/./index.html"})
    void pathTraversalIsRefused(String path) throws Exception {
        // Sent over a raw socket: HTTP clients would normalise the dot segments away before sending.
        assertThat(rawStatusLine(path)).startsWith("HTTP/1.1 400");
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(site.baseUri()).POST(HttpRequest.BodyPublishers.ofString("x")).build();

        assertThat(client.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }

    @Test
    void everyLinkOnTheSiteResolves() throws Exception {
        Deque<String> queue = new ArrayDeque<>(Set.of("/"));
        Set<String> seen = new HashSet<>(queue);
        while (!queue.isEmpty()) {
            String path = queue.removeFirst();
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            for (Element link : Jsoup.parse(response.body(), site.baseUri().resolve(path).toString()).select("a[href]")) {
                URI target = URI.create(link.absUrl("href"));
                if (target.getScheme().equals("http") && seen.add(target.getPath())) {
                    queue.addLast(target.getPath());
                }
            }
        }
        assertThat(seen).contains("/about.html", "/archive/page/2/", "/articles/council-approves-tram-line.html")
                .hasSize(12);
    }

    @Test
    void resourceReadsABundledPageByItsSitePath() {
        assertThat(SampleSite.resource("/")).contains("Latest news");
        assertThat(SampleSite.resource("articles/storm-isolde-floods-lower-town.html")).contains("Storm Isolde");
    }

    @Test
    void resourceRejectsMissingPages() {
        assertThatThrownBy(() -> SampleSite.resource("articles/nope.html")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleSite.resource("../sample-sources.yaml"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closeStopsServing() {
        URI base = site.baseUri();
        site.close();

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
        site = SampleSite.start(); // so that @AfterEach has something to close
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(site.baseUri().resolve(path)).timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String rawStatusLine(String path) throws IOException {
        try (Socket socket = new Socket(site.baseUri().getHost(), site.baseUri().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.lines().findFirst().orElse("");
        }
    }
}
