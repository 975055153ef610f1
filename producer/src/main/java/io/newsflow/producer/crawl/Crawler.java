package io.newsflow.producer.crawl;

import io.newsflow.producer.discover.Source;
import io.newsflow.producer.extract.ArticleExtractor;
import io.newsflow.producer.extract.Extraction;
import io.newsflow.producer.extract.UrlNormalizer;
import io.newsflow.producer.fetch.FetchOutcome.Failed;
import io.newsflow.producer.fetch.FetchOutcome.Fetched;
import io.newsflow.producer.fetch.FetchOutcome.Refused;
import io.newsflow.producer.fetch.HttpFetcher;
import io.newsflow.producer.publish.CrawlSink;
import io.newsflow.schema.FetchOutcome;
import io.newsflow.schema.FetchStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's stages in order, for each configured source: discover (start pages, followed links,
 * pagination; or the files of a folder) → fetch ({@link HttpFetcher}) → extract
 * ({@link ArticleExtractor}) → publish ({@link CrawlSink}). Every URL considered ends as one
 * {@link FetchStatus}. One crawl is single-threaded and polite: requests to a host are spaced by the
 * source's delay. Not thread-safe; use one instance per thread.
 */
public final class Crawler {

    private static final Logger log = LoggerFactory.getLogger(Crawler.class);

    private final HttpFetcher fetcher;
    private final ArticleExtractor extractor;
    private final CrawlSink sink;
    private final Clock clock;
    private final HostPacer pacer = new HostPacer();
    private final CrawlMetrics metrics;

    public Crawler(HttpFetcher fetcher, ArticleExtractor extractor, CrawlSink sink, Clock clock) {
        this(fetcher, extractor, sink, clock, CrawlMetrics.unexported());
    }

