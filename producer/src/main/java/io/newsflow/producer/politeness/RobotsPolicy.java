package io.newsflow.producer.politeness;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a URL may be fetched according to its site's robots.txt (RFC 9309), parsed with crawler-commons'
 * {@link SimpleRobotRulesParser}, and how long to wait between requests to the site.
 *
 * <p>robots.txt is fetched through the function given to the constructor (so the crawler decides how: its own
 * HTTP client, its address guards, up to five redirects as RFC 9309 asks), once per origin (scheme, host, port),
 * and cached for {@code cacheTtl} (24 hours by default, the RFC's upper bound). By the response:
 * <ul>
 *   <li>2xx: the rules of the group for our product token (else {@code *}) apply.</li>
 *   <li>3xx (the fetch function gave up on redirects) and 4xx such as 404 or 403: "unavailable", all allowed.</li>
 *   <li>5xx, 429, or unreachable (status -1, or the function threw): "unreachable", all disallowed, with
 *       {@link Decision#retryAt()} set so that the caller defers the URL rather than refusing it; robots.txt is
 *       fetched again after {@code errorBackoff}. If an earlier fetch had succeeded, that copy keeps being used
 *       instead (RFC 9309 section 2.4 allows a cached copy while robots.txt is unreachable). 429 is counted here
 *       rather than as 4xx because the server asks us to slow down, not to go ahead.</li>
 * </ul>
 * Only the first 500 KiB of a robots.txt are parsed (the RFC's minimum). {@code /robots.txt} itself is always
 * allowed.
 *
 * <p><b>Crawl-delay</b> (not part of RFC 9309, but widely used) is honoured up to {@code crawlDelayCap}: a site
 * asking for an hour between requests gets the cap, not a stalled crawl. The caller owns the per-host delay
 * floor, and robots.txt can only lengthen it: the pause between two requests to a host is
 * {@code max(floor, min(crawlDelay, cap))}, see {@link #effectiveDelay} and {@link Decision#hostDelay}.
 *
 * <p>Thread-safe: hosts are checked concurrently; threads asking about the same origin while its robots.txt is
 * being fetched wait for that one fetch.
 */
public final class RobotsPolicy {

    /** How long a robots.txt is used before it is fetched again: 24 hours (RFC 9309 section 2.4). */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofHours(24);

    /** Bytes of robots.txt parsed; the rest is ignored (RFC 9309 section 2.5 requires at least 500 KiB). */
    public static final int MAX_PARSED_BYTES = 500 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RobotsPolicy.class);
    private static final Pattern PRODUCT_TOKEN = Pattern.compile("^[A-Za-z_-]+");
    private static final int INITIAL_SWEEP_THRESHOLD = 10_000;

    /**
     * The outcome of fetching robots.txt.
     *
     * @param status the final HTTP status, or {@link #UNREACHABLE} when no response came (DNS, connect, timeout)
     * @param body the response body (empty if none)
     */
    public record RobotsResponse(int status, byte[] body) {

        /** Status of a fetch that got no HTTP response. */
        public static final int UNREACHABLE = -1;

        public RobotsResponse {
            body = body == null ? new byte[0] : body;
        }

        /** A fetch that got no HTTP response. */
        public static RobotsResponse unreachable() {
            return new RobotsResponse(UNREACHABLE, new byte[0]);
        }
    }

    /**
     * Whether a URL may be fetched.
     *
     * @param allowed true if robots.txt allows it
     * @param crawlDelay the site's Crawl-delay, already capped; zero if it sets none
     * @param reason why, for the URL's fetch status and logs
     * @param retryAt set when the URL is disallowed only because robots.txt could not be fetched: ask again then,
     *     the URL is deferred, not refused; null otherwise
     */
    public record Decision(boolean allowed, Duration crawlDelay, String reason, Instant retryAt) {

        public Decision {
            Objects.requireNonNull(crawlDelay, "crawlDelay");
            Objects.requireNonNull(reason, "reason");
        }

        /** A decision that is final until robots.txt changes. */
        public Decision(boolean allowed, Duration crawlDelay, String reason) {
            this(allowed, crawlDelay, reason, null);
        }

        /** True if the URL is disallowed only until {@link #retryAt()}, because robots.txt was unreachable. */
        public boolean temporary() {
            return retryAt != null;
        }

        /** The pause between requests to this host given the caller's own floor: {@code max(floor, crawlDelay)}. */
        public Duration hostDelay(Duration floor) {
            return crawlDelay.compareTo(floor) > 0 ? crawlDelay : floor;
        }
    }

    /** The cached state of one origin's robots.txt. Immutable. */
    private record Snapshot(BaseRobotRules rules, int status, Instant fetchedAt, Instant expiresAt, boolean stale,
            List<URI> sitemaps) {

        /** True if the rules came from a robots.txt actually read (2xx), now or earlier. */
        boolean fromFile() {
            return rules != null && status >= 200 && status <= 299 || stale;
        }
    }

    /** One origin; its snapshot is replaced under the object's lock, read without it. */
    private static final class Host {
        volatile Snapshot snapshot;
    }

    private final Function<URI, RobotsResponse> fetch;
    private final Clock clock;
    private final String token;
    private final Duration crawlDelayCap;
    private final Duration errorBackoff;
    private final Duration cacheTtl;
    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();
    private volatile int sweepThreshold = INITIAL_SWEEP_THRESHOLD;

    /** A policy with the 24-hour cache of {@link #DEFAULT_CACHE_TTL}. */
    public RobotsPolicy(Function<URI, RobotsResponse> fetch, Clock clock, String userAgentToken, Duration crawlDelayCap,
            Duration errorBackoff) {
        this(fetch, clock, userAgentToken, crawlDelayCap, errorBackoff, DEFAULT_CACHE_TTL);
    }

    /**
     * @param fetch fetches a robots.txt URL; may throw, which counts as unreachable
     * @param clock the time source of the cache and back-off
     * @param userAgentToken the product token matched against {@code User-agent} lines, e.g. {@code newsflow}
     *     (see {@link #productToken(String)}); letters, '_' and '-' only, as RFC 9309 requires
     * @param crawlDelayCap the longest Crawl-delay honoured
     * @param errorBackoff how long an unreachable robots.txt disallows the site before it is fetched again
     * @param cacheTtl how long a fetched robots.txt is used
     */
    public RobotsPolicy(Function<URI, RobotsResponse> fetch, Clock clock, String userAgentToken, Duration crawlDelayCap,
            Duration errorBackoff, Duration cacheTtl) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (userAgentToken == null || !userAgentToken.matches("[A-Za-z_-]+")) {
            throw new IllegalArgumentException("user agent token must be letters, '_' or '-' (RFC 9309), got '"
                    + userAgentToken + "'");
        }
        this.token = userAgentToken.toLowerCase(Locale.ROOT);
        this.crawlDelayCap = requireNonNegative(crawlDelayCap, "crawlDelayCap");
        this.errorBackoff = requirePositive(errorBackoff, "errorBackoff");
        this.cacheTtl = requirePositive(cacheTtl, "cacheTtl");
    }

    /**
     * The RFC 9309 product token of a User-Agent header: its leading letters, '_' and '-', lower-cased
     * ({@code "Newsflow/0.1 (+https://...)"} gives {@code "newsflow"}).
     *
     * @throws IllegalArgumentException if the user agent does not start with such a token
     */
    public static String productToken(String userAgent) {
        Matcher m = PRODUCT_TOKEN.matcher(userAgent == null ? "" : userAgent.strip());
        if (!m.find()) {
            throw new IllegalArgumentException("user agent '" + userAgent + "' does not start with a product token");
        }
        return m.group().toLowerCase(Locale.ROOT);
    }

    /**
     * The pause between two requests to one host: the caller's floor, lengthened (never shortened) by the site's
     * Crawl-delay up to the cap: {@code max(floor, min(crawlDelay, cap))}.
     */
    public static Duration effectiveDelay(Duration floor, Duration crawlDelay, Duration cap) {
        Duration honoured = crawlDelay.compareTo(cap) < 0 ? crawlDelay : cap;
        return honoured.compareTo(floor) > 0 ? honoured : floor;
    }

    /**
     * The robots.txt URL of {@code url}'s origin, e.g. {@code https://news.example/robots.txt}; scheme and host
     * lower-cased and a default port left out, so that one origin has one robots.txt URL (the cache key).
     */
    public static URI robotsUrl(URI url) {
        try {
            String scheme = url.getScheme().toLowerCase(Locale.ROOT);
            int port = url.getPort();
            if (scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443) {
                port = -1;
            }
            return new URI(scheme, null, url.getHost().toLowerCase(Locale.ROOT), port, "/robots.txt", null, null);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url, e);
        }
    }

    /** Whether {@code url} may be fetched, fetching its robots.txt first if it is not cached or has expired. */
    public Decision check(URI url) {
        if (!isHttp(url)) {
            return new Decision(false, Duration.ZERO, "not an http(s) URL with a host");
        }
        if ("/robots.txt".equals(url.getRawPath()) && url.getRawQuery() == null) {
            return new Decision(true, Duration.ZERO, "robots.txt itself");
        }
        Snapshot snapshot = snapshot(url);
        if (snapshot.rules() == null) {
            return new Decision(false, Duration.ZERO, "robots.txt unreachable (" + describe(snapshot.status())
                    + "): site disallowed until " + snapshot.expiresAt(), snapshot.expiresAt());
        }
        Duration delay = crawlDelay(snapshot.rules());
        if (!snapshot.fromFile()) {
            return new Decision(true, delay, "no robots.txt (" + describe(snapshot.status()) + "): all allowed");
        }
        String copy = snapshot.stale() ? " (copy of " + snapshot.fetchedAt() + "; robots.txt now unreachable)" : "";
        if (snapshot.rules().isAllowed(url.toString())) {
            return new Decision(true, delay, "allowed by robots.txt" + copy);
        }
        return new Decision(false, delay, "disallowed by robots.txt for '" + token + "'" + copy);
    }

    /**
     * The {@code Sitemap:} URLs of the robots.txt of {@code url}'s origin (fetched if not cached), absolute
     * http(s) only; empty if robots.txt is missing or unreachable.
     */
    public List<URI> sitemaps(URI url) {
        if (!isHttp(url)) {
            return List.of();
        }
        return snapshot(url).sitemaps();
    }

    private Snapshot snapshot(URI url) {
        URI robots = robotsUrl(url);
        Host host = hosts.computeIfAbsent(robots.toString(), k -> new Host());
        Snapshot current = host.snapshot;
        if (current == null || !clock.instant().isBefore(current.expiresAt())) {
            synchronized (host) {
                current = host.snapshot;
                if (current == null || !clock.instant().isBefore(current.expiresAt())) {
                    current = load(robots, current);
                    host.snapshot = current;
                }
            }
            sweepIfLarge();
        }
        return current;
    }

    private Snapshot load(URI robots, Snapshot previous) {
        RobotsResponse response;
        try {
            response = Objects.requireNonNull(fetch.apply(robots), "fetch function returned null");
        } catch (RuntimeException e) {
            LOG.debug("robots.txt fetch failed url={} error={}", robots, e.toString());
            response = RobotsResponse.unreachable();
        }
        Instant now = clock.instant();
        int status = response.status();
        if (status >= 200 && status <= 299) {
            BaseRobotRules rules = parse(robots, response.body());
            LOG.debug("robots.txt fetched url={} status={} crawlDelay={}", robots, status, rules.getCrawlDelay());
            return new Snapshot(rules, status, now, now.plus(cacheTtl), false, sitemaps(robots, rules));
        }
        if (status >= 300 && status <= 499 && status != 429) {
            LOG.debug("robots.txt unavailable url={} status={}: all allowed", robots, status);
            return new Snapshot(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), status, now,
                    now.plus(cacheTtl), false, List.of());
        }
        if (previous != null && previous.fromFile()) {
            LOG.info("robots.txt unreachable url={} status={}: using the copy of {} until {}", robots, status,
                    previous.fetchedAt(), now.plus(errorBackoff));
            return new Snapshot(previous.rules(), status, previous.fetchedAt(), now.plus(errorBackoff), true,
                    previous.sitemaps());
        }
        LOG.info("robots.txt unreachable url={} status={}: site disallowed until {}", robots, status,
                now.plus(errorBackoff));
        return new Snapshot(null, status, now, now.plus(errorBackoff), false, List.of());
    }

    private BaseRobotRules parse(URI robots, byte[] body) {
        byte[] parsed = body.length > MAX_PARSED_BYTES ? Arrays.copyOf(body, MAX_PARSED_BYTES) : body;
        // No crawl-delay limit in the parser: above its limit it would disallow the whole site; we cap instead.
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);
        return parser.parseContent(robots.toString(), parsed, "text/plain", List.of(token));
    }

    private Duration crawlDelay(BaseRobotRules rules) {
        long millis = rules.getCrawlDelay();
        if (millis <= 0) {
            return Duration.ZERO;
        }
        Duration delay = Duration.ofMillis(millis);
        return delay.compareTo(crawlDelayCap) < 0 ? delay : crawlDelayCap;
    }

    private static List<URI> sitemaps(URI robots, BaseRobotRules rules) {
        Set<URI> out = new LinkedHashSet<>();
        for (String s : rules.getSitemaps()) {
            try {
                URI uri = robots.resolve(new URI(s.strip()));
                if (isHttp(uri)) {
                    out.add(uri);
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                LOG.debug("robots.txt sitemap skipped url={} sitemap={}", robots, s);
            }
        }
        return List.copyOf(out);
    }

    /** Forgets expired origins once the cache grows past a threshold, so that memory follows the active hosts. */
    private void sweepIfLarge() {
        if (hosts.size() > sweepThreshold) {
            Instant now = clock.instant();
            hosts.values().removeIf(h -> {
                Snapshot s = h.snapshot;
                return s != null && !now.isBefore(s.expiresAt());
            });
            sweepThreshold = Math.max(INITIAL_SWEEP_THRESHOLD, hosts.size() * 2);
        }
    }

    private static boolean isHttp(URI url) {
        return url != null && url.getHost() != null && url.getScheme() != null
                && (url.getScheme().equalsIgnoreCase("http") || url.getScheme().equalsIgnoreCase("https"));
    }

    private static String describe(int status) {
        return status == RobotsResponse.UNREACHABLE ? "no response" : "HTTP " + status;
    }

    private static Duration requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }

    private static Duration requireNonNegative(Duration d, String name) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
        return d;
    }
}
