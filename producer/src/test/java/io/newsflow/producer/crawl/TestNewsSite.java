package io.newsflow.producer.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.producer.extract.ArticleIds;
import io.newsflow.producer.extract.UrlNormalizer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Small generated news sites, one per loopback address (127.0.0.1, 127.0.0.2, ... all reach this machine
 * on Linux, so each address is a host of its own without /etc/hosts). Each host serves {@code /} (a listing
 * of its articles), {@code /a/N.html} (articles with enough text to be extracted) and a 404 for anything
 * else, robots.txt included. Every request is recorded with its host, path, user agent and time, so a test
 * can tell which crawler instance fetched what. Thread-safe.
 */
final class TestNewsSite implements AutoCloseable {

    /** One request as the server saw it. */
    record Request(String host, String path, String userAgent, long nanoTime) {
    }

    private static final String[] WORDS = ("harbour council river storm market festival minister bank rates election "
            + "court police hospital school tram port ferry museum budget strike weather flood wind bridge vote "
            + "museum season harvest fishing league mayor").split(" ");

    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final Map<String, URI> bases = new LinkedHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "test-news-site");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final int articlesPerHost;
    private volatile long responseDelayMillis;

    private TestNewsSite(int articlesPerHost) {
        this.articlesPerHost = articlesPerHost;
    }

    /** Serves {@code articlesPerHost} articles on each of {@code addresses} (e.g. 127.0.0.2), each on a free port. */
    static TestNewsSite start(List<String> addresses, int articlesPerHost) {
        TestNewsSite site = new TestNewsSite(articlesPerHost);
        try {
            for (String address : addresses) {
                HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
                server.setExecutor(site.executor);
                server.createContext("/", ex -> site.handle(address, ex));
                server.start();
                site.servers.put(address, server);
                site.bases.put(address, URI.create("http://" + address + ":" + server.getAddress().getPort() + "/"));
            }
            return site;
        } catch (IOException e) {
            site.close();
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every response wait this long (to slow a crawl down). */
    void responseDelay(long millis) {
        responseDelayMillis = millis;
    }

    /** The front page of {@code host}. */
    URI base(String host) {
        return bases.get(host);
    }

    List<String> hosts() {
        return new ArrayList<>(bases.keySet());
    }

    /** URL of article {@code n} of {@code host}. */
    String articleUrl(String host, int n) {
        return base(host) + "a/" + n + ".html";
    }

    /** The ids the extractor gives the articles of every host. */
    Set<String> expectedArticleIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (String host : bases.keySet()) {
            for (int n = 1; n <= articlesPerHost; n++) {
                ids.add(ArticleIds.fromCanonicalUrl(UrlNormalizer.normalize(articleUrl(host, n))));
            }
        }
        return ids;
    }

    /** Every request so far, in arrival order. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(String host, HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            requests.add(new Request(host, path, ex.getRequestHeaders().getFirst("User-Agent"), System.nanoTime()));
            if (responseDelayMillis > 0) {
                try {
                    Thread.sleep(responseDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String html = null;
            if (path.equals("/")) {
                html = index(host);
            } else if (path.matches("/a/\\d+\\.html")) {
                int n = Integer.parseInt(path.substring(3, path.length() - 5));
                html = n >= 1 && n <= articlesPerHost ? article(host, n) : null;
            }
            byte[] body = (html == null ? "not found" : html).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", html == null ? "text/plain" : "text/html; charset=utf-8");
            ex.sendResponseHeaders(html == null ? 404 : 200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private String index(String host) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>News on " + host + "</title></head><body><h1>Latest news</h1><ul>");
        for (int n = 1; n <= articlesPerHost; n++) {
            html.append("<li><a href=\"/a/").append(n).append(".html\">Report ").append(n).append("</a></li>");
        }
        return html.append("</ul></body></html>").toString();
    }

    private String article(String host, int n) {
        return articleHtml(articleUrl(host, n), host, n);
    }

    /** An article page at {@code url} with generated text (seeded by {@code desk} and {@code n}). */
    static String articleHtml(String url, String desk, int n) {
        java.util.Random random = new java.util.Random(desk.hashCode() * 31L + n);
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < 5; p++) {
            text.append("<p>");
            for (int w = 0; w < 40; w++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word)
                        .append(w % 10 == 9 ? ". " : " ");
            }
            text.append("</p>");
        }
        String title = "Report " + n + " from the " + WORDS[n % WORDS.length] + " desk of " + desk;
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<link rel=\"canonical\" href=\"" + url + "\">"
                + "<meta property=\"og:type\" content=\"article\">"
                + "<meta property=\"og:title\" content=\"" + title + "\">"
                + "<meta property=\"article:published_time\" content=\"2025-03-0" + (1 + n % 9) + "T10:00:00+00:00\">"
                + "<meta name=\"author\" content=\"Desk " + n + "\"></head><body>"
                + "<nav><a href=\"/\">Front page</a></nav><main><article><h1>" + title + "</h1>"
                + "<p class=\"byline\">By Desk " + n + "</p>" + text + "</article></main></body></html>";
    }

    @Override
    public void close() {
        servers.values().forEach(s -> s.stop(0));
        executor.shutdownNow();
    }
}
