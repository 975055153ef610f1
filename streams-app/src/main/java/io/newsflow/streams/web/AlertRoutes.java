package io.newsflow.streams.web;

import com.sun.net.httpserver.HttpExchange;
import io.newsflow.schema.Severity;
import io.newsflow.schemas.AvroJson;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /api/alerts?rule=&owner=&severity=&limit=} (newest first) and
 * {@code GET /api/sparklines?hours=}, plus the query parsing the live stream shares.
 */
final class AlertRoutes {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_HOURS = 24;
    private static final String SEVERITIES = Arrays.stream(Severity.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final AlertFeed feed;

    AlertRoutes(AlertFeed feed) {
        this.feed = feed;
    }

    void alerts(HttpExchange ex) throws IOException, ApiException {
        exactPath(ex, "/api/alerts");
        Http.requireMethod(ex, "GET");
        Map<String, String> q = Http.query(ex);
        int limit = intParam(q, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String json = feed.recent(filter(q), limit).stream()
                .map(AvroJson::toJson)
                .collect(Collectors.joining(",", "[", "]"));
        Http.json(ex, 200, json);
    }

    void sparklines(HttpExchange ex) throws IOException, ApiException {
        exactPath(ex, "/api/sparklines");
        Http.requireMethod(ex, "GET");
        int hours = intParam(Http.query(ex), "hours", DEFAULT_HOURS, 1, AlertFeed.MAX_SPARKLINE_HOURS);
        Http.json(ex, 200, Http.toJson(feed.sparklines(hours)));
    }

    /** The filter named by the {@code rule}, {@code owner} and {@code severity} query parameters. */
    static AlertFilter filter(Map<String, String> q) throws ApiException {
        String severity = q.get("severity");
        Severity min = null;
        if (severity != null && !severity.isBlank()) {
            try {
                min = Severity.valueOf(severity.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "parameter 'severity' must be one of " + SEVERITIES);
            }
        }
        return new AlertFilter(q.get("rule"), q.get("owner"), min);
    }

    static void exactPath(HttpExchange ex, String path) throws ApiException {
        if (!ex.getRequestURI().getPath().equals(path)) {
            throw new ApiException(404, "no such resource: " + ex.getRequestURI().getRawPath());
        }
    }

    private static int intParam(Map<String, String> q, String name, int absent, int min, int max)
            throws ApiException {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // same answer as out of range
        }
        throw new ApiException(400, "parameter '" + name + "' must be a whole number from " + min + " to " + max);
    }
}
