package io.newsflow.streams.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the alerts page and HTTP API listen, and the token that guards the API.
 *
 * <p>Validated on construction, with the setting's name in each message: {@code web.host} must be
 * set; {@code web.port} is 0 (any free port) to 65535; a host that is not a loopback address needs a
 * non-blank {@code web.token}, because anyone who can reach the port could otherwise read alerts and
 * change rules. A blank token means none and is stored as null. {@link #toString()} hides the token.
 *
 * @param host address or name to bind, e.g. {@code 127.0.0.1}
 * @param port TCP port, 0 for any free one
 * @param token shared secret for {@code /api/*}, or null for none (loopback only)
 */
public record WebConfig(String host, int port, String token) {

    /** Validates and normalises; see the type's documentation. */
    public WebConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("web.host must be set, e.g. 127.0.0.1");
        }
        host = host.strip();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "web.port must be between 0 and 65535 (0 = any free port), got " + port);
        }
        token = token == null || token.isBlank() ? null : token;
        if (token == null && !isLoopback(host)) {
            throw new IllegalArgumentException("web.token must be set when web.host (" + host
                    + ") is not a loopback address: anyone who can reach the port could change rules");
        }
    }

    /** True when API calls must carry the token. */
    public boolean tokenRequired() {
        return token != null;
    }

    @Override
    public String toString() {
        return "WebConfig[host=" + host + ", port=" + port + ", token=" + (token == null ? "none" : "***") + "]";
    }

    /** Every address the name resolves to must be loopback: "localhost" may resolve to several. */
    private static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress a : addresses) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("web.host " + host + " cannot be resolved", e);
        }
    }
}
