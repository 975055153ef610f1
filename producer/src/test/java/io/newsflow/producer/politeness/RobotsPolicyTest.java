package io.newsflow.producer.politeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.producer.politeness.RobotsPolicy.Decision;
import io.newsflow.producer.politeness.RobotsPolicy.RobotsResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * robots.txt files are served by a local server on 127.0.0.1; the fetch function given to the policy maps each
 * robots.txt URL (of made-up hosts such as {@code group.test}) to a request to that server.
 */
class RobotsPolicyTest {

    static final Duration CAP = Duration.ofSeconds(60);
    static final Duration BACKOFF = Duration.ofMinutes(10);

    /** robots.txt URL → what the server answers for it; status -1 sends the fetch to a closed port. */
    static final Map<String, RobotsResponse> ROUTES = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
    static HttpServer server;
    static ExecutorService executor;
    static HttpClient client;
    static int closedPort;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/robots", ex -> {
            String target = URLDecoder.decode(ex.getRequestURI().getRawQuery().substring(2), StandardCharsets.UTF_8);
            HITS.computeIfAbsent(target, k -> new AtomicInteger()).incrementAndGet();
            RobotsResponse route = ROUTES.getOrDefault(target, new RobotsResponse(404, new byte[0]));
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            ex.sendResponseHeaders(route.status(), route.body().length == 0 ? -1 : route.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(route.body());
            }
        });
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.start();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** What the crawler would plug in: an HTTP GET, with no response mapped to {@link RobotsResponse#unreachable()}. */
    static RobotsResponse fetch(URI robots) {
        RobotsResponse route = ROUTES.get(robots.toString());
        int port = route != null && route.status() == RobotsResponse.UNREACHABLE ? closedPort
                : server.getAddress().getPort();
        URI local = URI.create("http://127.0.0.1:" + port + "/robots?u="
                + URLEncoder.encode(robots.toString(), StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(local).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            return new RobotsResponse(response.statusCode(), response.body());
        } catch (IOException e) {
            return RobotsResponse.unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RobotsResponse.unreachable();
        }
    }

    static void serve(String robotsUrl, int status, String body) {
        ROUTES.put(robotsUrl, new RobotsResponse(status, body.getBytes(StandardCharsets.UTF_8)));
    }

    static int hits(String robotsUrl) {
        return HITS.getOrDefault(robotsUrl, new AtomicInteger()).get();
    }

    static RobotsPolicy policy(Clock clock) {
        return new RobotsPolicy(RobotsPolicyTest::fetch, clock, "newsflow", CAP, BACKOFF);
    }

    static Decision check(RobotsPolicy policy, String url) {
        return policy.check(URI.create(url));
    }

    @Test
    void ourGroupWinsOverTheStarGroupAndTheLongestRuleWins() {
        serve("http://group.test/robots.txt", 200, """
                User-agent: *
                Disallow: /

                User-agent: Newsflow
                Disallow: /private/
                Allow: /private/open.html
                """);
        RobotsPolicy policy = policy(new MutableClock());

        assertThat(check(policy, "http://group.test/news/a.html").allowed()).isTrue();
        Decision denied = check(policy, "http://group.test/private/x.html");
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.temporary()).isFalse();
        assertThat(denied.reason()).isEqualTo("disallowed by robots.txt for 'newsflow'");
        assertThat(check(policy, "http://group.test/private/open.html").allowed()).isTrue();
    }

    @Test
    void theStarGroupAppliesWhenNoGroupNamesUs() {
        serve("http://star.test/robots.txt", 200, """
                User-agent: otherbot
                Disallow: /

                User-agent: *
                Disallow: /search
                """);
        RobotsPolicy policy = policy(new MutableClock());

        assertThat(check(policy, "http://star.test/search?q=port").allowed()).isFalse();
        assertThat(check(policy, "http://star.test/news/port-strike.html").allowed()).isTrue();
    }

    @Test
    void a4xxMeansNoRobotsTxtAndEverythingIsAllowed() {
        serve("http://forbidden.test/robots.txt", 403, "no");
        serve("http://gone.test/robots.txt", 410, "");
        RobotsPolicy policy = policy(new MutableClock());

        for (String host : List.of("missing.test", "forbidden.test", "gone.test")) {
            Decision d = check(policy, "http://" + host + "/anything");
            assertThat(d.allowed()).as(host).isTrue();
            assertThat(d.reason()).as(host).startsWith("no robots.txt (HTTP 4");
        }
    }

    @Test
    void aServerErrorDisallowsTheSiteUntilTheBackOffThenRobotsTxtIsFetchedAgain() {
        String robots = "http://flaky.test/robots.txt";
        serve(robots, 503, "busy");
        MutableClock clock = new MutableClock();
        RobotsPolicy policy = policy(clock);

        Decision first = check(policy, "http://flaky.test/news/a.html");
        assertThat(first.allowed()).isFalse();
        assertThat(first.temporary()).isTrue();
        assertThat(first.retryAt()).isEqualTo(clock.instant().plus(BACKOFF));
        assertThat(first.reason()).contains("robots.txt unreachable (HTTP 503)");

        clock.advance(BACKOFF.minusSeconds(1));
        assertThat(check(policy, "http://flaky.test/news/b.html").allowed()).isFalse();
        assertThat(hits(robots)).isEqualTo(1);

        serve(robots, 200, "User-agent: *\nDisallow: /private/\n");
        clock.advance(Duration.ofSeconds(1));
        assertThat(check(policy, "http://flaky.test/news/b.html").allowed()).isTrue();
        assertThat(hits(robots)).isEqualTo(2);
    }

    @Test
    void tooManyRequestsIsTreatedAsAServerErrorNotAsMissing() {
        serve("http://slowdown.test/robots.txt", 429, "slow down");

        Decision d = check(policy(new MutableClock()), "http://slowdown.test/a.html");

        assertThat(d.allowed()).isFalse();
        assertThat(d.temporary()).isTrue();
    }

    @Test
    void anUnreachableHostOrAFailingFetchDisallowsTemporarily() {
        ROUTES.put("http://down.test/robots.txt", RobotsResponse.unreachable());

        Decision down = check(policy(new MutableClock()), "http://down.test/a.html");
        assertThat(down.allowed()).isFalse();
        assertThat(down.temporary()).isTrue();
        assertThat(down.reason()).contains("no response");

        Function<URI, RobotsResponse> throwing = uri -> {
            throw new IllegalStateException("resolver exploded");
        };
        RobotsPolicy policy = new RobotsPolicy(throwing, new MutableClock(), "newsflow", CAP, BACKOFF);
        assertThat(policy.check(URI.create("http://boom.test/a.html")).temporary()).isTrue();
    }

    @Test
    void robotsTxtIsCachedPerOriginForTheTimeToLive() {
        String robots = "http://cache.test/robots.txt";
        serve(robots, 200, "User-agent: *\nDisallow: /private/\n");
        serve("https://cache.test/robots.txt", 200, "User-agent: *\nDisallow: /\n");
        MutableClock clock = new MutableClock();
        RobotsPolicy policy = policy(clock);

        check(policy, "http://cache.test/a.html");
        check(policy, "http://cache.test/b.html");
        check(policy, "http://CACHE.test:80/c.html");
        assertThat(hits(robots)).isEqualTo(1);

        // another scheme or port is another origin with its own robots.txt
        assertThat(check(policy, "https://cache.test/a.html").allowed()).isFalse();
        assertThat(check(policy, "http://cache.test:8080/a.html").allowed()).isTrue();
        assertThat(hits("https://cache.test/robots.txt")).isEqualTo(1);
        assertThat(hits("http://cache.test:8080/robots.txt")).isEqualTo(1);

        clock.advance(RobotsPolicy.DEFAULT_CACHE_TTL.minusSeconds(1));
        check(policy, "http://cache.test/a.html");
        assertThat(hits(robots)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        check(policy, "http://cache.test/a.html");
        assertThat(hits(robots)).isEqualTo(2);
    }

    @Test
    void theLastGoodCopyIsUsedWhileRobotsTxtIsUnreachable() {
        String robots = "http://stale.test/robots.txt";
        serve(robots, 200, "User-agent: *\nDisallow: /private/\nCrawl-delay: 4\n");
        MutableClock clock = new MutableClock();
        RobotsPolicy policy = policy(clock);
        assertThat(check(policy, "http://stale.test/private/a").allowed()).isFalse();

        serve(robots, 500, "oops");
        clock.advance(RobotsPolicy.DEFAULT_CACHE_TTL);
        Decision news = check(policy, "http://stale.test/news/a.html");
        Decision secret = check(policy, "http://stale.test/private/a");

        assertThat(news.allowed()).isTrue();
        assertThat(news.temporary()).isFalse();
        assertThat(news.crawlDelay()).isEqualTo(Duration.ofSeconds(4));
        assertThat(news.reason()).contains("robots.txt now unreachable");
        assertThat(secret.allowed()).isFalse();
        assertThat(hits(robots)).isEqualTo(2);

        clock.advance(BACKOFF);
        serve(robots, 200, "User-agent: *\nDisallow:\n");
        assertThat(check(policy, "http://stale.test/private/a").allowed()).isTrue();
        assertThat(hits(robots)).isEqualTo(3);
    }

    @Test
    void crawlDelayIsHonouredUpToTheCap() {
        serve("http://delay.test/robots.txt", 200, "User-agent: *\nCrawl-delay: 5\n");
        serve("http://half.test/robots.txt", 200, "User-agent: *\nCrawl-delay: 0.5\n");
        serve("http://greedy.test/robots.txt", 200, "User-agent: *\nCrawl-delay: 3600\nDisallow: /private/\n");
        RobotsPolicy policy = policy(new MutableClock());

        assertThat(check(policy, "http://delay.test/a").crawlDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(check(policy, "http://half.test/a").crawlDelay()).isEqualTo(Duration.ofMillis(500));
        Decision greedy = check(policy, "http://greedy.test/a");
        assertThat(greedy.allowed()).isTrue();
        assertThat(greedy.crawlDelay()).isEqualTo(CAP);
        assertThat(check(policy, "http://greedy.test/private/a").allowed()).isFalse();
        assertThat(check(policy, "http://missing-delay.test/a").crawlDelay()).isZero();
    }

    @Test
    void theCallersFloorIsNeverShortenedByCrawlDelay() {
        Duration floor = Duration.ofSeconds(2);

        assertThat(RobotsPolicy.effectiveDelay(floor, Duration.ZERO, CAP)).isEqualTo(floor);
        assertThat(RobotsPolicy.effectiveDelay(floor, Duration.ofSeconds(1), CAP)).isEqualTo(floor);
        assertThat(RobotsPolicy.effectiveDelay(floor, Duration.ofSeconds(10), CAP)).isEqualTo(Duration.ofSeconds(10));
        assertThat(RobotsPolicy.effectiveDelay(floor, Duration.ofHours(1), CAP)).isEqualTo(CAP);
        assertThat(RobotsPolicy.effectiveDelay(Duration.ofMinutes(5), Duration.ofHours(1), CAP))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(new Decision(true, Duration.ofSeconds(1), "x").hostDelay(floor)).isEqualTo(floor);
        assertThat(new Decision(true, Duration.ofSeconds(9), "x").hostDelay(floor)).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void sitemapLinesAreExposed() {
        serve("https://maps.test/robots.txt", 200, """
                User-agent: *
                Disallow: /search
                Sitemap: https://maps.test/news-sitemap.xml
                Sitemap: /sitemap_index.xml
                """);
        RobotsPolicy policy = policy(new MutableClock());

        assertThat(policy.sitemaps(URI.create("https://maps.test/any/page.html"))).containsExactly(
                URI.create("https://maps.test/news-sitemap.xml"), URI.create("https://maps.test/sitemap_index.xml"));
        assertThat(policy.sitemaps(URI.create("https://no-maps.test/"))).isEmpty();
    }

    @Test
    void robotsTxtItselfIsAllowedWithoutAFetch() {
        serve("http://self.test/robots.txt", 200, "User-agent: *\nDisallow: /\n");
        RobotsPolicy policy = policy(new MutableClock());

        assertThat(check(policy, "http://self.test/robots.txt").allowed()).isTrue();
        assertThat(hits("http://self.test/robots.txt")).isZero();
        assertThat(check(policy, "http://self.test/a.html").allowed()).isFalse();
    }

    @Test
    void onlyTheFirst500KiBAreParsed() {
        String padding = "# padding padding padding padding padding padding padding padding padding\n".repeat(8000);
        serve("http://long.test/robots.txt", 200, "User-agent: *\nDisallow: /early\n" + padding + "Disallow: /late\n");
        RobotsPolicy policy = policy(new MutableClock());

        assertThat(check(policy, "http://long.test/early").allowed()).isFalse();
        assertThat(check(policy, "http://long.test/late").allowed()).isTrue();
    }

    @Test
    void concurrentChecksOfOneOriginWaitForASingleFetch() throws Exception {
        serve("http://busy.test/robots.txt", 200, "User-agent: *\nDisallow: /private/\n");
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger fetches = new AtomicInteger();
        Function<URI, RobotsResponse> slowFetch = uri -> {
            fetches.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return fetch(uri);
        };
        RobotsPolicy policy = new RobotsPolicy(slowFetch, new MutableClock(), "newsflow", CAP, BACKOFF);
        List<Thread> threads = new ArrayList<>();
        Map<String, Boolean> results = new ConcurrentHashMap<>();
        for (int i = 0; i < 6; i++) {
            String url = "http://busy.test/" + (i % 2 == 0 ? "news/" : "private/") + i;
            threads.add(new Thread(() -> results.put(url, policy.check(URI.create(url)).allowed())));
        }
        threads.forEach(Thread::start);

        // one thread is inside the fetch, the five others wait for it
        await().atMost(Duration.ofSeconds(10)).until(() ->
                threads.stream().filter(t -> t.getState() == Thread.State.BLOCKED).count() == 5);
        release.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }

        assertThat(fetches).hasValue(1);
        assertThat(results).hasSize(6);
        results.forEach((url, allowed) -> assertThat(allowed).as(url).isEqualTo(url.contains("/news/")));
    }

    @Test
    void nonHttpUrlsAreRefused() {
        RobotsPolicy policy = policy(new MutableClock());

        assertThat(check(policy, "ftp://files.test/a.zip").allowed()).isFalse();
        assertThat(check(policy, "mailto:desk@news.test").allowed()).isFalse();
    }

    @Test
    void theProductTokenIsTheUserAgentsLeadingName() {
        assertThat(RobotsPolicy.productToken("Newsflow/0.1 (+https://github.com/newsflow/newsflow)"))
                .isEqualTo("newsflow");
        assertThat(RobotsPolicy.productToken("news-bot")).isEqualTo("news-bot");
        assertThatThrownBy(() -> RobotsPolicy.productToken("/0.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RobotsPolicy(RobotsPolicyTest::fetch, new MutableClock(), "Newsflow/0.1", CAP,
                BACKOFF)).hasMessageContaining("RFC 9309");
    }

    @Test
    void robotsUrlIsTheOriginsWithoutADefaultPort() {
        assertThat(RobotsPolicy.robotsUrl(URI.create("HTTPS://News.Example:443/a/b?c#d")))
                .isEqualTo(URI.create("https://news.example/robots.txt"));
        assertThat(RobotsPolicy.robotsUrl(URI.create("http://news.example:8080/a")))
                .isEqualTo(URI.create("http://news.example:8080/robots.txt"));
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2025-03-10T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
