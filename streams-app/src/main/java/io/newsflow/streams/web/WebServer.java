package io.newsflow.streams.web;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.schemas.AvroTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts page and its HTTP API on the JDK's built-in server:
 *
 * <pre>
 * GET  /                      the page          GET  /static/app.js, /static/style.css
 * GET  /health                {"status":"ok"}
 * GET  /api/alerts?rule=&amp;owner=&amp;severity=&amp;limit=    latest alerts, newest first
 * GET  /api/alerts/stream?rule=&amp;owner=&amp;severity=        server-sent events (event: alert)
 * GET  /api/sparklines?hours=24                      rule id to hourly counts, oldest first
 * GET  /api/rules             POST /api/rules (201)
 * GET|PUT|DELETE /api/rules/{id}
 * </pre>
 *
 * <p>JSON in and out; errors are {@code {"error": "..."}}. Request bodies are capped at 16 KiB. With a
 * token configured, {@code /api/*} needs it (see {@link AccessGuard}). The query form of the token is
 * for EventSource only; the JDK's own {@code com.sun.net.httpserver} logger writes request lines at
 * DEBUG, so keep that logger above DEBUG where tokens travel in URLs.
 *
 * <p>Each request runs on a pooled daemon thread; each live stream holds one until its client leaves.
 * {@link #close()} ends the streams, then stops the server.
 */
public final class WebServer implements AutoCloseable {

    static final int MAX_BODY_BYTES = 16 * 1024;
    static final Duration PING_INTERVAL = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final AlertStream streams;
    private final URI uri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WebServer(HttpServer server, ExecutorService executor, AlertStream streams, URI uri) {
        this.server = server;
        this.executor = executor;
        this.streams = streams;
        this.uri = uri;
    }

    /**
     * Binds {@code config.host():config.port()} and starts serving.
     *
     * @throws UncheckedIOException when the address cannot be bound (e.g. the port is taken)
     */
    public static WebServer start(WebConfig config, AlertFeed feed, RuleAdmin rules) {
        return start(config, feed, rules, PING_INTERVAL);
    }

    /** As {@link #start(WebConfig, AlertFeed, RuleAdmin)}, with a shorter ping interval for tests. */
    static WebServer start(WebConfig config, AlertFeed feed, RuleAdmin rules, Duration pingInterval) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(rules, "rules");
        AvroTrust.register();
        StaticAssets assets = new StaticAssets(); // before binding: a missing asset fails fast
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on web.host " + config.host() + ", web.port "
                    + config.port() + ": " + e.getMessage(), e);
        }
        AccessGuard guard = new AccessGuard(config);
        AlertRoutes alerts = new AlertRoutes(feed);
        AlertStream streams = new AlertStream(feed, pingInterval);
        route(server, guard, "/", assets);
        route(server, guard, "/health", ex -> {
            AlertRoutes.exactPath(ex, "/health");
            Http.requireMethod(ex, "GET");
            Http.json(ex, 200, "{\"status\":\"ok\"}");
        });
        route(server, guard, "/api/alerts", alerts::alerts);
        route(server, guard, "/api/alerts/stream", streams);
        route(server, guard, "/api/sparklines", alerts::sparklines);
        route(server, guard, RuleRoutes.PATH, new RuleRoutes(rules, MAX_BODY_BYTES));
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.start();
        URI uri = URI.create("http://" + hostForUri(config.host()) + ":" + server.getAddress().getPort() + "/");
        LOG.info("Alerts page on {} (API token {})", uri, config.tokenRequired() ? "required" : "not required");
        return new WebServer(server, executor, streams, uri);
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8088/}; the port is the bound one. */
    public URI uri() {
        return uri;
    }

    /** Ends live streams, stops accepting requests and releases the port. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        streams.closeAll();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (streams.openCount() > 0 && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            sleepBriefly();
        }
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void route(HttpServer server, AccessGuard guard, String path, SafeHandler.Route route) {
        HttpContext context = server.createContext(path, new SafeHandler(route));
        context.getFilters().add(guard);
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "newsflow-web-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