    public Crawler(HttpFetcher fetcher, ArticleExtractor extractor, CrawlSink sink, Clock clock, CrawlMetrics metrics) {
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.sink = sink;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Crawls every source once, then flushes the sink so everything reported is acknowledged. */
    public CrawlReport crawl(List<Source> sources) {
        CrawlReport report = new CrawlReport();
        for (Source source : sources) {
            if (source instanceof Source.Site site) {
                crawlSite(site, report);
            } else if (source instanceof Source.Folder folder) {
                crawlFolder(folder, report);
            }
        }
        sink.flush();
        log.info("Crawl finished: {}", report);
        return report;
    }

    private record Pending(URI url, int depth) {
    }

    private void crawlSite(Source.Site site, CrawlReport report) {
        Deque<Pending> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (URI start : site.start()) {
            if (seen.add(UrlNormalizer.normalize(start.toString()))) {
                queue.add(new Pending(start, 0));
            }
        }
        int fetched = 0;
        while (!queue.isEmpty()) {
            Pending next = queue.poll();
            if (fetched >= site.rules().maxPages()) {
                log.warn("Source {}: max-pages {} reached, {} URL(s) left unfetched", site.id(),
                        site.rules().maxPages(), queue.size() + 1);
                break;
            }
            fetched++;
            pacer.awaitTurn(next.url().getHost(), site.delay());
            var outcome = fetcher.fetch(next.url());
            if (outcome instanceof Fetched page) {
                Document doc = parse(page);
                int discovered = discoverLinks(site, doc, next.depth(), seen, queue);
                handleDocument(site.id(), page.finalUrl().toString(), doc, next.depth(), page.status(),
                        page.contentType(), page.body().length, page.durationMillis(), discovered > 0, report);
            } else if (outcome instanceof Refused r) {
                record(report, status(site.id(), next.url().toString(), FetchOutcome.REFUSED, next.depth(),
                        r.durationMillis()).setHttpStatus(r.status()).setContentType(r.contentType())
                        .setBytes(r.bytes()).setReason(r.reason()).build());
            } else if (outcome instanceof Failed f) {
                record(report, status(site.id(), next.url().toString(), FetchOutcome.FAILED, next.depth(),
                        f.durationMillis()).setReason(f.reason()).build());
            }
        }
    }

    private static Document parse(Fetched page) {
        try {
            // A null charset lets jsoup sniff the BOM and <meta charset>.
            return Jsoup.parse(new ByteArrayInputStream(page.body()),
                    page.charset() == null ? null : page.charset().name(), page.finalUrl().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does not fail
        }
    }

    /** Queues followable links (depth + 1) and pagination links (same depth); returns how many were new. */
    private int discoverLinks(Source.Site site, Document doc, int depth, Set<String> seen, Deque<Pending> queue) {
        int added = 0;
        if (site.pagination() != null) {
            for (Element a : doc.select(site.pagination())) {
                added += enqueue(site, a.absUrl("href"), depth, seen, queue);
            }
        }
        if (depth < site.rules().maxDepth()) {
            for (Element a : doc.select("a[href]")) {
                added += enqueue(site, a.absUrl("href"), depth + 1, seen, queue);
            }
        }
        return added;
    }

    private static int enqueue(Source.Site site, String href, int depth, Set<String> seen, Deque<Pending> queue) {
        if (href.isEmpty() || !(href.startsWith("http://") || href.startsWith("https://"))) {
            return 0;
        }
        String normalized = UrlNormalizer.normalize(href);
        if (!site.rules().follows(normalized) || !seen.add(normalized)) {
            return 0;
        }
        try {
            queue.add(new Pending(URI.create(normalized), depth));
            return 1;
        } catch (IllegalArgumentException e) {
            return 0; // a link that is not a valid URI is not followable
        }
    }

    private void crawlFolder(Source.Folder folder, CrawlReport report) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + folder.glob());
        if (!Files.isDirectory(folder.path())) {
            record(report, status(folder.id(), folder.path().toUri().toString(), FetchOutcome.FAILED, 0, 0)
                    .setReason("not a folder: " + folder.path().toAbsolutePath()).build());
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder.path())) {
            files = walk.filter(Files::isRegularFile).filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        } catch (IOException e) {
            record(report, status(folder.id(), folder.path().toUri().toString(), FetchOutcome.FAILED, 0, 0)
                    .setReason("cannot list folder: " + e.getMessage()).build());
            return;
        }
        for (Path file : files) {
            String url = file.toUri().toString();
            long started = System.nanoTime();
            try {
                Document doc = Jsoup.parse(file.toFile(), null, url);
                handleDocument(folder.id(), url, doc, 0, null, null, Files.size(file),
                        (System.nanoTime() - started) / 1_000_000, false, report);
            } catch (IOException e) {
                record(report, status(folder.id(), url, FetchOutcome.FAILED, 0, 0)
                        .setReason("cannot read file: " + e.getMessage()).build());
            }
        }
    }

    private void handleDocument(String sourceId, String url, Document doc, int depth, Integer httpStatus,
                                String contentType, long bytes, long millis, boolean hadNewLinks, CrawlReport report) {
        FetchStatus.Builder status = status(sourceId, url, FetchOutcome.NOT_ARTICLE, depth, millis)
                .setHttpStatus(httpStatus).setContentType(contentType).setBytes(bytes);
        Extraction extraction;
        try {
            extraction = extractor.extract(url, doc, sourceId, clock.instant());
        } catch (RuntimeException e) {
            // An extractor bug on one page must not stop the crawl; the page is reported, not lost silently.
            log.atWarn().setMessage("Extraction failed").addKeyValue("url", url).setCause(e).log();
            record(report, status.setOutcome(FetchOutcome.FAILED).setReason("extraction failed: " + e).build());
            return;
        }
        if (extraction instanceof Extraction.Extracted extracted) {
            sink.article(extracted.article());
            report.published(extracted.article().getId());
            record(report, status.setOutcome(FetchOutcome.ARTICLE).setArticleId(extracted.article().getId()).build());
        } else if (extraction instanceof Extraction.NotArticle notArticle) {
            record(report, status.setOutcome(hadNewLinks ? FetchOutcome.LISTING : FetchOutcome.NOT_ARTICLE)
                    .setReason(notArticle.reason()).build());
        }
    }

    private FetchStatus.Builder status(String sourceId, String url, FetchOutcome outcome, int depth, long millis) {
        return FetchStatus.newBuilder()
                .setUrl(url)
                .setSourceId(sourceId)
                .setOutcome(outcome)
                .setDepth(depth)
                .setDurationMillis(millis)
                .setTimestamp(Instant.now(clock));
    }

    private void record(CrawlReport report, FetchStatus status) {
        log.atDebug().setMessage("URL decided")
                .addKeyValue("url", status.getUrl())
                .addKeyValue("outcome", status.getOutcome())
                .addKeyValue("articleId", status.getArticleId())
                .addKeyValue("reason", status.getReason())
                .log();
        report.count(status.getOutcome());
        metrics.record(status.getOutcome(), status.getBytes(), status.getDurationMillis());
        sink.status(status);
    }
}
