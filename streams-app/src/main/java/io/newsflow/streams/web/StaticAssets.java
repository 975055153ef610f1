package io.newsflow.streams.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page and its static files, read once from the classpath at start. Only the files named here
 * are served, so no request path can reach anything else on the classpath.
 */
final class StaticAssets implements SafeHandler.Route {

    /**
     * The page runs only its own script and style, talks only to this server and cannot be framed:
     * an alert's title or snippet that slipped past escaping still could not run a script.
     */
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private record Asset(String resource, String contentType, byte[] bytes) {}

    private final Map<String, Asset> byPath;

    StaticAssets() {
        Asset page = load("index.html", "text/html; charset=utf-8");
        byPath = Map.of(
                "/", page,
                "/index.html", page,
                "/static/app.js", load("app.js", "text/javascript; charset=utf-8"),
                "/static/style.css", load("style.css", "text/css; charset=utf-8"));
    }

    @Override
    public void handle(HttpExchange ex) throws IOException, ApiException {
        Asset asset = byPath.get(ex.getRequestURI().getPath());
        if (asset == null) {
            throw new ApiException(404, "no such resource: " + ex.getRequestURI().getRawPath());
        }
        Http.requireMethod(ex, "GET");
        ex.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
        Http.send(ex, 200, asset.contentType(), asset.bytes());
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("web asset " + name + " missing from the classpath");
            }
            return new Asset(name, contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web asset " + name, e);
        }
    }
}
