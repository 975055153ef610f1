package io.newsflow.producer.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.producer.discover.FollowRules;
import io.newsflow.producer.discover.Source;
import io.newsflow.producer.extract.ArticleExtractor;
import io.newsflow.producer.fetch.FetchSettings;
import io.newsflow.producer.fetch.HttpFetcher;
import io.newsflow.producer.frontier.FrontierUrls;
import io.newsflow.producer.frontier.WorkResult;
import io.newsflow.producer.politeness.RepollSchedule;
import io.newsflow.producer.sample.SampleSite;
import io.newsflow.schema.FetchOutcome;
import io.newsflow.schema.FetchStatus;
import io.newsflow.schema.FrontierKind;
import io.newsflow.schema.FrontierUrl;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** The fetch work of one frontier URL, without Kafka: a local server on 127.0.0.1 with one route per case. */
class PageWorkerTest {

    static final FetchSettings FETCH = new FetchSettings("Newsflow-test/0.1 (+http://127.0.0.1/)",
            Duration.ofSeconds(5), Duration.ofSeconds(10), 1_000_000).allowing("127.0.0.0/8");

    @TempDir
    Path folder;

    HttpServer server;
    final Map<String, String[]> routes = new ConcurrentHashMap<>(); // path -> {status, content type, body, extra header}
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                String[] route = routes.getOrDefault(path, new String[] {"404", "text/plain", "no"});
                if (route.length > 3) {
                    String[] header = route[3].split(": ", 2);
                    ex.getResponseHeaders().add(header[0], header[1]);
                }
                byte[] body = route[2].getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", route[1]);
                ex.sendResponseHeaders(Integer.parseInt(route[0]), body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    PageWorker worker(Source... sources) {
        Map<String, Source> byId = new java.util.HashMap<>();
        for (Source s : sources) {
            byId.put(s.id(), s);
        }
        HttpFetcher fetcher = new HttpFetcher(FETCH);
        return new PageWorker(byId, fetcher, PageWorker.robotsPolicy(fetcher, FETCH.userAgent(), Clock.systemUTC(),
                CrawlSettings.defaults("test", folder)), new ArticleExtractor(), Clock.systemUTC());
    }

    static Source.Site site(String start, int maxDepth, List<Pattern> deny, String pagination) {
        return new Source.Site("site", List.of(URI.create(start)), new FollowRules(List.of(), deny, maxDepth, 100),
                pagination, Duration.ZERO);
    }

    static FrontierUrl url(String url, String sourceId, FrontierKind kind, int depth) {
        return FrontierUrls.of(url, sourceId, kind, depth, null, 0, 0);
    }

    static FetchStatus onlyStatus(WorkResult result) {
        assertThat(result.pages()).hasSize(1);
        return result.pages().get(0).status();
    }

    static List<String> links(WorkResult result) {
        return result.links().stream().map(FrontierUrl::getUrl).toList();
    }

    @Test
    void startPageWithMaxDepthZeroFollowsOnlyItsPaginationAndIsAListing() {
        try (SampleSite sample = SampleSite.start()) {
            String start = sample.baseUri().toString();
            WorkResult result = worker(site(start, 0, List.of(), "a[rel=next]"))
                    .perform(url(start, "site", FrontierKind.PAGE, 0));

            assertThat(links(result)).containsExactly(start + "archive/page/2/");
            assertThat(result.links()).allSatisfy(l -> assertThat(l.getDepth()).isZero());
            assertThat(onlyStatus(result).getOutcome()).isEqualTo(FetchOutcome.LISTING);
            assertThat(result.requested()).isTrue();
            assertThat(result.fingerprint()).isNotNull();
        }
    }

    @Test
    void denyPatternsKeepLinksOutAndLinksAreOneHopDeeper() {
        try (SampleSite sample = SampleSite.start()) {
            String start = sample.baseUri().toString();
            WorkResult result = worker(site(start, 1, List.of(Pattern.compile("election|about")), null))
                    .perform(url(start, "site", FrontierKind.PAGE, 0));

            assertThat(links(result)).isNotEmpty().noneMatch(l -> l.contains("election") || l.contains("about"))
                    .doesNotHaveDuplicates().doesNotContain(start);
            assertThat(result.links()).allSatisfy(l -> {
                assertThat(l.getDepth()).isEqualTo(1);
                assertThat(l.getReferrer()).isEqualTo(start);
                assertThat(l.getHost()).isEqualTo("127.0.0.1");
            });
        }
    }

    @Test
    void articlePageIsExtractedWithItsStatus() {
        try (SampleSite sample = SampleSite.start()) {
            String page = sample.baseUri() + "articles/storm-isolde-floods-lower-town.html";
            WorkResult result = worker(site(sample.baseUri().toString(), 1, List.of(), null))
                    .perform(url(page, "site", FrontierKind.PAGE, 1));

            FetchStatus status = onlyStatus(result);
            assertThat(status.getOutcome()).isEqualTo(FetchOutcome.ARTICLE);
            assertThat(status.getHttpStatus()).isEqualTo(200);
            assertThat(result.pages().get(0).article().getId()).isEqualTo(status.getArticleId());
            assertThat(result.pages().get(0).article().getTitle()).startsWith("Storm Isolde floods lower town");
        }
    }

    @Test
    void robotsTxtDisallowIsAStatusAndThePageIsNeverRequested() {
        routes.put("/robots.txt", new String[] {"200", "text/plain", "User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n"});
        routes.put("/private/page.html", new String[] {"200", "text/html", "<html><body>secret</body></html>"});

        WorkResult result = worker(site(base + "/", 1, List.of(), null))
                .perform(url(base + "/private/page.html", "site", FrontierKind.PAGE, 1));

        assertThat(onlyStatus(result).getOutcome()).isEqualTo(FetchOutcome.ROBOTS_DISALLOWED);
        assertThat(hits.get("/private/page.html")).isNull();
        assertThat(result.requested()).isFalse();
        assertThat(result.hostDelay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void tooManyRequestsWithRetryAfterAsksTheFrontierToWait() {
        routes.put("/busy.html", new String[] {"429", "text/html", "slow down", "Retry-After: 120"});

        WorkResult result = worker(site(base + "/", 1, List.of(), null))
                .perform(url(base + "/busy.html", "site", FrontierKind.PAGE, 1));

        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(onlyStatus(result).getOutcome()).isEqualTo(FetchOutcome.HTTP_ERROR);
        assertThat(onlyStatus(result).getHttpStatus()).isEqualTo(429);
    }

    @Test
    void feedItemsBecomePageLinksOneHopDeeperWithinTheRules() {
        routes.put("/rss.xml", new String[] {"200", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Courier</title><link>%1$s/</link><description>d</description>
                <item><title>One</title><link>%1$s/articles/one.html</link><pubDate>Mon, 10 Mar 2025 08:00:00 GMT</pubDate></item>
                <item><title>Two</title><link>%1$s/articles/two.html</link><pubDate>Mon, 10 Mar 2025 09:00:00 GMT</pubDate></item>
                <item><title>Tag</title><link>%1$s/tag/harbour</link></item>
                </channel></rss>""".formatted(base)});
        Source.Feed feed = new Source.Feed("feed", List.of(URI.create(base + "/rss.xml")),
                new FollowRules(List.of(), List.of(Pattern.compile("/tag/")), 1, 100),
                new RepollSchedule(Duration.ofMinutes(5), Duration.ofHours(6)), Duration.ZERO);

        WorkResult result = worker(feed).perform(url(base + "/rss.xml", "feed", FrontierKind.FEED, 0));

        assertThat(onlyStatus(result).getOutcome()).isEqualTo(FetchOutcome.FEED);
        assertThat(links(result)).containsExactly(base + "/articles/one.html", base + "/articles/two.html");
        assertThat(result.links()).allSatisfy(l -> {
            assertThat(l.getKind()).isEqualTo(FrontierKind.PAGE);
            assertThat(l.getDepth()).isEqualTo(1);
        });
        assertThat(result.itemDates()).hasSize(2);
    }

    @Test
    void sitemapIndexListsItsChildSitemapsAtTheSameDepth() {
        routes.put("/sitemap.xml", new String[] {"200", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>%1$s/sitemap-news.xml</loc></sitemap>
                </sitemapindex>""".formatted(base)});
        Source.Sitemap sitemap = new Source.Sitemap("maps", List.of(URI.create(base + "/sitemap.xml")),
                new FollowRules(List.of(), List.of(), 1, 100),
                new RepollSchedule(Duration.ofMinutes(15), Duration.ofHours(24)), Duration.ZERO);

        WorkResult result = worker(sitemap).perform(url(base + "/sitemap.xml", "maps", FrontierKind.SITEMAP, 0));

        assertThat(onlyStatus(result).getOutcome()).isEqualTo(FetchOutcome.SITEMAP);
        assertThat(result.links()).singleElement().satisfies(l -> {
            assertThat(l.getUrl()).isEqualTo(base + "/sitemap-news.xml");
            assertThat(l.getKind()).isEqualTo(FrontierKind.SITEMAP);
            assertThat(l.getDepth()).isZero();
        });
    }

    @Test
    void notModifiedOnARepollIsItsOwnOutcomeAndKeepsTheValidators() {
        routes.put("/", new String[] {"304", "text/html", "", "ETag: \"v1\""});
        FrontierUrl repoll = FrontierUrl.newBuilder(url(base + "/", "site", FrontierKind.PAGE, 0)).setEtag("\"v1\"").build();

        WorkResult result = worker(site(base + "/", 1, List.of(), null)).perform(repoll);

        assertThat(onlyStatus(result).getOutcome()).isEqualTo(FetchOutcome.NOT_MODIFIED);
        assertThat(result.etag()).isEqualTo("\"v1\"");
        assertThat(result.fingerprint()).isNull();
    }

    @Test
    void folderListsItsMatchingFilesAndEachFileIsExtractedFromDisk() throws Exception {
        Files.createDirectories(folder.resolve("saved/2025"));
        Files.writeString(folder.resolve("saved/2025/storm.html"),
                SampleSite.resource("articles/storm-isolde-floods-lower-town.html"));
        Files.writeString(folder.resolve("saved/about.html"), SampleSite.resource("about.html"));
        Files.writeString(folder.resolve("saved/notes.txt"), "not matched by the glob");
        Source.Folder source = new Source.Folder("saved", folder.resolve("saved"), "*.html");
        PageWorker worker = worker(source);
        String folderUrl = folder.resolve("saved").toUri().toString();

        WorkResult listing = worker.perform(url(folderUrl, "saved", FrontierKind.PAGE, 0));
        assertThat(onlyStatus(listing).getOutcome()).isEqualTo(FetchOutcome.LISTING);
        assertThat(links(listing)).hasSize(2).allMatch(l -> l.startsWith("file:") && l.endsWith(".html"));
        assertThat(listing.links()).allSatisfy(l -> assertThat(l.getHost()).isEqualTo(FrontierUrls.FILE_HOST));

        WorkResult storm = worker.perform(listing.links().stream().filter(l -> l.getUrl().endsWith("storm.html"))
                .findFirst().orElseThrow());
        assertThat(onlyStatus(storm).getOutcome()).isEqualTo(FetchOutcome.ARTICLE);
        assertThat(storm.pages().get(0).article().getUrl()).startsWith("file:");
    }

    @Test
    void warcFileIsReadInChunksThatResumeFromTheirPositionAfterARestart() throws Exception {
        Path warc = folder.resolve("archive.warc.gz");
        try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP)) {
            for (int n = 1; n <= 150; n++) {
                String url = "https://news.example/a/" + n + ".html";
                byte[] page = TestNewsSite.articleHtml(url, "archive", n).getBytes(StandardCharsets.UTF_8);
                byte[] http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                        + page.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] raw = new byte[http.length + page.length];
                System.arraycopy(http, 0, raw, 0, http.length);
                System.arraycopy(page, 0, raw, http.length, page.length);
                writer.write(new WarcResponse.Builder(URI.create(url)).body(MediaType.HTTP_RESPONSE, raw).build());
            }
        }
        Source.Warc source = new Source.Warc("cc", warc, "*.warc.gz",
                new FollowRules(List.of(), List.of(Pattern.compile("/a/7\\.html$")), 0, Integer.MAX_VALUE));
        FrontierUrl file = url(warc.toUri().toString(), "cc", FrontierKind.PAGE, 0);

        WorkResult first = worker(source).perform(file);
        assertThat(first.pages()).hasSize(99); // 100 archived pages read, one of them denied by the rules
        assertThat(first.pages()).allSatisfy(p -> assertThat(p.status().getOutcome()).isEqualTo(FetchOutcome.ARTICLE));
        assertThat(first.continuation().getEtag()).isEqualTo("pages:100");

        // A new worker (as after a restart) skips what was done and reads the rest.
        WorkResult rest = worker(source).perform(first.continuation());
        assertThat(rest.continuation()).isNull();
        assertThat(rest.pages()).hasSize(51);
        assertThat(rest.pages().get(0).status().getUrl()).isEqualTo("https://news.example/a/101.html");
        assertThat(rest.pages().get(50).status().getUrl()).isEqualTo(file.getUrl());
        assertThat(rest.pages().get(50).status().getReason()).contains("150 page(s)");
    }

    @Test
    void aFileOutsideTheSourcesFolderIsRefusedAndAMissingFolderFails() throws Exception {
        Files.writeString(folder.resolve("secret.html"), "<html><body>not for the crawler</body></html>");
        Source.Folder source = new Source.Folder("saved", folder.resolve("saved"), "*.html");
        PageWorker worker = worker(source);

        FetchStatus outside = onlyStatus(worker.perform(
                url(folder.resolve("secret.html").toUri().toString(), "saved", FrontierKind.PAGE, 1)));
        FetchStatus missing = onlyStatus(worker.perform(
                url(folder.resolve("saved").toUri().toString(), "saved", FrontierKind.PAGE, 0)));

        assertThat(outside.getOutcome()).isEqualTo(FetchOutcome.REFUSED);
        assertThat(outside.getReason()).contains("outside");
        assertThat(missing.getOutcome()).isEqualTo(FetchOutcome.FAILED);
        assertThat(missing.getReason()).contains("not a folder");
    }
}
