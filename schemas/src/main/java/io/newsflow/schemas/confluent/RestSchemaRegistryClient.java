package io.newsflow.schemas.confluent;

import io.newsflow.schemas.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistryClient} over the Confluent schema registry REST API, with the JDK HttpClient:
 * {@code POST /subjects/{subject}/versions} to register, {@code GET /schemas/ids/{id}} to look up. Ids and
 * schemas are cached for the life of the client (a registry never changes what an id means), so each
 * subject is registered and each id fetched once. Optional HTTP basic auth, from the constructor or the
 * URL's user info; credentials never appear in messages, logs or {@link #toString()}. Redirects are not
 * followed, so credentials are only ever sent to the configured host. Thread-safe.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    /** Setting: base URL of the registry, e.g. {@code http://registry:8081}. */
    public static final String URL_CONFIG = "schema.registry.url";
    /** Setting: {@code user:password} for HTTP basic auth; empty for none. */
    public static final String USER_INFO_CONFIG = "schema.registry.basic.auth.user.info";
    /** Setting: connect and per-request timeout in milliseconds. */
    public static final String TIMEOUT_CONFIG = "schema.registry.timeout.ms";

    /** Default of {@link #TIMEOUT_CONFIG}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, "
            + "application/json; qs=0.5";

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);

    private final URI base;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final ConcurrentMap<Registration, Integer> idsByRegistration = new ConcurrentHashMap<>();

    private record Registration(String subject, Schema schema) {
    }

    /**
     * @param url base URL of the registry ({@code http} or {@code https}); user info in it is used for basic
     *     auth unless {@code userInfo} is given
     * @param userInfo {@code user:password} for basic auth, or null
     * @param timeout connect and request timeout
     * @throws IllegalArgumentException naming {@link #URL_CONFIG} when the URL is unusable
     */
    public RestSchemaRegistryClient(String url, String userInfo, Duration timeout) {
        Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        URI parsed = parseUrl(url);
        this.base = withoutUserInfo(parsed);
        String credentials = userInfo != null && !userInfo.isEmpty() ? userInfo
                : parsed.getRawUserInfo() == null ? null : URLDecoder.decode(parsed.getRawUserInfo(), StandardCharsets.UTF_8);
        this.authorization = basicAuth(credentials);
        this.http = HttpClient.newBuilder()
                // HTTP/1.1 like Confluent's own clients: the JDK's default h2c upgrade attempt on http:// URLs
                // is a needless risk with proxies in front of a registry.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A client for {@code url} without auth and with the {@linkplain #DEFAULT_TIMEOUT default timeout}. */
    public RestSchemaRegistryClient(String url) {
        this(url, null, DEFAULT_TIMEOUT);
    }

    /**
     * A client configured from Newsflow settings: {@value #URL_CONFIG} (required), {@value #USER_INFO_CONFIG}
     * and {@value #TIMEOUT_CONFIG} (optional).
     */
    public static RestSchemaRegistryClient fromSettings(Map<String, String> settings) {
        String url = settings.get(URL_CONFIG);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(URL_CONFIG + " must be set to use the Confluent wire format");
        }
        long timeoutMillis = Settings.number(settings, TIMEOUT_CONFIG, DEFAULT_TIMEOUT.toMillis());
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException(TIMEOUT_CONFIG + " must be positive, got " + timeoutMillis);
        }
        return new RestSchemaRegistryClient(url.trim(), settings.get(USER_INFO_CONFIG), Duration.ofMillis(timeoutMillis));
    }

    @Override
    public int register(String subject, Schema schema) {
        Registration key = new Registration(subject, schema);
        Integer cached = idsByRegistration.get(key);
        if (cached != null) {
            return cached;
        }
        // No lock around the request: two threads may both register, and the registry answers both
        // with the same id, which is harmless.
        URI uri = registerUri(base, subject);
        String body = send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(
                RegistryJson.registerRequest(schema), StandardCharsets.UTF_8)), "POST", uri);
        int id;
        try {
            id = RegistryJson.parseId(body);
        } catch (IllegalArgumentException e) {
            throw new SchemaRegistryException("unexpected answer to POST " + uri + ": " + e.getMessage(), 200, e);
        }
        LOG.info("Schema {} is id {} under subject {} at {}", schema.getFullName(), id, subject, base);
        idsByRegistration.putIfAbsent(key, id);
        // The registry found our schema equal to the one behind id, so it can decode what id names.
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema byId(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        URI uri = schemaUri(base, id);
        String body = send(HttpRequest.newBuilder(uri).GET(), "GET", uri);
        Schema schema;
        try {
            schema = new Schema.Parser().parse(RegistryJson.parseSchema(body));
        } catch (IllegalArgumentException | SchemaParseException e) {
            throw new SchemaRegistryException("unexpected answer to GET " + uri + ": " + e.getMessage(), 200, e);
        }
        LOG.debug("Fetched schema id {} ({}) from {}", id, schema.getFullName(), base);
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous == null ? schema : previous;
    }

    /** The registry's base URL, without credentials. */
    public URI baseUrl() {
        return base;
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient[" + base + (authorization == null ? "" : ", basic auth") + "]";
    }

    private String send(HttpRequest.Builder request, String method, URI uri) {
        request.timeout(timeout).header("Accept", ACCEPT);
        if ("POST".equals(method)) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // uri never holds user info (stripped in the constructor), so it is safe to show.
            throw new SchemaRegistryException("cannot reach the schema registry: " + method + " " + uri + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    SchemaRegistryException.NO_RESPONSE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted during " + method + " " + uri,
                    SchemaRegistryException.NO_RESPONSE, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SchemaRegistryException("schema registry answered " + response.statusCode() + " to " + method + " "
                    + uri + ": " + RegistryJson.errorMessage(response.body()), response.statusCode());
        }
        return response.body();
    }

    /** {@code base/subjects/{subject}/versions}, the subject percent-encoded as one path segment. */
    static URI registerUri(URI base, String subject) {
        return URI.create(base + "/subjects/" + pathSegment(subject) + "/versions");
    }

    /** {@code base/schemas/ids/{id}}. */
    static URI schemaUri(URI base, int id) {
        return URI.create(base + "/schemas/ids/" + id);
    }

    /** The value of the {@code Authorization} header for {@code user:password}, or null for none. */
    static String basicAuth(String userInfo) {
        if (userInfo == null || userInfo.isEmpty()) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static String pathSegment(String s) {
        // URLEncoder is for forms: it writes a space as '+', which a path would keep literally.
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Parses and checks the configured URL; messages show it with any password masked. */
    static URI parseUrl(String url) {
        String shown = redact(url);
        if (url.contains(",")) {
            // The Confluent clients accept a list of URLs and fail over; this client does not (yet).
            throw new IllegalArgumentException(URL_CONFIG + " must be one URL (put a load balancer in front of "
                    + "several registries), got '" + shown + "'");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL_CONFIG + " is not a URL: '" + shown + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(URL_CONFIG + " must be an http:// or https:// URL with a host, got '"
                    + shown + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(URL_CONFIG + " must not have a query or fragment, got '" + shown + "'");
        }
        return uri;
    }

    /** {@code uri} without user info and trailing slashes, as requests and messages use it. */
    static URI withoutUserInfo(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return URI.create(uri.getScheme() + "://" + (uri.getRawAuthority().contains("@")
                ? uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1)
                : uri.getRawAuthority()) + path);
    }

    /** {@code url} with the user-info part (from {@code //} to the last {@code @}) replaced by {@code ***}. */
    static String redact(String url) {
        // Greedy up to the last '@': a password may itself hold '/' or '@'; over-masking is harmless.
        return url.replaceAll("//.*@", "//***@");
    }
}
