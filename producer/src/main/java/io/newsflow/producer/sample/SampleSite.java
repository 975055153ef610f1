package io.newsflow.producer.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small news site ("The Harbour Courier": two archive listing pages, nine articles, an about page)
 * bundled as classpath resources and served on 127.0.0.1 at an ephemeral port, so demos and tests can
 * crawl something real without touching the internet.
 *
 * <p>{@code /} serves {@code index.html} and {@code /x/} serves {@code x/index.html}; unknown paths get
 * 404, paths with {@code ..} segments 400, methods other than GET and HEAD 405. Links in the pages are
 * root-relative, so the site works on whatever port it gets. Thread-safe; {@link #close()} stops it.
 */
public final class SampleSite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SampleSite.class);
    private static final String ROOT = "io/newsflow/producer/sample-site/";
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "xml", "application/xml; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;

    private SampleSite(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Starts the site on 127.0.0.1 at a free port. */
    public static SampleSite start() {
        return start(0);
    }

    /**
     * Starts the site on 127.0.0.1 at {@code port} (0 = a free one). A fixed port keeps the pages'
     * URLs, and so the article ids, the same from one run to the next.
     */
    public static SampleSite start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "sample-site");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.createContext("/", SampleSite::handle);
            server.start();
            SampleSite site = new SampleSite(server, executor);
            LOG.info("Sample site serving on {}", site.baseUri);
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sample site on 127.0.0.1:" + port + ": " + e.getMessage()
                    + (port == 0 ? "" : " (set sample.site.port to a free port, or 0 for any)"), e);
        }
    }

    /** The site's root, e.g. {@code http://127.0.0.1:49152/}. */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * Reads a bundled page as UTF-8 text, by site path ({@code "articles/x.html"}, {@code "/"} or
     * {@code "/archive/page/2/"}), for tests that extract pages without serving them.
     *
     * @throws IllegalArgumentException when there is no such page
     */
    public static String resource(String path) {
        String resourcePath = resourcePath(path);
        byte[] bytes = resourcePath == null ? null : read(resourcePath);
        if (bytes == null) {
            throw new IllegalArgumentException("no sample page at " + path);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        LOG.info("Sample site on {} stopped", baseUri);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                sendText(exchange, 405, "method not allowed");
                return;
            }
            // getPath() is percent-decoded, so "%2e%2e" arrives here as ".." too.
            String path = exchange.getRequestURI().getPath();
            String resourcePath = resourcePath(path);
            if (resourcePath == null) {
                sendText(exchange, 400, "bad path");
                return;
            }
            byte[] body = read(resourcePath);
            if (body == null) {
                sendText(exchange, 404, "not found");
                return;
            }
            LOG.debug("Serving {}", path);
            exchange.getResponseHeaders().set("Content-Type", contentType(resourcePath));
            send(exchange, 200, body);
        }
    }

    /** Maps a request path to a resource path; null when the path tries to leave the site. */
    static String resourcePath(String path) {
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        if (path.contains("\\") || path.indexOf('\0') >= 0) {
            return null;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return null;
            }
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative += "index.html";
        }
        return ROOT + relative;
    }

    private static byte[] read(String resourcePath) {
        // Only files with an extension: a classpath directory would otherwise be served as a listing.
        String name = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
        if (!name.contains(".")) {
            return null;
        }
        try (InputStream in = SampleSite.class.getClassLoader().getResourceAsStream(resourcePath)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resourcePath, e);
        }
    }

    private static String contentType(String resourcePath) {
        String extension = resourcePath.substring(resourcePath.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static void sendText(HttpExchange exchange, int status, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
