package io.newsflow.producer.extract;

import io.newsflow.schema.Article;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a fetched page into an {@link Article} or a reasoned {@link Extraction.NotArticle}.
 *
 * <p>Metadata first (JSON-LD, OpenGraph, {@code <meta>}, {@code <time>}, canonical link, {@code lang}),
 * then the main text found on a chrome-stripped copy of the DOM, then what the visible text says (byline,
 * "Published" line, a trailing citation line and Keywords line) for whatever the markup left unknown.
 * {@code Article.fieldSources} records which source won for each field.
 *
 * <p>A pure function: no I/O, the given document is not modified, and one instance may be shared by any
 * number of threads.
 */
public final class ArticleExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleExtractor.class);

    public ArticleExtractor() {
    }

    /** Parses {@code html} with {@code url} as base URI, then extracts as {@link #extract(String, Document, String, Instant)}. */
    public Extraction extract(String url, String html, String sourceId, Instant fetchedAt) {
        Objects.requireNonNull(html, "html");
        return extract(url, Jsoup.parse(html, url), sourceId, fetchedAt);
    }

    /**
     * Extracts the article on {@code doc}.
     *
     * @param url       the URL the page was fetched from, after redirects
     * @param sourceId  the configured source that discovered the page
     * @param fetchedAt when the page was fetched
     */
    public Extraction extract(String url, Document doc, String sourceId, Instant fetchedAt) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        return analyse(url, doc, sourceId, fetchedAt).extraction();
    }

    /**
     * The fields read from {@code doc} whether or not it is an article (evaluation looks at rejected
     * pages too). Does not modify {@code doc}.
     */
    public ExtractedFields fields(String url, Document doc) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(doc, "doc");
        return analyse(url, doc, "eval", Instant.EPOCH).fields();
    }

    private record Analysis(ExtractedFields fields, Extraction extraction) {
    }

    private Analysis analyse(String url, Document doc, String sourceId, Instant fetchedAt) {
        PageMetadata meta = MetadataExtractor.read(doc, url);
        VisibleMetadata visible = VisibleMetadata.find(doc);
        Document clean = doc.clone();
        ChromeStripper.strip(clean);
        Set<String> dropLines = new HashSet<>(visible.lines());
        if (meta.h1() != null) {
            dropLines.add(meta.h1());
        }
        if (meta.title() != null) {
            dropLines.add(meta.title().value());
        }
        Trailer trailer = Trailer.split(MainTextDetector.blocks(clean.body(), dropLines));
        Citation citation = trailer.citation();

        Sourced<String> source = Sourced.first(meta.source(),
                Sourced.of(citation == null ? null : citation.outlet(), "citation"));
        Sourced<String> title = Titles.withoutSiteSuffix(meta.title(), source, meta.h1());
        List<String> bodyBlocks = trailer.body().stream()
                .filter(b -> title == null || !b.equals(title.value())).toList();
        String body = String.join("\n\n", bodyBlocks);

        Sourced<List<String>> authors = Sourced.first(meta.authors(),
                Sourced.of(visible.authors(), "byline"),
                Sourced.of(citation == null ? null : citation.authors(), "citation"));
        Sourced<OffsetDateTime> published = Sourced.first(meta.publishedAt(),
                Sourced.of(visible.published(), "dateline"),
                Sourced.of(citation == null ? null : citation.date().atOffset(ZoneOffset.UTC), "citation"));
        Sourced<List<String>> keywords = Sourced.first(meta.keywords(),
                Sourced.of(trailer.keywords(), "keywords-line"));
        boolean articleSignals = meta.declaresArticle() || published != null || authors != null || citation != null;
        String rejection = title == null ? "no title"
                : PageClassifier.rejection(clean.body(), Texts.wordCount(body), meta.ogType(), articleSignals);
        ExtractedFields fields = new ExtractedFields(title == null ? null : title.value(),
                authors == null ? List.of() : authors.value(), published == null ? null : published.value().toInstant(),
                published == null ? null : published.value().toLocalDate(), body, rejection);
        if (rejection != null) {
            return new Analysis(fields, reject(url, rejection));
        }

        Sourced<String> canonical = Sourced.first(meta.canonicalUrl(), Sourced.of(url, "fetched-url"));
        String canonicalUrl = UrlNormalizer.normalize(canonical.value());
        Map<String, String> fieldSources = new LinkedHashMap<>();
        fieldSources.put("canonicalUrl", canonical.source());
        fieldSources.put("title", title.source());
        record(fieldSources, "authors", authors);
        record(fieldSources, "publishedAt", published);
        fieldSources.put("body", "main-text");
        record(fieldSources, "source", source);
        record(fieldSources, "sourceKeywords", keywords);
        record(fieldSources, "language", meta.language());

        Article article = Article.newBuilder()
                .setId(ArticleIds.fromCanonicalUrl(canonicalUrl))
                .setUrl(url)
                .setCanonicalUrl(canonicalUrl)
                .setSourceId(sourceId)
                .setTitle(title.value())
                .setAuthors(authors == null ? List.of() : authors.value())
                .setPublishedAt(published == null ? null : published.value().toInstant())
                .setBody(body)
                .setSource(source == null ? null : source.value())
                .setSourceKeywords(keywords == null ? List.of() : keywords.value())
                .setLanguage(meta.language() == null ? null : meta.language().value())
                .setFetchedAt(fetchedAt)
                .setFieldSources(fieldSources)
                .build();
        return new Analysis(fields, new Extraction.Extracted(article));
    }

    private static Extraction reject(String url, String reason) {
        LOG.debug("Not an article: {} ({})", url, reason);
        return new Extraction.NotArticle(reason);
    }

    private static void record(Map<String, String> fieldSources, String field, Sourced<?> value) {
        if (value != null) {
            fieldSources.put(field, value.source());
        }
    }
}
