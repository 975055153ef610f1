package io.newsflow.streams.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers shared by the handlers: JSON replies, query parameters, bounded request bodies. */
final class Http {

    static final String JSON = "application/json; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Http() {}

    /** Headers every response gets: no MIME sniffing, no Referer (a token may be in the page URL). */
    static void commonHeaders(HttpExchange ex) {
        Headers h = ex.getResponseHeaders();
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        commonHeaders(ex);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static void json(HttpExchange ex, int status, String json) throws IOException {
        send(ex, status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Any value Jackson can write (maps, lists, arrays, strings, numbers). */
    static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void error(HttpExchange ex, int status, String message) throws IOException {
        json(ex, status, toJson(Map.of("error", message)));
    }

    static void noContent(HttpExchange ex) throws IOException {
        commonHeaders(ex);
        ex.sendResponseHeaders(204, -1);
        ex.close();
    }

    /** Refuses other methods with 405 and the Allow header. */
    static void requireMethod(HttpExchange ex, String... allowed) throws ApiException {
        if (!Arrays.asList(allowed).contains(ex.getRequestMethod())) {
            String list = String.join(", ", allowed);
            ex.getResponseHeaders().set("Allow", list);
            throw new ApiException(405, "method " + ex.getRequestMethod() + " not allowed; use " + list);
        }
    }

    /** Decoded query parameters; the first value wins when a name repeats. */
    static Map<String, String> query(HttpExchange ex) throws ApiException {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "malformed query string (bad %-encoding)");
            }
        }
        return params;
    }

    /** The request body, refused with 413 past {@code max} bytes whatever Content-Length claims. */
    static byte[] body(HttpExchange ex, int max) throws ApiException, IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > max) {
                    throw tooLarge(max);
                }
            } catch (NumberFormatException e) {
                throw new ApiException(400, "malformed Content-Length header");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try (InputStream in = ex.getRequestBody()) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (out.size() + n > max) {
                    throw tooLarge(max);
                }
                out.write(chunk, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static ApiException tooLarge(int max) {
        return new ApiException(413, "request body is larger than " + max + " bytes");
    }
}
