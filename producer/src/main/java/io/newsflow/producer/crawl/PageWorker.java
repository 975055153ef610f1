package io.newsflow.producer.crawl;

import io.newsflow.producer.discover.DiscoveredUrl;
import io.newsflow.producer.discover.DiscoveryException;
import io.newsflow.producer.discover.FeedParser;
import io.newsflow.producer.discover.FollowRules;
import io.newsflow.producer.discover.SitemapParser;
import io.newsflow.producer.discover.Source;
import io.newsflow.producer.discover.WarcPage;
import io.newsflow.producer.discover.WarcReader;
import io.newsflow.producer.extract.ArticleExtractor;
import io.newsflow.producer.extract.Extraction;
import io.newsflow.producer.fetch.FetchOutcome.Failed;
import io.newsflow.producer.fetch.FetchOutcome.Fetched;
import io.newsflow.producer.fetch.FetchOutcome.NotModified;
import io.newsflow.producer.fetch.FetchOutcome.Refusal;
import io.newsflow.producer.fetch.FetchOutcome.Refused;
import io.newsflow.producer.fetch.FetchRequest;
import io.newsflow.producer.fetch.HttpFetcher;
import io.newsflow.producer.frontier.FetchWork;
import io.newsflow.producer.frontier.FrontierUrls;
import io.newsflow.producer.frontier.WorkResult;
import io.newsflow.producer.politeness.RobotsPolicy;
import io.newsflow.schema.FetchOutcome;
import io.newsflow.schema.FetchStatus;
import io.newsflow.schema.FrontierKind;
import io.newsflow.schema.FrontierUrl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's stages for one frontier URL, run on a fetch thread: robots.txt ({@link RobotsPolicy}) →
 * fetch ({@link HttpFetcher}, conditional on a re-poll) → by kind: extract the article and find the links
 * of a page ({@link ArticleExtractor}, the source's follow rules and pagination), or read the items of a
 * feed ({@link FeedParser}) or sitemap ({@link SitemapParser}). Local files of folder sources are read from
 * disk (a folder lists its files as links), WARC files in chunks of {@value #WARC_CHUNK} archived pages.
 * Every URL ends as exactly one {@code FetchStatus} in the result. Thread-safe.
 */
public final class PageWorker implements FetchWork {

    /** Archived pages read from a WARC file per call; the rest follows as a continuation. */
    static final int WARC_CHUNK = 100;

    private static final Logger log = LoggerFactory.getLogger(PageWorker.class);
    private static final String WARC_POSITION = "pages:";

    private final Map<String, Source> sources;
    private final HttpFetcher fetcher;
    private final RobotsPolicy robots;
    private final ArticleExtractor extractor;
    private final Clock clock;
    private final Map<String, WarcCursor> warcCursors = new ConcurrentHashMap<>();

    /** An open WARC file and how many pages were read from it. */
    private record WarcCursor(WarcReader reader, long pagesRead) {
    }

    /**
     * @param robots the robots.txt policy, or null to skip robots.txt (tools and benchmarks only)
     */
    public PageWorker(Map<String, Source> sources, HttpFetcher fetcher, RobotsPolicy robots,
                      ArticleExtractor extractor, Clock clock) {
        this.sources = Map.copyOf(sources);
        this.fetcher = fetcher;
        this.robots = robots;
        this.extractor = extractor;
        this.clock = clock;
    }

    /** A robots.txt policy that fetches through {@code fetcher} (same guards, same user agent). */
    public static RobotsPolicy robotsPolicy(HttpFetcher fetcher, String userAgent, Clock clock, CrawlSettings settings) {
        return new RobotsPolicy(url -> robotsResponse(fetcher, url), clock, RobotsPolicy.productToken(userAgent),
                settings.crawlDelayCap(), settings.robotsErrorBackoff());
    }

    private static RobotsPolicy.RobotsResponse robotsResponse(HttpFetcher fetcher, URI url) {
        var outcome = fetcher.fetch(FetchRequest.any(url));
        if (outcome instanceof Fetched f) {
            return new RobotsPolicy.RobotsResponse(f.status(), f.body());
        }
        if (outcome instanceof Refused r) {
            if (r.refusal() == Refusal.ADDRESS || r.refusal() == Refusal.SCHEME) {
                // The page fetch meets the same guard and is refused with the precise outcome; robots.txt
                // must not turn that into a temporary "robots.txt unreachable".
                return new RobotsPolicy.RobotsResponse(404, new byte[0]);
            }
            return r.status() == null ? RobotsPolicy.RobotsResponse.unreachable()
                    : new RobotsPolicy.RobotsResponse(r.status(), new byte[0]);
        }
        return RobotsPolicy.RobotsResponse.unreachable();
    }

    @Override
    public WorkResult perform(FrontierUrl u) {
        Source source = sources.get(u.getSourceId());
        if (source == null) {
            return WorkResult.of(status(u, FetchOutcome.REFUSED, 0).setReason(
                    "source '" + u.getSourceId() + "' is not configured").build());
        }
        URI uri;
        try {
            uri = new URI(u.getUrl());
        } catch (java.net.URISyntaxException e) {
            return WorkResult.of(status(u, FetchOutcome.REFUSED, 0).setReason("not a valid URI: " + e.getReason())
                    .build());
        }
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            return local(u, uri, source);
        }
        return remote(u, uri, source);
    }

    // ---------------------------------------------------------------- http(s)

    private WorkResult remote(FrontierUrl u, URI uri, Source source) {
        WorkResult.Builder result = WorkResult.builder();
        if (robots != null) {
            RobotsPolicy.Decision decision = robots.check(uri);
            result.hostDelay(decision.crawlDelay());
            if (!decision.allowed()) {
                if (decision.temporary()) {
                    result.retryAfter(Duration.between(clock.instant(), decision.retryAt()).abs());
                }
                return result.page(status(u, FetchOutcome.ROBOTS_DISALLOWED, 0).setReason(decision.reason()).build(),
                        null).build();
            }
        }
        FetchRequest request = u.getKind() == FrontierKind.FEED || u.getKind() == FrontierKind.SITEMAP
                ? FetchRequest.any(uri) : FetchRequest.page(uri);
        var outcome = fetcher.fetch(request.ifChangedSince(u.getEtag(), u.getLastModified()));
        result.requested(true);
        if (outcome instanceof Fetched page) {
            result.validators(page.etag(), page.lastModified());
            if (u.getKind() == FrontierKind.FEED) {
                feed(u, source, page, result);
            } else if (u.getKind() == FrontierKind.SITEMAP) {
                sitemap(u, source, page, result);
            } else {
                page(u, source, page, result);
            }
        } else if (outcome instanceof NotModified n) {
            result.validators(n.etag(), n.lastModified());
            result.page(status(u, n.statusOutcome(), n.durationMillis()).setHttpStatus(304)
                    .setReason("not modified since the previous poll").build(), null);
        } else if (outcome instanceof Refused r) {
            if (r.retryAfter() != null) {
                result.retryAfter(r.retryAfter());
            }
            result.page(status(u, r.statusOutcome(), r.durationMillis()).setHttpStatus(r.status())
                    .setContentType(r.contentType()).setBytes(r.bytes()).setReason(r.reason()).build(), null);
        } else if (outcome instanceof Failed f) {
            result.page(status(u, f.statusOutcome(), f.durationMillis()).setReason(f.reason()).build(), null);
        }
        return result.build();
    }

    private void page(FrontierUrl u, Source source, Fetched page, WorkResult.Builder result) {
        Document doc;
        try {
            // The fetcher decided the charset (BOM, header, meta); null lets jsoup sniff.
            doc = Jsoup.parse(new ByteArrayInputStream(page.body()),
                    page.charset() == null ? null : page.charset().name(), page.finalUrl().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does not fail
        }
        String finalUrl = page.finalUrl().toString();
        Map<String, Integer> links = links(u, source, doc, finalUrl);
        long now = clock.millis();
        for (Map.Entry<String, Integer> link : links.entrySet()) {
            result.link(FrontierUrls.of(link.getKey(), u.getSourceId(), FrontierKind.PAGE, link.getValue(),
                    u.getUrl(), 0, now));
        }
        result.fingerprint(links.isEmpty() ? null : fingerprint(links.keySet()));
        FetchStatus.Builder status = status(u, FetchOutcome.NOT_ARTICLE, page.durationMillis())
                .setHttpStatus(page.status()).setContentType(page.contentType()).setBytes(page.body().length);
        extract(finalUrl, doc, u.getSourceId(), !links.isEmpty(), status, result);
    }

    /** Followable links of a page by normalised URL, with their depth; pagination first (same depth). */
    private static Map<String, Integer> links(FrontierUrl u, Source source, Document doc, String pageUrl) {
        Map<String, Integer> links = new LinkedHashMap<>();
        FollowRules rules = rulesOf(source);
        if (rules == null) {
            return links;
        }
        String pagination = source instanceof Source.Site site ? site.pagination() : null;
        String self = FrontierUrls.normalize(pageUrl);
        int depth = u.getDepth();
        if (pagination != null) {
            for (Element a : doc.select(pagination)) {
                addLink(links, a.absUrl("href"), depth, rules, self);
            }
        }
        if (depth < rules.maxDepth()) {
            for (Element a : doc.select("a[href]")) {
                addLink(links, a.absUrl("href"), depth + 1, rules, self);
            }
        }
        return links;
    }

    private static void addLink(Map<String, Integer> links, String href, int depth, FollowRules rules, String self) {
        if (href.isEmpty() || !(href.startsWith("http://") || href.startsWith("https://"))) {
            return;
        }
        String normalized = FrontierUrls.normalize(href);
        if (normalized.equals(self) || !rules.follows(normalized) || FrontierUrls.hostKey(normalized) == null) {
            return;
        }
        links.putIfAbsent(normalized, depth);
    }

    private void extract(String url, Document doc, String sourceId, boolean listing, FetchStatus.Builder status,
                         WorkResult.Builder result) {
        Extraction extraction;
        try {
            extraction = extractor.extract(url, doc, sourceId, clock.instant());
        } catch (RuntimeException e) {
            // An extractor bug on one page must not stop the crawl; the page is reported, not lost silently.
            log.atWarn().setMessage("Extraction failed").addKeyValue("url", url).setCause(e).log();
            result.page(status.setOutcome(FetchOutcome.FAILED).setReason("extraction failed: " + e).build(), null);
            return;
        }
        if (extraction instanceof Extraction.Extracted extracted) {
            result.page(status.setOutcome(FetchOutcome.ARTICLE).setArticleId(extracted.article().getId()).build(),
                    extracted.article());
        } else if (extraction instanceof Extraction.NotArticle notArticle) {
            result.page(status.setOutcome(listing ? FetchOutcome.LISTING : FetchOutcome.NOT_ARTICLE)
                    .setReason(notArticle.reason()).build(), null);
        }
    }

    private void feed(FrontierUrl u, Source source, Fetched page, WorkResult.Builder result) {
        List<DiscoveredUrl> items;
        try {
            items = FeedParser.parse(page.body(), page.contentType(), page.finalUrl());
        } catch (DiscoveryException e) {
            result.page(status(u, FetchOutcome.REFUSED, page.durationMillis()).setHttpStatus(page.status())
                    .setContentType(page.contentType()).setBytes(page.body().length)
                    .setReason("not a readable feed: " + e.getMessage()).build(), null);
            return;
        }
        int queued = listed(u, rulesOf(source), items, result);
        result.page(status(u, FetchOutcome.FEED, page.durationMillis()).setHttpStatus(page.status())
                .setContentType(page.contentType()).setBytes(page.body().length)
                .setReason(items.size() + " item(s), " + queued + " followed").build(), null);
    }

    private void sitemap(FrontierUrl u, Source source, Fetched page, WorkResult.Builder result) {
        List<DiscoveredUrl> entries;
        try {
            entries = SitemapParser.parse(page.body(), page.contentType(), page.finalUrl());
        } catch (DiscoveryException e) {
            result.page(status(u, FetchOutcome.REFUSED, page.durationMillis()).setHttpStatus(page.status())
                    .setContentType(page.contentType()).setBytes(page.body().length)
                    .setReason("not a readable sitemap: " + e.getMessage()).build(), null);
            return;
        }
        int queued = listed(u, rulesOf(source), entries, result);
        result.page(status(u, FetchOutcome.SITEMAP, page.durationMillis()).setHttpStatus(page.status())
                .setContentType(page.contentType()).setBytes(page.body().length)
                .setReason(entries.size() + " URL(s), " + queued + " followed").build(), null);
    }

    /**
     * Turns the URLs a feed or sitemap listed into links: pages one hop deeper, within the follow rules and at
     * most {@code max-pages} per poll; child sitemaps (and feeds) at the same depth, unfiltered.
     */
    private int listed(FrontierUrl u, FollowRules rules, List<DiscoveredUrl> found, WorkResult.Builder result) {
        long now = clock.millis();
        int pages = 0;
        List<String> all = new ArrayList<>();
        for (DiscoveredUrl d : found) {
            String url = FrontierUrls.normalize(d.url().toString());
            if (FrontierUrls.hostKey(url) == null) {
                continue;
            }
            all.add(url);
            result.itemDate(d.lastModified());
            if (d.kind() == FrontierKind.SITEMAP || d.kind() == FrontierKind.FEED) {
                result.link(FrontierUrls.of(url, u.getSourceId(), d.kind(), u.getDepth(), u.getUrl(), 0, now));
            } else if (rules == null || (u.getDepth() + 1 <= rules.maxDepth() && rules.follows(url)
                    && pages < rules.maxPages())) {
                result.link(FrontierUrls.of(url, u.getSourceId(), FrontierKind.PAGE, u.getDepth() + 1, u.getUrl(), 0,
                        now));
                pages++;
            }
        }
        result.fingerprint(all.isEmpty() ? null : fingerprint(all));
        return pages;
    }

    /** The link rules of a web source (site, feed, sitemap); null for local files, whose links are not followed. */
    private static FollowRules rulesOf(Source source) {
        if (source instanceof Source.Feed feed) {
            return feed.rules();
        }
        if (source instanceof Source.Sitemap sitemap) {
            return sitemap.rules();
        }
        if (source instanceof Source.Site site) {
            return site.rules();
        }
        return null;
    }

    // ---------------------------------------------------------------- local files

    private WorkResult local(FrontierUrl u, URI uri, Source source) {
        Path path;
        try {
            path = Path.of(uri).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            return WorkResult.of(status(u, FetchOutcome.REFUSED, 0).setReason("not a local file: " + uri).build());
        }
        Path root;
        String glob;
        if (source instanceof Source.Folder folder) {
            root = folder.path().toAbsolutePath().normalize();
            glob = folder.glob();
        } else if (source instanceof Source.Warc warc) {
            root = warc.path().toAbsolutePath().normalize();
            glob = warc.glob();
        } else {
            return WorkResult.of(status(u, FetchOutcome.REFUSED, 0)
                    .setReason("file URL for source '" + source.id() + "', which is not a folder or warc source").build());
        }
        if (!path.startsWith(root)) {
            return WorkResult.of(status(u, FetchOutcome.REFUSED, 0)
                    .setReason("file outside the source's path " + root).build());
        }
        if (Files.isDirectory(path)) {
            return listFolder(u, path, glob);
        }
        if (!Files.isRegularFile(path)) {
            String what = source instanceof Source.Folder ? "not a folder: " : "no such file: ";
            return WorkResult.of(status(u, FetchOutcome.FAILED, 0).setReason(what + path).build());
        }
        return source instanceof Source.Warc warc ? warcChunk(u, path, warc) : file(u, path);
    }

    /** A folder is a listing of its matching files (recursively), each one hop deeper. */
    private WorkResult listFolder(FrontierUrl u, Path folder, String glob) {
        long started = System.nanoTime();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<String> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> matcher.matches(p.getFileName())).sorted()
                    .map(p -> p.toUri().toString()).toList();
        } catch (IOException | UncheckedIOException e) {
            return WorkResult.of(status(u, FetchOutcome.FAILED, 0).setReason("cannot list folder: " + e.getMessage())
                    .build());
        }
        WorkResult.Builder result = WorkResult.builder();
        long now = clock.millis();
        for (String file : files) {
            result.link(FrontierUrls.of(file, u.getSourceId(), FrontierKind.PAGE, u.getDepth() + 1, u.getUrl(), 0, now));
        }
        result.fingerprint(files.isEmpty() ? null : fingerprint(files));
        return result.page(status(u, FetchOutcome.LISTING, millisSince(started))
                .setReason(files.size() + " file(s) matching " + glob).build(), null).build();
    }

    private WorkResult file(FrontierUrl u, Path file) {
        long started = System.nanoTime();
        WorkResult.Builder result = WorkResult.builder();
        try {
            Document doc = Jsoup.parse(file.toFile(), null, u.getUrl());
            FetchStatus.Builder status = status(u, FetchOutcome.NOT_ARTICLE, millisSince(started))
                    .setBytes(Files.size(file));
            extract(u.getUrl(), doc, u.getSourceId(), false, status, result);
        } catch (IOException e) {
            result.page(status(u, FetchOutcome.FAILED, 0).setReason("cannot read file: " + e.getMessage()).build(),
                    null);
        }
        return result.build();
    }

    /**
     * Reads the next {@value #WARC_CHUNK} archived pages of a WARC file, from the position carried in the URL's
     * {@code etag} ({@code pages:N}). The reader stays open between chunks, so a file is read once; after a
     * restart the pages already done are skipped. The file's own status comes with its last chunk.
     */
    private WorkResult warcChunk(FrontierUrl u, Path path, Source.Warc source) {
        long done = 0;
        if (u.getEtag() != null && u.getEtag().startsWith(WARC_POSITION)) {
            done = Long.parseLong(u.getEtag().substring(WARC_POSITION.length()));
        }
        WorkResult.Builder result = WorkResult.builder();
        String key = path.toString();
        WarcCursor cursor = warcCursors.remove(key);
        try {
            if (cursor == null || cursor.pagesRead() != done) {
                closeQuietly(cursor);
                cursor = new WarcCursor(new WarcReader(path), 0);
                long skipped = 0;
                while (skipped < done && cursor.reader().hasNext()) {
                    cursor.reader().next();
                    skipped++;
                }
                cursor = new WarcCursor(cursor.reader(), skipped);
            }
            long read = cursor.pagesRead();
            int chunk = 0;
            int maxPages = source.rules().maxPages();
            while (chunk < WARC_CHUNK && read < maxPages && cursor.reader().hasNext()) {
                WarcPage page = cursor.reader().next();
                read++;
                chunk++;
                warcPage(u, page, source, result);
            }
            if (read < maxPages && cursor.reader().hasNext()) {
                warcCursors.put(key, new WarcCursor(cursor.reader(), read));
                result.continuation(FrontierUrl.newBuilder(u).setEtag(WARC_POSITION + read).build());
            } else {
                closeQuietly(cursor);
                result.page(status(u, FetchOutcome.LISTING, 0).setReason("WARC file read: " + read + " page(s)")
                        .build(), null);
            }
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(cursor);
            result.page(status(u, FetchOutcome.FAILED, 0).setReason("cannot read WARC file: " + e.getMessage()).build(),
                    null);
        }
        return result.build();
    }

    private void warcPage(FrontierUrl warc, WarcPage page, Source.Warc source, WorkResult.Builder result) {
        String url = FrontierUrls.normalize(page.url().toString());
        if (!source.rules().follows(url)) {
            return;
        }
        FetchStatus.Builder status = FetchStatus.newBuilder().setUrl(url).setSourceId(warc.getSourceId())
                .setOutcome(FetchOutcome.NOT_ARTICLE).setHttpStatus(page.status()).setContentType(page.contentType())
                .setBytes(page.body().length).setDepth(0).setDurationMillis(0).setTimestamp(clock.instant());
        Document doc = Jsoup.parse(new String(page.body(), charsetOf(page.contentType())), url);
        extract(url, doc, warc.getSourceId(), false, status, result);
    }

    private static java.nio.charset.Charset charsetOf(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return java.nio.charset.Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (RuntimeException e) {
                        break;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static void closeQuietly(WarcCursor cursor) {
        if (cursor != null) {
            try {
                cursor.reader().close();
            } catch (IOException e) {
                log.debug("Closing a WARC file failed", e);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private FetchStatus.Builder status(FrontierUrl u, FetchOutcome outcome, long millis) {
        return FetchStatus.newBuilder()
                .setUrl(u.getUrl())
                .setSourceId(u.getSourceId())
                .setOutcome(outcome)
                .setDepth(u.getDepth())
                .setDurationMillis(millis)
                .setTimestamp(clock.instant());
    }

    /** A 64-bit hash of a set of URLs (order does not matter), to tell whether a listing changed. */
    static long fingerprint(Collection<String> urls) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String url : new TreeSet<>(urls)) {
                sha.update(url.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Closes WARC files left open. */
    void close() {
        warcCursors.values().forEach(PageWorker::closeQuietly);
        warcCursors.clear();
    }
}
