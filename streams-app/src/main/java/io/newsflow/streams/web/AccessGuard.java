package io.newsflow.streams.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Guards every route before its handler runs.
 *
 * <ul>
 *   <li>With a token configured, {@code /api/*} needs {@code Authorization: Bearer <token>} or
 *       {@code ?token=<token>} (EventSource cannot set headers); otherwise 401. The page, its static
 *       files and {@code /health} hold nothing secret and stay open. Tokens are compared as SHA-256
 *       digests with {@link MessageDigest#isEqual}, so neither content nor length leaks by timing.
 *   <li>Without a token (loopback only), the Host header must name a loopback address: a web page
 *       using DNS rebinding to reach 127.0.0.1 sends its own host name and is refused with 403.
 *   <li>A state-changing request whose Origin header names another origin is refused with 403, so a
 *       page on another site cannot create or delete rules through the user's browser.
 * </ul>
 */
final class AccessGuard extends Filter {

    private final WebConfig config;
    private final byte[] tokenDigest;

    AccessGuard(WebConfig config) {
        this.config = config;
        this.tokenDigest = config.tokenRequired() ? sha256(config.token()) : null;
    }

    @Override
    public String description() {
        return "Newsflow access guard (token, Host and Origin checks)";
    }

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        ApiException refusal = refusal(ex);
        if (refusal == null) {
            chain.doFilter(ex);
            return;
        }
        try {
            if (refusal.status() == 401) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"newsflow\"");
            }
            Http.error(ex, refusal.status(), refusal.getMessage());
        } finally {
            ex.close();
        }
    }

    /** Null when the request may proceed, else why not. */
    private ApiException refusal(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (!config.tokenRequired() && host != null && !isLocalHost(hostPart(host))) {
            return new ApiException(403, "Host '" + hostPart(host)
                    + "' is not allowed; open the page via 127.0.0.1 or localhost");
        }
        String method = ex.getRequestMethod();
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (!safe && origin != null && !sameOrigin(origin, host)) {
            return new ApiException(403, "cross-origin request refused");
        }
        if (tokenDigest != null && ex.getRequestURI().getRawPath().startsWith("/api/")
                && !MessageDigest.isEqual(tokenDigest, sha256(presentedToken(ex)))) {
            return new ApiException(401,
                    "missing or wrong token: send 'Authorization: Bearer <token>' or ?token=");
        }
        return null;
    }

    private static String presentedToken(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        try {
            return Http.query(ex).getOrDefault("token", "");
        } catch (ApiException e) {
            return "";
        }
    }

    private boolean isLocalHost(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("localhost") || n.endsWith(".localhost") || n.equals("::1")
                || n.matches("127(\\.\\d{1,3}){3}") || n.equalsIgnoreCase(config.host());
    }

    /** "example:8080" → "example", "[::1]:8080" → "::1". */
    private static String hostPart(String hostHeader) {
        String h = hostHeader.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static boolean sameOrigin(String origin, String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        try {
            URI o = new URI(origin);
            if (o.getHost() == null) {
                return false; // "null" origin: sandboxed frame or file page
            }
            int port = o.getPort() >= 0 ? o.getPort() : ("https".equalsIgnoreCase(o.getScheme()) ? 443 : 80);
            URI h = new URI("http://" + hostHeader.trim());
            int hostPort = h.getPort() >= 0 ? h.getPort() : 80;
            return o.getHost().equalsIgnoreCase(h.getHost()) && port == hostPort;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
