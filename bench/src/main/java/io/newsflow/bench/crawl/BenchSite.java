package io.newsflow.bench.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.producer.sample.SampleSite;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local news site on several loopback addresses (127.0.0.1 .. 127.0.0.N, one host each): {@code /} lists
 * the host's articles, {@code /a/K.html} serves one of the nine sample-site articles with its canonical URL
 * and title made unique, so every page is a distinct article of realistic size (about 10 KB). robots.txt is
 * a 404. Thread-safe.
 */
final class BenchSite implements AutoCloseable {

    private static final String[] ARTICLES = {"central-bank-holds-rates", "coalition-wins-snap-election",
        "council-approves-tram-line", "ferry-bombing-suspect-arrested", "greywater-chip-plant-breaks-ground",
        "harbour-united-win-cup-final", "lantern-festival-record-crowds", "st-brendas-opens-vaccine-clinic",
        "storm-isolde-floods-lower-town"};
    private static final Pattern CANONICAL = Pattern.compile("(<link rel=\"canonical\" href=\")[^\"]*\"");
    private static final Pattern OG_URL = Pattern.compile("(<meta property=\"og:url\" content=\")[^\"]*\"");
    private static final Pattern TITLE = Pattern.compile("(<h1>)([^<]*)(</h1>)");

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<URI> bases = new ArrayList<>();
    private final String[] templates = new String[ARTICLES.length];
    private final int pagesPerHost;
    private final ExecutorService executor;

    private BenchSite(int pagesPerHost, int threads) {
        this.pagesPerHost = pagesPerHost;
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-site");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < ARTICLES.length; i++) {
            templates[i] = SampleSite.resource("articles/" + ARTICLES[i] + ".html");
        }
    }

    static BenchSite start(int hosts, int pagesPerHost, int threads) {
        BenchSite site = new BenchSite(pagesPerHost, threads);
        try {
            for (int h = 1; h <= hosts; h++) {
                String address = "127.0.0." + h;
                HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 128);
                server.setExecutor(site.executor);
                server.createContext("/", site::handle);
                server.start();
                site.servers.add(server);
                site.bases.add(URI.create("http://" + address + ":" + server.getAddress().getPort() + "/"));
            }
            return site;
        } catch (IOException e) {
            site.close();
            throw new UncheckedIOException(e);
        }
    }

    List<URI> bases() {
        return bases;
    }

    /** Every page of the site: each host's front page and articles. */
    List<URI> pages() {
        List<URI> pages = new ArrayList<>();
        for (URI base : bases) {
            pages.add(base);
            for (int k = 1; k <= pagesPerHost; k++) {
                pages.add(base.resolve("/a/" + k + ".html"));
            }
        }
        return pages;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String html = null;
            if (path.equals("/")) {
                StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Front page"
                        + "</title></head><body><ul>");
                for (int k = 1; k <= pagesPerHost; k++) {
                    b.append("<li><a href=\"/a/").append(k).append(".html\">Story ").append(k).append("</a></li>");
                }
                html = b.append("</ul></body></html>").toString();
            } else if (path.matches("/a/\\d+\\.html")) {
                int k = Integer.parseInt(path.substring(3, path.length() - 5));
                if (k >= 1 && k <= pagesPerHost) {
                    String url = "http://" + ex.getLocalAddress().getAddress().getHostAddress() + ":"
                            + ex.getLocalAddress().getPort() + path;
                    String page = templates[k % templates.length];
                    page = CANONICAL.matcher(page).replaceFirst("$1" + Matcher.quoteReplacement(url) + "\"");
                    page = OG_URL.matcher(page).replaceFirst("$1" + Matcher.quoteReplacement(url) + "\"");
                    html = TITLE.matcher(page).replaceFirst("$1$2 (" + k + ")$3");
                }
            }
            byte[] body = (html == null ? "not found" : html).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", html == null ? "text/plain" : "text/html; charset=utf-8");
            ex.sendResponseHeaders(html == null ? 404 : 200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }
}
