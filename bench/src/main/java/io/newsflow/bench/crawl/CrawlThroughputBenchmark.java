package io.newsflow.bench.crawl;

import io.newsflow.bench.BenchFiles;
import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.producer.ProducerSettings;
import io.newsflow.producer.crawl.CrawlMetrics;
import io.newsflow.producer.crawl.CrawlReport;
import io.newsflow.producer.crawl.CrawlSettings;
import io.newsflow.producer.crawl.Crawler;
import io.newsflow.producer.discover.FollowRules;
import io.newsflow.producer.discover.Source;
import io.newsflow.producer.extract.ArticleExtractor;
import io.newsflow.producer.extract.Extraction;
import io.newsflow.producer.fetch.FetchSettings;
import io.newsflow.schema.FetchOutcome;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.schemas.TopicSetup;
import io.newsflow.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Crawl throughput with politeness off (delay 0) against a local site ({@link BenchSite}: H hosts on
 * loopback addresses, P articles each), beside baselines measured in the same run on the same pages with
 * the same number of concurrent fetches and no Kafka: plain {@link HttpClient} GETs + jsoup parse, and the
 * same + {@link ArticleExtractor}. The crawler runs on an embedded broker in this JVM with
 * {@code exactly_once_v2}: frontier (dedupe, per-host queues), robots.txt, fetch, extract, publish, links
 * back through {@code news.frontier}. Its time runs from seeding until the frontier is drained and every
 * status is committed. Prints a table row and a JSON line.
 *
 * <p>Run: {@code java -cp ... io.newsflow.bench.crawl.CrawlThroughputBenchmark [hosts] [pagesPerHost]
 * [concurrency]} (see BENCHMARKS.md).
 */
public final class CrawlThroughputBenchmark {

    private CrawlThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int perHost = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path dir = BenchFiles.tempDir("newsflow-crawl-bench");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
             BenchSite site = BenchSite.start(hosts, perHost, 8)) {
            List<URI> pages = site.pages();
            System.out.printf("%d hosts x %d articles (+ a front page each) = %d pages, %d concurrent fetches%n",
                    hosts, perHost, pages.size(), concurrency);
            baseline(pages, concurrency, true); // warm-up: JIT for HTTP, jsoup and the extractor
            double getParse = baseline(pages, concurrency, false);
            double getParseExtract = baseline(pages, concurrency, true);
            Result crawl = crawl(kafka, site, dir, concurrency);
            double getParseAgain = baseline(pages, concurrency, false);
            double getParseMean = (getParse + getParseAgain) / 2;

            System.out.printf(Locale.ROOT, "| %d | %d | %,.0f | %,.0f | %,.0f | %.2f | %.2f |%n", pages.size(),
                    concurrency, getParseMean, getParseExtract, crawl.pagesPerSecond, crawl.pagesPerSecond / getParseMean,
                    crawl.pagesPerSecond / getParseExtract);
            System.out.printf(Locale.ROOT, "{\"benchmark\":\"crawl-throughput\",\"pages\":%d,\"hosts\":%d,"
                            + "\"concurrency\":%d,\"getParsePagesPerSecond\":[%.1f,%.1f],"
                            + "\"getParseExtractPagesPerSecond\":%.1f,\"crawlerPagesPerSecond\":%.1f,"
                            + "\"crawlerSeconds\":%.2f,\"crawlerSecondsToLastStatus\":%.2f,\"report\":\"%s\","
                            + "\"ratioToGetParse\":%.3f,\"ratioToGetParseExtract\":%.3f}%n",
                    pages.size(), hosts, concurrency, getParse, getParseAgain, getParseExtract, crawl.pagesPerSecond,
                    crawl.seconds, crawl.secondsToLastStatus, crawl.report, crawl.pagesPerSecond / getParseMean,
                    crawl.pagesPerSecond / getParseExtract);
        }
    }

    private record Result(double pagesPerSecond, double seconds, double secondsToLastStatus, String report) {
    }

    /** GETs every page with {@code concurrency} threads, parses it with jsoup, optionally extracts it; pages/s. */
    static double baseline(List<URI> pages, int concurrency, boolean extract) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ArticleExtractor extractor = new ArticleExtractor();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        AtomicInteger articles = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (URI page : pages) {
                done.add(threads.submit(() -> {
                    HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(page)
                            .header("User-Agent", "NewsflowBench/0.1").build(), HttpResponse.BodyHandlers.ofByteArray());
                    Document doc = Jsoup.parse(new java.io.ByteArrayInputStream(response.body()), "UTF-8", page.toString());
                    if (extract && extractor.extract(page.toString(), doc, "bench", Instant.now())
                            instanceof Extraction.Extracted) {
                        articles.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = pages.size() / seconds;
        System.out.printf(Locale.ROOT, "baseline GET + parse%s: %d pages in %.2f s = %.1f pages/s%s%n",
                extract ? " + extract" : "", pages.size(), seconds, rate,
                extract ? " (" + articles.get() + " articles)" : "");
        return rate;
    }

    static Result crawl(EmbeddedKafka kafka, BenchSite site, Path dir, int concurrency) throws Exception {
        Topics topics = new Topics("bench.");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicSetup.ensure(admin, topics, 4, (short) 1);
        }
        List<Source> sources = new ArrayList<>();
        int i = 0;
        for (URI base : site.bases()) {
            sources.add(new Source.Site("host-" + ++i, List.of(base),
                    new FollowRules(List.of(Pattern.compile("^" + Pattern.quote(base.toString()))), List.of(), 1,
                            Integer.MAX_VALUE), null, Duration.ZERO));
        }
        FetchSettings fetch = new FetchSettings("NewsflowBench/0.1 (+http://127.0.0.1/)", Duration.ofSeconds(5),
                Duration.ofSeconds(30), 5_000_000).allowing("127.0.0.0/8");
        CrawlSettings crawl = CrawlSettings.defaults("bench-crawler", dir.resolve("crawler")).withConcurrency(concurrency);
        ProducerSettings settings = new ProducerSettings(kafka.bootstrapServers(), topics, null, fetch,
                Duration.ofMinutes(10), Map.of(), crawl);
        try (Crawler crawler = Crawler.start(settings, sources, RecordSerdes.singleObject(), CrawlMetrics.unexported(),
                Duration.ofSeconds(120))) {
            long start = System.nanoTime();
            Instant started = Instant.now();
            crawler.seed();
            if (!crawler.awaitIdle(Duration.ofMinutes(30))) {
                throw new IllegalStateException("crawl did not finish within 30 minutes");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            var statuses = crawler.statusesSinceStart();
            CrawlReport report = CrawlReport.of(statuses);
            Instant last = statuses.stream().map(s -> s.getTimestamp()).max(Instant::compareTo).orElse(started);
            double toLast = Duration.between(started, last).toMillis() / 1e3;
            int fetched = report.total();
            System.out.printf(Locale.ROOT, "crawler: %s in %.2f s (last status after %.2f s) = %.1f pages/s; %d articles%n",
                    report, seconds, toLast, fetched / seconds, report.countOf(FetchOutcome.ARTICLE));
            return new Result(fetched / seconds, seconds, toLast, report.toString());
        }
    }
}
